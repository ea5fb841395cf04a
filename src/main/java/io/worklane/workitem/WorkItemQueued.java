package io.worklane.workitem;

/** Published when an item enters the universal queue; the router listens after commit. */
public record WorkItemQueued(String workItemId, String requiredSkill, String mediaType) {
}
