package io.worklane.capture;

import static io.worklane.workitem.WorkItemState.AWAITING_CONFIRMATION;
import static io.worklane.workitem.WorkItemState.CANCELED;
import static io.worklane.workitem.WorkItemState.CAPTURED;
import static io.worklane.workitem.WorkItemState.COMPLETED;
import static io.worklane.workitem.WorkItemState.HELD;
import static io.worklane.workitem.WorkItemState.IN_PROGRESS;
import static io.worklane.workitem.WorkItemState.OFFERED;
import static io.worklane.workitem.WorkItemState.PARKED;
import static io.worklane.workitem.WorkItemState.QUEUED;
import static io.worklane.workitem.WorkItemState.SCHEDULED;

import java.util.EnumSet;
import java.util.Set;

import io.worklane.workitem.WorkItemProcess;
import io.worklane.workitem.WorkItemState;

/**
 * The state table: which operation a source system (or supervisor) may ask for in which state, and the BPMN
 * message that carries it. Anything else is 409 naming the current state.
 */
enum LifecycleOperation {

    HOLD(WorkItemProcess.MESSAGE_HOLD, EnumSet.of(CAPTURED, SCHEDULED, QUEUED, OFFERED, IN_PROGRESS, PARKED, AWAITING_CONFIRMATION)),
    RESUME(WorkItemProcess.MESSAGE_RESUME, EnumSet.of(HELD)),
    CANCEL(WorkItemProcess.MESSAGE_CANCEL,
            EnumSet.of(CAPTURED, SCHEDULED, QUEUED, OFFERED, IN_PROGRESS, PARKED, AWAITING_CONFIRMATION, HELD)),
    COMPLETE(WorkItemProcess.MESSAGE_COMPLETE,
            EnumSet.of(CAPTURED, SCHEDULED, QUEUED, OFFERED, IN_PROGRESS, PARKED, AWAITING_CONFIRMATION, HELD)),
    /** Attributes that need no new classification; also any change to a held item (resume reclassifies). */
    UPDATE(WorkItemProcess.MESSAGE_UPDATE,
            EnumSet.of(CAPTURED, SCHEDULED, QUEUED, OFFERED, IN_PROGRESS, PARKED, AWAITING_CONFIRMATION, HELD)),
    /** Changed classification inputs or dates: reclassify and reschedule. */
    RECLASSIFY(WorkItemProcess.MESSAGE_RECLASSIFY,
            EnumSet.of(CAPTURED, SCHEDULED, QUEUED, OFFERED, IN_PROGRESS, PARKED, AWAITING_CONFIRMATION)),
    RESTART(WorkItemProcess.MESSAGE_RESTART, EnumSet.of(COMPLETED, CANCELED));

    private final String message;
    private final Set<WorkItemState> allowedIn;

    LifecycleOperation(String message, Set<WorkItemState> allowedIn) {
        this.message = message;
        this.allowedIn = allowedIn;
    }

    String message() {
        return message;
    }

    Set<WorkItemState> allowedIn() {
        return allowedIn;
    }

    boolean isAllowedIn(WorkItemState state) {
        return allowedIn.contains(state);
    }

    String label() {
        return name().toLowerCase();
    }
}
