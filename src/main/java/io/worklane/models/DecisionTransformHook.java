package io.worklane.models;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/** Camunda's listener to decisions as they are parsed, doing nothing where an implementation does not say. */
interface DecisionTransformHook extends DmnTransformListener {

    @Override
    default void transformDecision(Decision decision, DmnDecision transformed) {
    }

    @Override
    default void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl transformed) {
    }

    @Override
    default void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl transformed) {
    }

    @Override
    default void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl transformed) {
    }

    @Override
    default void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
    }
}
