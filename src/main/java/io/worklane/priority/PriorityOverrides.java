package io.worklane.priority;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workitem.Actor;
import io.worklane.workitem.PriorityOverride;
import io.worklane.workitem.PriorityView;
import io.worklane.workitem.WorkItemRef;
import io.worklane.workitem.WorkItemState;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * A supervisor sets a queued item's priority by hand, for a while or while it is queued, and gives it back to its
 * curve. The item's next-step timer is moved to the override's end, so the curve takes over on time.
 */
@Service
public class PriorityOverrides {

    /** The timer of the reprioritization loop in work-item.bpmn. */
    static final String NEXT_STEP_TIMER = "Event_ReprioritizationDue";

    private final WorkItems workItems;
    private final Prioritization prioritization;
    private final PriorityProperties properties;
    private final Supervision supervision;
    private final ManagementService managementService;
    private final Clock clock;

    PriorityOverrides(WorkItems workItems, Prioritization prioritization, PriorityProperties properties,
            Supervision supervision, ManagementService managementService, Clock clock) {
        this.workItems = workItems;
        this.prioritization = prioritization;
        this.properties = properties;
        this.supervision = supervision;
        this.managementService = managementService;
        this.clock = clock;
    }

    /** @param until when the curve takes over again; null: while the item is queued */
    @Transactional
    public WorkItemView override(String id, int priority, Instant until, Caller caller) {
        WorkItemView item = queuedItemOf(id, caller);
        Instant now = clock.instant();
        PriorityProperties.Band band = properties.band(item.mediaType());
        if (band.clamp(priority) != priority) {
            throw Problems.invalid("A " + item.mediaType() + " item's priority lies between " + band.min() + " and "
                    + band.max() + ".");
        }
        Job timer = nextStepTimer(item);
        if (until != null) {
            if (!until.isAfter(now)) {
                throw Problems.invalid("'until' lies in the past: an override ends later than now.");
            }
            if (timer == null) {
                throw new PriorityProblems.PriorityScheduleEnded();
            }
        }
        workItems.overridePriority(ref(item), new PriorityOverride(priority, until, caller.userId()), priority, until,
                new Actor(Actor.Type.SUPERVISOR, caller.userId()));
        moveTimer(timer, until);
        return workItems.get(id);
    }

    /** Back to the curve: the priority it gives now, and its next step. */
    @Transactional
    public WorkItemView clear(String id, Caller caller) {
        WorkItemView item = queuedItemOf(id, caller);
        if (item.priorityOverride() == null) {
            throw new PriorityProblems.NoPriorityOverride();
        }
        PriorityView view = workItems.priorityView(id);
        Prioritization.Priority curve = prioritization.curveOf(view, view.terms(), view.dueAt(), clock.instant());
        workItems.overridePriority(ref(item), null, curve.value(), curve.nextChangeAt(),
                new Actor(Actor.Type.SUPERVISOR, caller.userId()));
        moveTimer(nextStepTimer(item), curve.nextChangeAt());
        return workItems.get(id);
    }

    /** Locked first: the override is written over the row as read here. */
    private WorkItemView queuedItemOf(String id, Caller caller) {
        WorkItemView item = workItems.lock(id)
            .filter(found -> caller.isSupervisor() && supervision.coversDepartment(caller, found.department()))
            .orElseThrow(() -> Problems.notFound("work-item", id));
        if (item.state() != WorkItemState.QUEUED) {
            throw new PriorityProblems.NotQueued(item);
        }
        return item;
    }

    private Job nextStepTimer(WorkItemView item) {
        return managementService.createJobQuery()
            .processInstanceId(item.processInstanceId())
            .activityId(NEXT_STEP_TIMER)
            .singleResult();
    }

    /** The timer fires when the priority may change next; without a date it keeps its own. */
    private void moveTimer(Job timer, Instant next) {
        if (timer != null && next != null) {
            managementService.setJobDuedate(timer.getId(), Date.from(next));
        }
    }

    private static WorkItemRef ref(WorkItemView item) {
        return new WorkItemRef(item.id(), item.processInstanceId());
    }
}
