package io.worklane.workitem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivers the messages of a {@code work-item} instance to the execution that waits for them. Camunda's correlation
 * by process instance first runs its execution query, which also asks for the subscription by message name; with
 * stale statistics on {@code act_ru_event_subscr} (a queue that grew since the last analyze) its plan walks every
 * instance's subscription of that name, milliseconds per queued thousand. This lookup goes by process instance
 * ({@code act_idx_exe_procinst}, then {@code act_idx_event_subscr}) and checks the name in Java, so that no
 * statistics can lead a plan to the name index.
 */
@Component
public class ProcessMessages {

    private static final String MESSAGE_WAITS = """
            SELECT s.execution_id_, s.event_name_
              FROM act_ru_execution e JOIN act_ru_event_subscr s ON s.execution_id_ = e.id_
             WHERE e.proc_inst_id_ = :id AND e.suspension_state_ = 1 AND s.event_type_ = 'message'
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;

    ProcessMessages(NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
    }

    /**
     * @return the execution of the instance waiting for the message; empty when the instance is suspended (Cockpit),
     *         gone, or somewhere else in its life
     * @throws MismatchingMessageCorrelationException when more than one waits, as a correlation would
     */
    public Optional<String> waitingExecution(String message, String processInstanceId) {
        List<String> waiting = jdbc.query(MESSAGE_WAITS, new MapSqlParameterSource("id", processInstanceId),
                (row, n) -> message.equals(row.getString("event_name_")) ? row.getString("execution_id_") : null)
            .stream()
            .filter(execution -> execution != null)
            .toList();
        if (waiting.size() > 1) {
            throw new MismatchingMessageCorrelationException(message,
                    waiting.size() + " executions of process instance " + processInstanceId + " wait for it");
        }
        return waiting.stream().findFirst();
    }

    /**
     * Delivers the message with these variables (set as a correlation sets them).
     * @throws MismatchingMessageCorrelationException when no execution of the instance waits for it
     */
    public void deliver(String message, String processInstanceId, Map<String, Object> variables) {
        String execution = waitingExecution(message, processInstanceId)
            .orElseThrow(() -> new MismatchingMessageCorrelationException(message,
                    "no active execution of process instance " + processInstanceId + " waits for it"));
        deliverTo(message, execution, variables);
    }

    /** Delivers the message to an execution found by {@link #waitingExecution}. */
    public void deliverTo(String message, String executionId, Map<String, Object> variables) {
        runtimeService.messageEventReceived(message, executionId, variables);
    }
}
