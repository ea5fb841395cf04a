package io.worklane.exceptions;


import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.worklane.agent.Agents;
import io.worklane.agent.Presence;
import io.worklane.agent.PresenceChange;
import io.worklane.capture.WorkItemLifecycle;
import io.worklane.priority.PriorityOverrides;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workbin.Workbins;
import io.worklane.workitem.Actor;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * "Apply resolution": what the supervisor chose in the exception's form, done as that supervisor, with their
 * departments' rules; a refusal fails the completion with its reason, so the task stays open.
 */
@Component
class ApplyResolutionDelegate implements JavaDelegate {

    private final WorkItemLifecycle lifecycle;
    private final PriorityOverrides priorities;
    private final Workbins workbins;
    private final WorkItems workItems;
    private final Agents agents;
    private final Supervision supervision;
    private final IdentityService identityService;
    private final ManagementService managementService;
    private final JdbcTemplate jdbc;

    ApplyResolutionDelegate(WorkItemLifecycle lifecycle, PriorityOverrides priorities, Workbins workbins,
            WorkItems workItems, Agents agents, Supervision supervision, IdentityService identityService,
            ManagementService managementService, JdbcTemplate jdbc) {
        this.lifecycle = lifecycle;
        this.priorities = priorities;
        this.workbins = workbins;
        this.workItems = workItems;
        this.agents = agents;
        this.supervision = supervision;
        this.identityService = identityService;
        this.managementService = managementService;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // what the exception is about comes from its row, never from variables the completer could have set
        var raised = jdbc.queryForList("SELECT kind, subject, department FROM supervisor_exception "
                + "WHERE process_instance_id = ?", execution.getProcessInstanceId());
        if (raised.isEmpty()) {
            throw new BadUserRequestException("This exception's cause has gone away meanwhile; nothing to do.");
        }
        ExceptionKind kind = ExceptionKind.valueOf((String) raised.get(0).get("kind"));
        String subject = (String) raised.get(0).get("subject");
        String chosen = text(execution.getVariable("resolution"));
        ExceptionKind.Resolution resolution = kind.resolutions.stream()
            .filter(offered -> offered.name().equals(chosen))
            .findFirst()
            .orElseThrow(() -> new BadUserRequestException("'" + chosen + "' is not offered for this exception; "
                    + "choose one of " + kind.resolutions + "."));
        Caller supervisor = supervisor();
        // a candidate chosen when it was raised may have left the department since: what it is about decides
        boolean theirs = kind == ExceptionKind.RONA_TWICE ? supervision.supervisesPerson(supervisor, subject)
                : supervision.coversDepartment(supervisor, (String) raised.get(0).get("department"));
        if (!theirs) {
            throw new BadUserRequestException("This exception belongs to a department you do not supervise.");
        }
        String itemId = kind == ExceptionKind.RONA_TWICE ? null : subject;
        String agentId = kind == ExceptionKind.RONA_TWICE ? subject : null;
        try {
            apply(resolution, kind, supervisor, itemId, agentId, execution);
        }
        catch (ErrorResponseException refused) {
            throw new BadUserRequestException(refused.getBody().getDetail());
        }
        jdbc.update("UPDATE supervisor_exception SET status = 'ACKNOWLEDGED' WHERE kind = ? AND subject = ?",
                kind.name(), subject);
    }

    private void apply(ExceptionKind.Resolution resolution, ExceptionKind kind, Caller supervisor, String itemId,
            String agentId, DelegateExecution execution) {
        switch (resolution) {
            case ACKNOWLEDGE -> {
            }
            case HOLD -> lifecycle.hold(itemId, supervisor);
            case CANCEL -> lifecycle.cancel(itemId, supervisor);
            case COMPLETE -> lifecycle.complete(itemId, supervisor);
            case SET_PRIORITY -> priorities.override(itemId, number(execution.getVariable("priority")), null,
                    supervisor);
            case REASSIGN -> {
                String agent = text(execution.getVariable("agent"));
                if (kind == ExceptionKind.PARKED_UNTOUCHED) {
                    WorkItemView item = visible(itemId, supervisor);
                    requireSupervises(supervisor, agent);
                    workbins.reassign(item.assignee(), itemId, agent, actor(supervisor));
                }
                else {
                    requireSupervises(supervisor, agent);
                    lifecycle.update(itemId, JsonNodeFactory.instance.objectNode().put("preferredAgent", agent),
                            supervisor);
                }
            }
            case RETURN_TO_QUEUE -> {
                WorkItemView item = visible(itemId, supervisor);
                workbins.returnToQueue(item.assignee(), itemId, actor(supervisor));
            }
            case RETRY -> {
                WorkItemView item = visible(itemId, supervisor);
                for (Job failed : managementService.createJobQuery().processInstanceId(item.processInstanceId())
                    .noRetriesLeft().list()) {
                    managementService.setJobRetries(failed.getId(), 1);
                }
            }
            case SET_READY -> {
                requireSupervises(supervisor, agentId);
                agents.changePresence(agentId, new PresenceChange(Presence.READY, null));
            }
        }
    }

    private WorkItemView visible(String itemId, Caller supervisor) {
        return workItems.find(itemId)
            .filter(item -> supervision.coversDepartment(supervisor, item.department()))
            .orElseThrow(() -> Problems.notFound("work-item", itemId));
    }

    private void requireSupervises(Caller supervisor, String agent) {
        if (agent == null || agent.isBlank() || !agents.exists(agent)) {
            throw Problems.invalid("'" + agent + "' is no agent.");
        }
        if (!supervision.supervisesPerson(supervisor, agent)) {
            throw Problems.forbidden("'" + agent + "' is not an agent of your departments.");
        }
    }

    /** The supervisor completing the task: the engine's authenticated user, with their groups now. */
    private Caller supervisor() {
        Authentication user = identityService.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new BadUserRequestException("An exception is resolved by a signed-in supervisor.");
        }
        Caller caller = supervision.callerNamed(user.getUserId());
        if (!caller.isSupervisor()) {
            throw new BadUserRequestException("Exceptions are resolved by supervisors.");
        }
        return caller;
    }

    private static Actor actor(Caller supervisor) {
        return new Actor(Actor.Type.SUPERVISOR, supervisor.userId());
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static int number(Object value) {
        if (!(value instanceof Number number)) {
            throw Problems.invalid("A priority is a number.");
        }
        return number.intValue();
    }
}
