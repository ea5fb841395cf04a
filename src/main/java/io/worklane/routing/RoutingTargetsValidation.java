package io.worklane.routing;

import java.util.List;

import org.springframework.stereotype.Component;

import io.worklane.models.DecisionOutputCheck;

/**
 * Refuses a deployment of {@code routing-targets.dmn} whose targets are not valid skill expressions, whether it
 * comes from the app's start or from the Modeler, so a typo never reaches a running item.
 */
@Component
class RoutingTargetsValidation extends DecisionOutputCheck {

    static final String DECISION = "routing-targets";
    private static final List<String> TARGETS = List.of("primaryTarget", "secondaryTarget", "tertiaryTarget");

    RoutingTargetsValidation() {
        super(DECISION);
    }

    @Override
    protected String problemWith(String output, String cell) {
        if (!TARGETS.contains(output)) {
            return null;
        }
        String target = feelString(cell);
        if (target == null) {
            return "a target is a skill expression in quotes, e.g. \"Sales Processing > 4\"; found: " + cell;
        }
        try {
            SkillExpression.parse(target);
            return null;
        }
        catch (SkillExpression.Invalid e) {
            return e.getMessage();
        }
    }
}
