package io.worklane.agent;

/** An agent became READY, or changed skills or capacity while READY: work may now fit them. */
public record AgentBecameAvailable(String agentId) {
}
