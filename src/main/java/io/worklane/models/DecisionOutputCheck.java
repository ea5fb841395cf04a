package io.worklane.models;

import java.util.List;

import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Refuses a deployment of one decision whose output cells the application could not use, whether it comes from the
 * app's start or from the Modeler: a wrong cell would otherwise fail only when an item reaches its rule. A subclass
 * names the decision and checks each of its rules' output cells; a refusal names the file, rule and output.
 */
public abstract class DecisionOutputCheck extends AbstractProcessEnginePlugin implements DecisionTransformHook {

    private final String decisionId;

    protected DecisionOutputCheck(String decisionId) {
        this.decisionId = decisionId;
    }

    /**
     * @param cell the output entry's text, trimmed ("" when empty)
     * @return null if the cell is fine, else what is wrong with it
     */
    protected abstract String problemWith(String output, String cell);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getDmnEngineConfiguration().getTransformer().getTransformListeners().add(this);
    }

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl transformed) {
        if (!(rule.getParentElement() instanceof DecisionTable table)
                || !(table.getParentElement() instanceof Decision decision) || !decisionId.equals(decision.getId())) {
            return;
        }
        List<Output> outputs = List.copyOf(table.getOutputs());
        List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
        for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
            String output = outputs.get(i).getName();
            OutputEntry entry = entries.get(i);
            String cell = entry.getText() == null || entry.getText().getTextContent() == null ? ""
                    : entry.getText().getTextContent().trim();
            String problem = problemWith(output, cell);
            if (problem != null) {
                throw new BadUserRequestException(decisionId + ".dmn, rule " + rule.getId() + ", " + output + ": "
                        + problem);
            }
        }
    }

    /**
     * The value of a cell holding a FEEL string literal, as the decision gives it: {@code "group = \"Team North\""}
     * is {@code group = "Team North"}. @return null if the cell is no string literal
     */
    public static String feelString(String cell) {
        String text = cell == null ? "" : cell.trim();
        if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        int end = text.length() - 1;
        for (int i = 1; i < end; i++) {
            char next = text.charAt(i);
            if (next == '\\' && i + 1 < end) {
                char escaped = text.charAt(++i);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '"', '\\', '\'' -> value.append(escaped);
                    default -> value.append('\\').append(escaped);
                }
            }
            else if (next == '"' || next == '\\') {
                // an unescaped quote ends the literal early; a lone backslash escapes the closing quote
                return null;
            }
            else {
                value.append(next);
            }
        }
        return value.toString();
    }
}
