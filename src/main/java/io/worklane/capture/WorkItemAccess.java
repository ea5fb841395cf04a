package io.worklane.capture;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.web.Problems;
import io.worklane.workitem.ContactHistoryEntry;
import io.worklane.workitem.WorkItemView;
import io.worklane.workitem.WorkItems;

/**
 * Who sees a work item on {@code /api/work-items}: a source system its own items, a supervisor those of the
 * departments they supervise, an agent the items they hold (offered, in progress or parked). Any other item
 * answers 404, whether or not it exists: its existence is no one else's business.
 */
@Component
class WorkItemAccess {

    private final Supervision supervision;
    private final WorkItems workItems;

    WorkItemAccess(Supervision supervision, WorkItems workItems) {
        this.supervision = supervision;
        this.workItems = workItems;
    }

    WorkItemView visible(Optional<WorkItemView> found, String id, Caller caller) {
        return found.filter(item -> maySee(item, caller)).orElseThrow(() -> Problems.notFound("work-item", id));
    }

    /**
     * The customer's other items that the caller's departments wall in (a source system: its own), so that the
     * history tells no one of an item they could not open.
     */
    List<ContactHistoryEntry> contactHistoryOf(WorkItemView item, Caller caller) {
        return workItems.contactHistory(item, caller.isSourceSystemOnly() ? caller.userId() : null)
            .stream()
            .filter(entry -> caller.isSourceSystemOnly() || supervision.sharesDepartment(caller, entry.department()))
            .toList();
    }

    private boolean maySee(WorkItemView item, Caller caller) {
        if (caller.isSourceSystemOnly()) {
            return caller.userId().equals(item.sourceSystem());
        }
        if (caller.userId().equals(item.assignee())) {
            return true;
        }
        return caller.isSupervisor() && supervision.coversDepartment(caller, item.department());
    }
}
