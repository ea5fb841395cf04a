package io.worklane.priority;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/** Why a supervisor's priority override is refused, each with its problem type (409). */
final class PriorityProblems {

    private PriorityProblems() {
    }

    /** Only a queued item's priority is set by hand. */
    static final class NotQueued extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        NotQueued(WorkItemView item) {
            super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "not-queued", "Not in the queue",
                    "Only a queued item's priority is set by hand; this one is " + item.state() + "."), null);
            getBody().setProperty("state", item.state().name());
        }
    }

    /** Clearing an override the item does not have. */
    static final class NoPriorityOverride extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        NoPriorityOverride() {
            super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "no-priority-override",
                    "No priority override", "This item's priority follows its curve already."), null);
        }
    }

    /** An override with an end, on an item whose curve has no step left to end it. */
    static final class PriorityScheduleEnded extends ErrorResponseException {

        private static final long serialVersionUID = 1L;

        PriorityScheduleEnded() {
            super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "priority-schedule-ended",
                    "Priority schedule ended", "This item's priority no longer changes by schedule, so nothing would "
                            + "end the override on time; set it without 'until' (it then holds while the item is "
                            + "queued)."), null);
        }
    }
}
