package io.worklane.workitem;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * Who a work item is offered to: the targets the rules chose, the one it is offered to now, a target an agent
 * transferred it to, and the agent who declined it last. Columns of {@code work_item} (V5, V6, V18, V20).
 */
@Embeddable
class RoutingState {

    private String targetLevel;
    private String targetExpression;
    private String targetSkill;
    private Integer targetMinProficiency;
    private String targetGroup;
    private String routingKey;
    private Instant nextTargetExpansionAt;
    private String primaryTarget;
    private String secondaryTarget;
    private String tertiaryTarget;
    private Integer primaryTimeoutPercent;
    private Integer secondaryTimeoutPercent;
    private String declinedBy;
    private String transferTarget;

    void plan(RoutingPlan plan) {
        primaryTarget = plan.primaryTarget();
        secondaryTarget = plan.secondaryTarget();
        tertiaryTarget = plan.tertiaryTarget();
        primaryTimeoutPercent = plan.primaryTimeoutPercent();
        secondaryTimeoutPercent = plan.secondaryTimeoutPercent();
    }

    RoutingPlan plan() {
        return primaryTarget == null ? null
                : new RoutingPlan(primaryTarget, secondaryTarget, tertiaryTarget, primaryTimeoutPercent,
                        secondaryTimeoutPercent);
    }

    void target(RoutingTarget target) {
        targetLevel = target.level();
        targetExpression = target.expression();
        targetSkill = target.skill();
        targetMinProficiency = target.minProficiency();
        targetGroup = target.group();
        routingKey = target.routingKey();
        nextTargetExpansionAt = target.nextExpansionAt();
    }

    /** The item was offered: no more widening; a transfer target held for this one offer. */
    void offeredTo(String agentId) {
        nextTargetExpansionAt = null;
        if (!agentId.equals(declinedBy)) {
            declinedBy = null;
        }
        transferTarget = null;
    }

    void declinedBy(String agentId) {
        declinedBy = agentId;
    }

    void transferTo(String target) {
        transferTarget = target;
    }

    String targetLevel() {
        return targetLevel;
    }

    String targetExpression() {
        return targetExpression;
    }

    Instant nextTargetExpansionAt() {
        return nextTargetExpansionAt;
    }

    String transferTarget() {
        return transferTarget;
    }
}
