package io.worklane.doors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** A process owner's deployment holds models only: each way a model can run code on the server is refused. */
class ModelSafetyTests {

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
                id="D" targetNamespace="t">
              <bpmn:process id="p" isExecutable="true">%s</bpmn:process>
            </bpmn:definitions>""";

    /** The app's beans, as the engine's expressions see them. */
    private static boolean isBean(String name) {
        return name.endsWith("Delegate") || name.equals("dataSource") || name.equals("identityService");
    }

    @Test
    void theShippedModelsAreModelsOnly() throws IOException {
        Map<String, byte[]> shipped = new LinkedHashMap<>();
        for (String folder : List.of("processes", "decisions", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    shipped.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        assertThat(shipped).hasSizeGreaterThan(6);
        assertThat(ModelSafety.problems(shipped, ModelSafetyTests::isBean)).isEmpty();
    }

    @Test
    void javaClassesScriptsShellTasksAndConnectorsAreRefused() {
        assertThat(problems("<bpmn:serviceTask id=\"T\" camunda:class=\"com.evil.Gadget\"/>"))
            .containsExactly("x.bpmn, serviceTask T: camunda:class is not among the settings a process owner deploys "
                    + "(it may run code)");
        assertThat(problems("<bpmn:serviceTask id=\"S\" camunda:type=\"shell\"><bpmn:extensionElements>"
                + "<camunda:field name=\"command\"><camunda:string>/bin/sh</camunda:string></camunda:field>"
                + "</bpmn:extensionElements></bpmn:serviceTask>"))
            .anyMatch(problem -> problem.contains("camunda:type is not among the settings"))
            .anyMatch(problem -> problem.contains("camunda:field is not among the extensions"));
        assertThat(problems("<bpmn:scriptTask id=\"S\" scriptFormat=\"groovy\"><bpmn:script>x</bpmn:script>"
                + "</bpmn:scriptTask>")).anyMatch(problem -> problem.startsWith("x.bpmn, scriptTask S: scripts"));
        assertThat(problems("<bpmn:userTask id=\"U\"><bpmn:extensionElements><camunda:taskListener event=\"create\" "
                + "class=\"com.evil.L\"/></bpmn:extensionElements></bpmn:userTask>"))
            .anyMatch(problem -> problem.contains("class is not allowed on camunda:taskListener"));
        assertThat(problems("<bpmn:serviceTask id=\"C\"><bpmn:extensionElements><camunda:connector>"
                + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
                + "</bpmn:extensionElements></bpmn:serviceTask>")).isNotEmpty();
        assertThat(problems("<bpmn:userTask id=\"F\" camunda:formKey=\"embedded:deployment:x.html\"/>"))
            .anyMatch(problem -> problem.contains("camunda:formKey"));
    }

    /** Camunda parses by the name's ending: "x.dmn.bpmn" is a process, checked as one; a root must match its name. */
    @Test
    void aProcessNamedLikeADecisionIsCheckedAsTheProcessItIs() {
        byte[] shell = BPMN.formatted("<bpmn:serviceTask id=\"S\" camunda:type=\"shell\"/>")
            .getBytes(StandardCharsets.UTF_8);
        assertThat(ModelSafety.problems(Map.of("evil.dmn.bpmn", shell), ModelSafetyTests::isBean))
            .anyMatch(problem -> problem.contains("camunda:type is not among the settings"));
        assertThat(ModelSafety.problems(Map.of("evil.dmn", shell), ModelSafetyTests::isBean))
            .singleElement().asString().startsWith("evil.dmn: a decision file whose root element is not a decision's");
    }

    @Test
    void camundasOldActivitiNamespaceIsRefused() {
        assertThat(problems("<bpmn:serviceTask id=\"A\" activiti:class=\"org.camunda.bpm.engine.impl.bpmn.behavior."
                + "ShellActivityBehavior\"/>")).anyMatch(problem -> problem.contains("namespace http://activiti.org/bpmn"));
        assertThat(problems("<bpmn:userTask id=\"U\"><bpmn:extensionElements><activiti:executionListener "
                + "event=\"start\" class=\"com.evil.L\"/></bpmn:extensionElements></bpmn:userTask>"))
            .anyMatch(problem -> problem.contains("namespace http://activiti.org/bpmn"));
    }

    @Test
    void expressionsReadAndCompareButNeverCallWalkBeansOrHideInStrings() {
        assertThat(problems("<bpmn:serviceTask id=\"E\" camunda:expression=\"${runtime.exec('touch /tmp/x')}\"/>"))
            .isNotEmpty();
        // a '}' inside a string would end a naive scan early
        assertThat(problems("<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression>"
                + "${'}'=='' ? '' : execution.processEngineServices.identityService.createMembership('pia','x')}"
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>")).isNotEmpty();
        assertThat(problems("<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression "
                + "language=\"juel\">${a}</bpmn:conditionExpression></bpmn:sequenceFlow>"))
            .anyMatch(problem -> problem.contains("a script language runs code"));
        assertThat(problems("<bpmn:userTask id=\"G\" camunda:assignee=\"${dataSource.connection}\"/>"))
            .anyMatch(problem -> problem.contains("reads into dataSource"));
        assertThat(problems("<bpmn:userTask id=\"X\" camunda:assignee=\"${execution.processEngine.name}\"/>"))
            .anyMatch(problem -> problem.contains("reads into execution"));
        assertThat(problems("<bpmn:serviceTask id=\"D\" camunda:delegateExpression=\"${identityService}\"/>"))
            .anyMatch(problem -> problem.contains("is not one of the app's delegates"));

        // reading and comparing values, and the app's delegates, stay
        assertThat(problems("<bpmn:serviceTask id=\"D\" camunda:delegateExpression=\"${lookUpContextDelegate}\"/>"
                + "<bpmn:sequenceFlow id=\"F\" sourceRef=\"a\" targetRef=\"b\"><bpmn:conditionExpression>"
                + "${nextReprioritizationAt != null &amp;&amp; handlingOutcome == 'DONE' &amp;&amp; "
                + "classification.department == 'Sales'}</bpmn:conditionExpression></bpmn:sequenceFlow>")).isEmpty();
    }

    @Test
    void aDecisionIsFeel() {
        String juel = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="x"><decisionTable id="t"><input id="i"><inputExpression id="e" typeRef="string"
                    expressionLanguage="juel"><text>a</text></inputExpression></input></decisionTable>
                  </decision></definitions>""";
        assertThat(ModelSafety.problems(Map.of("x.dmn", juel.getBytes(StandardCharsets.UTF_8)), ModelSafetyTests::isBean))
            .anyMatch(problem -> problem.contains("expression language 'juel' is not FEEL"));
    }

    @Test
    void onlyModelFilesAndNoDocumentTypes() {
        assertThat(ModelSafety.problems(Map.of("run.groovy", "x".getBytes(StandardCharsets.UTF_8)),
                ModelSafetyTests::isBean))
            .containsExactly("run.groovy: only .bpmn, .dmn and .form files are deployed by process owners");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
        assertThat(ModelSafety.problems(Map.of("x.bpmn", xxe.getBytes(StandardCharsets.UTF_8)),
                ModelSafetyTests::isBean)).singleElement().asString().startsWith("x.bpmn: not a well-formed XML model");
    }

    private static List<String> problems(String process) {
        return ModelSafety.problems(Map.of("x.bpmn", BPMN.formatted(process).getBytes(StandardCharsets.UTF_8)),
                ModelSafetyTests::isBean);
    }
}
