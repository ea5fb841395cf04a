package io.worklane.workitem;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A capability's code that runs as one of {@code work-item.bpmn}'s activities starts, before the activity's own
 * work: it may set transient variables that the activity or its conditions read (models only read values, never call
 * code). Attached to the activities when the model is parsed ({@link ActivityStartHooks}).
 */
public interface ActivityStartHook {

    /** The ids of the activities it runs at. */
    Set<String> activityIds();

    void onStart(DelegateExecution execution);
}
