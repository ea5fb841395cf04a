package io.worklane.capture;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/**
 * Who sees a work item on {@code /api/work-items}: a source system its own items, a supervisor those of the
 * departments they supervise. Any other item answers 404, whether or not it exists: its existence is no one
 * else's business.
 */
@Component
class WorkItemAccess {

    private final Supervision supervision;

    WorkItemAccess(Supervision supervision) {
        this.supervision = supervision;
    }

    WorkItemView visible(Optional<WorkItemView> found, String id, Caller caller) {
        return found.filter(item -> maySee(item, caller)).orElseThrow(() -> Problems.notFound("work-item", id));
    }

    private boolean maySee(WorkItemView item, Caller caller) {
        if (caller.isSourceSystemOnly()) {
            return caller.userId().equals(item.sourceSystem());
        }
        return supervision.coversDepartment(caller, item.department());
    }
}
