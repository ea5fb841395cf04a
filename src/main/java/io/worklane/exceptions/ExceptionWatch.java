package io.worklane.exceptions;

import static org.camunda.spin.Spin.JSON;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.worklane.security.WorklaneGroups;

/**
 * Raises an exception task for each new cause and ends the task of each cause that has gone away. Every node runs
 * it; the row per cause (primary key kind + subject) lets exactly one node raise it.
 */
@Component
public class ExceptionWatch {

    static final String PROCESS_KEY = "supervisor-exception";
    static final String MESSAGE_CAUSE_GONE = "Exception.CauseGone";

    private static final Logger log = LoggerFactory.getLogger(ExceptionWatch.class);

    private final ExceptionCauses causes;
    private final ExceptionProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Clock clock;

    ExceptionWatch(ExceptionCauses causes, ExceptionProperties properties, JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, RuntimeService runtimeService,
            IdentityService identityService, Clock clock) {
        this.causes = causes;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${worklane.exceptions.watch-interval:PT30S}",
            initialDelayString = "${worklane.exceptions.watch-interval:PT30S}")
    public void look() {
        Instant now = clock.instant();
        Map<String, ExceptionCauses.Cause> current = new HashMap<>();
        for (ExceptionCauses.Cause cause : causes.now(now, properties)) {
            current.put(key(cause.kind().name(), cause.subject()), cause);
        }
        Map<String, String[]> known = new HashMap<>();
        jdbc.query("SELECT kind, subject, status, process_instance_id FROM supervisor_exception", row -> {
            known.put(key(row.getString("kind"), row.getString("subject")), new String[] { row.getString("kind"),
                row.getString("subject"), row.getString("status"), row.getString("process_instance_id") });
        });
        current.forEach((key, cause) -> {
            if (!known.containsKey(key)) {
                raise(cause, now);
            }
        });
        known.forEach((key, row) -> {
            if (!current.containsKey(key)) {
                gone(row[0], row[1], row[3]);
            }
        });
    }

    private void raise(ExceptionCauses.Cause cause, Instant now) {
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO supervisor_exception (kind, subject, status, department, raised_at) "
                        + "VALUES (?, ?, 'OPEN', ?, ?)", cause.kind().name(), cause.subject(), cause.department(),
                        Timestamp.from(now));
                String instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                        key(cause.kind().name(), cause.subject()), variables(cause)).getId();
                jdbc.update("UPDATE supervisor_exception SET process_instance_id = ? WHERE kind = ? AND subject = ?",
                        instance, cause.kind().name(), cause.subject());
            });
        }
        catch (DuplicateKeyException anotherNodeRaisedIt) {
            log.debug("{} for {} raised by another node", cause.kind(), cause.subject());
        }
    }

    /** The cause went away: an open task ends by itself; an acknowledged one may be raised again later. */
    private void gone(String kind, String subject, String processInstanceId) {
        transactions.executeWithoutResult(status -> {
            if (jdbc.update("DELETE FROM supervisor_exception WHERE kind = ? AND subject = ?", kind, subject) == 0) {
                return;
            }
            if (processInstanceId != null && runtimeService.createExecutionQuery()
                .processInstanceId(processInstanceId)
                .messageEventSubscriptionName(MESSAGE_CAUSE_GONE)
                .count() > 0) {
                runtimeService.createMessageCorrelation(MESSAGE_CAUSE_GONE)
                    .processInstanceId(processInstanceId)
                    .correlate();
            }
        });
    }

    private Map<String, Object> variables(ExceptionCauses.Cause cause) {
        String about = cause.externalId() != null ? cause.externalId()
                : cause.agentId() != null ? cause.agentId()
                        : "item " + cause.subject().substring(0, Math.min(8, cause.subject().length()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("exceptionKind", cause.kind().name());
        variables.put("exceptionTitle", cause.kind().title + ": " + about);
        variables.put("exceptionDetail", cause.detail());
        variables.put("exceptionPriority", cause.kind().priority);
        variables.put("workItemId", cause.workItemId());
        variables.put("externalId", cause.externalId());
        variables.put("agentId", cause.agentId());
        variables.put("department", cause.department());
        variables.put("dueAt", cause.dueAt() == null ? null : cause.dueAt().toString());
        variables.put("candidateSupervisors", String.join(",", supervisorsOf(cause.department())));
        // a JSON value, as the form's valuesKey reads it (never an object the engine would rebuild)
        variables.put("resolutionChoices", SpinValues.jsonValue(JSON(cause.kind().resolutions.stream()
            .map(resolution -> Map.of("label", resolution.label, "value", resolution.name()))
            .toList())).create());
        return variables;
    }

    /** The supervisors of the department, and those of every department. */
    private Set<String> supervisorsOf(String department) {
        Set<String> supervisors = new LinkedHashSet<>(members(WorklaneGroups.ALL_DEPARTMENTS));
        if (department != null) {
            Set<String> ofSupervisors = members(WorklaneGroups.SUPERVISORS);
            identityService.createGroupQuery()
                .groupType(WorklaneGroups.DEPARTMENT_TYPE)
                .list()
                .stream()
                .filter(group -> department.equalsIgnoreCase(group.getName()) || department.equalsIgnoreCase(group.getId()))
                .flatMap(group -> members(group.getId()).stream())
                .filter(ofSupervisors::contains)
                .forEach(supervisors::add);
        }
        return supervisors;
    }

    private Set<String> members(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String key(String kind, String subject) {
        return kind + ":" + subject;
    }
}
