package io.worklane.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** Cells evaluated from their parsed form answer exactly as Camunda's FEEL engine, every time, errors included. */
class ParsedFeelCellsTests {

    private final ParsedFeelCells.Engine cached = new ParsedFeelCells.Engine(List.of());
    private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

    private static VariableContext item(String segment, int dealValue) {
        return Variables.createVariables().putValue("customerSegment", segment).putValue("dealValue", dealValue)
            .putValue("requestType", null).asVariableContext();
    }

    @Test
    void expressionsGiveCamundasValuesOnEveryCall() {
        for (String expression : List.of("customerSegment", "dealValue * 2 + 1", "if dealValue > 1000 then \"big\" else \"small\"",
                "requestType = null", "string length(customerSegment)", "date(\"2027-01-04\") + duration(\"P1D\")")) {
            for (VariableContext variables : List.of(item("Gold", 5000), item("Bronze", 10), item("Gold", 5000))) {
                Object expected = camunda.evaluateSimpleExpression(expression, variables);
                assertThat((Object) cached.evaluateSimpleExpression(expression, variables)).as(expression)
                    .isEqualTo(expected);
            }
        }
    }

    @Test
    void unaryTestsGiveCamundasAnswersOnEveryCall() {
        for (String cell : List.of("\"Gold\"", "\"Gold\",\"Silver\"", "not(\"Gold\")", "-", "> 1000", "[10..5000]",
                "? > 100 and ? < 6000", "null")) {
            String input = cell.contains("Gold") || cell.equals("-") || cell.equals("null") ? "customerSegment"
                : "dealValue";
            for (VariableContext variables : List.of(item("Gold", 5000), item("Bronze", 10), item("Gold", 5000))) {
                VariableContext withInput = Variables.fromMap(Variables.createVariables()
                    .putValue("customerSegment", variables.resolve("customerSegment").getValue())
                    .putValue("dealValue", variables.resolve("dealValue").getValue())
                    .putValue("cellInput", variables.resolve(input).getValue())).asVariableContext();
                boolean expected = camunda.evaluateSimpleUnaryTests(cell, "cellInput", withInput);
                assertThat(cached.evaluateSimpleUnaryTests(cell, "cellInput", withInput)).as(cell + " on " + input)
                    .isEqualTo(expected);
            }
        }
    }

    @Test
    void aCellThatDoesNotParseFailsWithFeelsMessageEachTime() {
        String broken = "dealValue >";
        String expected = messageOf(() -> camunda.evaluateSimpleExpression(broken, item("Gold", 1)));
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> cached.evaluateSimpleExpression(broken, item("Gold", 1)))
                .isInstanceOf(FeelException.class).hasMessage(expected);
        }
    }

    @Test
    void anEvaluationThatFailsFailsAsInCamunda() {
        String expression = "assert(dealValue, dealValue > 10000)";
        String expected = messageOf(() -> camunda.evaluateSimpleExpression(expression, item("Gold", 1)));
        assertThatThrownBy(() -> cached.evaluateSimpleExpression(expression, item("Gold", 1)))
            .isInstanceOf(FeelException.class).hasMessage(expected);
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        }
        catch (FeelException e) {
            return e.getMessage();
        }
        throw new AssertionError("Camunda's engine did not fail");
    }
}
