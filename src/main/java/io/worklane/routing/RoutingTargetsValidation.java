package io.worklane.routing;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment of {@code routing-targets.dmn} whose targets are not valid skill expressions, whether it
 * comes from the app's start or from the Modeler, so a typo never reaches a running item.
 */
@Component
class RoutingTargetsValidation extends AbstractProcessEnginePlugin implements DmnTransformListener {

    static final String DECISION = "routing-targets";
    private static final List<String> TARGETS = List.of("primaryTarget", "secondaryTarget", "tertiaryTarget");

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(this);
    }

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl transformed) {
        if (!(rule.getParentElement() instanceof DecisionTable table)
                || !(table.getParentElement() instanceof Decision decision) || !DECISION.equals(decision.getId())) {
            return;
        }
        List<Output> outputs = List.copyOf(table.getOutputs());
        List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
        for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
            if (TARGETS.contains(outputs.get(i).getName())) {
                check(rule.getId(), outputs.get(i).getName(), entries.get(i).getText().getTextContent());
            }
        }
    }

    private static void check(String ruleId, String output, String cell) {
        String text = cell == null ? "" : cell.trim();
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            throw new ProcessEngineException("routing-targets.dmn, rule " + ruleId + ", " + output
                    + ": a target is a skill expression in quotes, e.g. \"Sales Processing > 4\"; found: " + cell);
        }
        try {
            SkillExpression.parse(text.substring(1, text.length() - 1));
        }
        catch (SkillExpression.Invalid e) {
            throw new ProcessEngineException("routing-targets.dmn, rule " + ruleId + ", " + output + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void transformDecision(Decision decision, DmnDecision transformed) {
    }

    @Override
    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl transformed) {
    }

    @Override
    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl transformed) {
    }

    @Override
    public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
    }
}
