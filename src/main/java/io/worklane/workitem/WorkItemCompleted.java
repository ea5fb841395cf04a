package io.worklane.workitem;

/** Published when an item is completed; its agent (if any) has a free slot again. */
public record WorkItemCompleted(String workItemId, String agentId) {
}
