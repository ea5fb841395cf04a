package io.worklane.workitem;

/** An item left its agent (done, held, reclassified, canceled, completed): the agent has a free slot again. */
public record WorkItemReleased(String workItemId, String agentId) {
}
