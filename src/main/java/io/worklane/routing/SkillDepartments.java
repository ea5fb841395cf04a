package io.worklane.routing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import io.worklane.agent.SkillOwners;
import io.worklane.models.DecisionOutputCheck;

/**
 * Reads, from the latest deployed {@code routing-targets.dmn}, which departments' rules name each skill in their
 * targets: the process owner's rules are the one definition of which skill serves which department. Computed once
 * per deployed version.
 */
@Component
class SkillDepartments implements SkillOwners {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final List<String> TARGETS = List.of("primaryTarget", "secondaryTarget", "tertiaryTarget");

    private final RepositoryService repositoryService;
    private final Map<String, Map<String, Set<String>>> byVersion = new ConcurrentHashMap<>();

    SkillDepartments(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public Set<String> departmentsRoutedBy(String skill) {
        DecisionDefinition latest = repositoryService.createDecisionDefinitionQuery()
            .decisionDefinitionKey(RoutingTargetsValidation.DECISION)
            .latestVersion()
            .singleResult();
        if (latest == null) {
            return Set.of();
        }
        return byVersion.computeIfAbsent(latest.getId(), this::read).getOrDefault(skill, Set.of());
    }

    private Map<String, Set<String>> read(String decisionDefinitionId) {
        Map<String, Set<String>> departments = new HashMap<>();
        var model = repositoryService.getDmnModelInstance(decisionDefinitionId);
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Input> inputs = List.copyOf(table.getInputs());
            List<Output> outputs = List.copyOf(table.getOutputs());
            int departmentColumn = departmentColumn(inputs);
            for (Rule rule : table.getRules()) {
                List<InputEntry> conditions = List.copyOf(rule.getInputEntries());
                Set<String> ruleDepartments = departmentColumn < 0 ? Set.of(ANY_DEPARTMENT)
                        : departmentsOf(conditions.get(departmentColumn).getText().getTextContent());
                List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
                for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
                    if (TARGETS.contains(outputs.get(i).getName())) {
                        skillsOf(entries.get(i).getText().getTextContent()).forEach(skill -> departments
                            .computeIfAbsent(skill, ignored -> new HashSet<>())
                            .addAll(ruleDepartments));
                    }
                }
            }
        }
        departments.replaceAll((skill, names) -> Set.copyOf(names));
        return departments;
    }

    private static int departmentColumn(List<Input> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            String expression = inputs.get(i).getInputExpression().getText().getTextContent();
            if (expression != null && expression.toLowerCase().contains("department")) {
                return i;
            }
        }
        return -1;
    }

    /** {@code "Sales"} or {@code "Sales","Finance"}; anything else (blank, a negation) matches any department. */
    private static Set<String> departmentsOf(String cell) {
        String text = cell == null ? "" : cell.trim();
        if (text.isEmpty() || text.equals("-") || text.contains("not(")) {
            return Set.of(ANY_DEPARTMENT);
        }
        Set<String> names = new HashSet<>();
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names.isEmpty() ? Set.of(ANY_DEPARTMENT) : names;
    }

    private static Set<String> skillsOf(String cell) {
        String target = DecisionOutputCheck.feelString(cell);
        return target == null ? Set.of() : SkillExpression.parse(target).skills();
    }
}
