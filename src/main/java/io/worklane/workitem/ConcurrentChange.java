package io.worklane.workitem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;

/**
 * 409: the item's process moved on between reading the item and changing it (a timer, the job executor, another
 * user). Nothing was changed; the client reads the item again.
 */
public class ConcurrentChange extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** @param during what was being applied, e.g. "the answer was recorded" */
    public ConcurrentChange(WorkItemView item, String during, Throwable cause) {
        super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "Work item " + item.id() + " changed while " + during + "; look at it again."), cause);
        getBody().setProperty("state", item.state().name());
    }
}
