package io.worklane.capture;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemView;

/** 409: the item's state does not allow this life-cycle operation; the problem lists the states that do. */
class OperationNotAllowed extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    OperationNotAllowed(WorkItemView item, LifecycleOperation operation) {
        super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, "invalid-state",
                "Operation not allowed in this state",
                "Cannot " + operation.label() + " work item " + item.id() + ": it is " + item.state() + "."), null);
        getBody().setProperty("state", item.state().name());
        getBody().setProperty("operation", operation.label());
        getBody().setProperty("allowedStates", List.copyOf(operation.allowedIn()));
    }
}
