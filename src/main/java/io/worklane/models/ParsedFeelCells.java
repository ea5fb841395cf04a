package io.worklane.models;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Decisions evaluate each FEEL cell with its text parsed once. Camunda's FEEL integration parses a cell's text at every
 * evaluation, about a fifth of a work item's job time (JFR, capture to QUEUED: three decisions, each cell of each rule
 * read); a deployed decision's cells never change, so their parsed forms are kept (a bounded cache keyed by the text,
 * shared by every version) and only evaluated per call. The FEEL engine, its value mappers, its context (the input
 * variable, then the decision's variables) and its errors are Camunda's own.
 */
@Component
class ParsedFeelCells extends AbstractProcessEnginePlugin {

    /** Far above the cells of every version of every decision a process owner keeps deployed. */
    private static final int MAX_CELLS = 50_000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
            ? configuration.getDmnEngineConfiguration()
            : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // read when the DMN engine is built, after every plugin has added its functions
        dmn.setFeelEngineFactory(() -> new Engine(configuration.getDmnFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class Engine extends ScalaFeelEngine {

        private final Cache<String, ParsedExpression> expressions = Caffeine.newBuilder().maximumSize(MAX_CELLS).build();
        private final Cache<String, ParsedExpression> unaryTests = Caffeine.newBuilder().maximumSize(MAX_CELLS).build();

        Engine(List<FeelCustomFunctionProvider> functionProviders) {
            super(functionProviders);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
            ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
            VariableProvider variables = new ContextVariableWrapper(variableContext);
            return (T) valueOf(feelEngine.eval(parsed, contextOf(variables)));
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
                VariableContext variableContext) {
            ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
            VariableProvider input = new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
            VariableProvider variables = new CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variableContext)));
            return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, contextOf(variables))));
        }

        private static ParsedExpression parsed(Cache<String, ParsedExpression> cache, String expression,
                Function<String, Either<Failure, ParsedExpression>> parser) {
            ParsedExpression known = cache.getIfPresent(expression);
            if (known != null) {
                return known;
            }
            // a text that does not parse is not kept: it fails with FEEL's message each time, as before
            ParsedExpression parsed = (ParsedExpression) valueOf(parser.apply(expression));
            cache.put(expression, parsed);
            return parsed;
        }

        private static CustomContext contextOf(VariableProvider variables) {
            return new CustomContext() {
                @Override
                public VariableProvider variableProvider() {
                    return variables;
                }
            };
        }

        private static Object valueOf(Either<Failure, ?> result) {
            if (result instanceof Right<Failure, ?> right) {
                return right.value();
            }
            throw LOGGER.evaluationException(((Left<Failure, ?>) result).value().message());
        }
    }
}
