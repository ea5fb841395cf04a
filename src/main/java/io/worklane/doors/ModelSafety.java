package io.worklane.doors;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a process owner (not an admin) may deploy: models, never code. A BPMN or DMN file can run code on the server
 * in many ways (a Java class, a shell or script task, a connector, a non-FEEL expression language, an expression that
 * calls a method or walks a bean's getters, Camunda's old {@code activiti} namespace), so this is an allow-list: the
 * namespaces, Camunda elements and attributes the project's own models use, expressions that read process variables
 * and compare them, and the app's delegate beans. Anything else is refused, naming the file, the element and why.
 */
final class ModelSafety {

    private static final List<String> MODEL_FILES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");

    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final Set<String> NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/MODEL",
            "http://www.omg.org/spec/BPMN/20100524/DI", "http://www.omg.org/spec/DD/20100524/DC",
            "http://www.omg.org/spec/DD/20100524/DI", CAMUNDA_BPMN, CAMUNDA_DMN, "http://camunda.org/schema/modeler/1.0",
            "http://www.w3.org/2001/XMLSchema-instance", XMLConstants.XML_NS_URI, XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
            "https://www.omg.org/spec/DMN/20191111/MODEL/", "https://www.omg.org/spec/DMN/20191111/DMNDI/",
            "http://www.omg.org/spec/DMN/20180521/MODEL/", "http://www.omg.org/spec/DMN/20180521/DMNDI/",
            "http://www.omg.org/spec/DMN/20180521/DC/", "http://www.omg.org/spec/DMN/20180521/DI/",
            "http://www.omg.org/spec/DMN/20151101/dmn.xsd");

    /** Camunda's BPMN attributes that configure, never run code. */
    private static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("asyncBefore", "asyncAfter", "exclusive",
            "jobPriority", "taskPriority", "historyTimeToLive", "versionTag", "isStartableInTasklist",
            "candidateStarterGroups", "candidateStarterUsers", "initiator", "formRef", "formRefBinding",
            "formRefVersion", "assignee", "candidateUsers", "candidateGroups", "priority", "dueDate", "followUpDate",
            "delegateExpression", "decisionRef", "decisionRefBinding", "decisionRefVersion", "decisionRefVersionTag",
            "decisionRefTenantId", "mapDecisionResult", "resultVariable", "errorCodeVariable", "errorMessageVariable",
            "inputVariable");
    /** Camunda's BPMN extension elements without code: input/output mappings, properties, retries, listeners. */
    private static final Set<String> CAMUNDA_ELEMENTS = Set.of("inputOutput", "inputParameter", "outputParameter",
            "list", "map", "entry", "value", "properties", "property", "failedJobRetryTimeCycle", "executionListener",
            "taskListener");
    /** The attributes of those elements (listeners: only a delegate bean). */
    private static final Set<String> CAMUNDA_ELEMENT_ATTRIBUTES = Set.of("name", "value", "key", "event",
            "delegateExpression", "id");
    private static final Set<String> REFUSED_ELEMENTS = Set.of("scriptTask", "script", "callActivity");

    /** ${...} or #{...} up to the first closing brace; its body is checked whole, so a '}' in a string is refused. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    /** What an expression may hold: names and dotted paths, numbers, operators, plain string literals. */
    private static final Pattern READ_ONLY = Pattern.compile(
            "(\\s|[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*|\\d+|'[A-Za-z0-9_ .:-]*'|[!=<>&|+\\-*/%?:])*");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    /** Engine objects an expression sees besides the variables: their getters reach the engine itself. */
    private static final Set<String> ENGINE_ROOTS = Set.of("execution", "task", "caseExecution", "externalTask",
            "variableScope", "authenticatedUserId", "processEngine", "processEngineServices");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*Delegate)}");

    private ModelSafety() {
    }

    /**
     * @param beans whether a name is a bean of the application (delegates may be; a path may not start at one)
     * @return the problems, one sentence each; empty: the deployment holds models only
     */
    static List<String> problems(Map<String, byte[]> resources, Predicate<String> beans) {
        List<String> problems = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (MODEL_FILES.stream().noneMatch(lower::endsWith)) {
                problems.add(name + ": only .bpmn, .dmn and .form files are deployed by process owners");
            }
            else if (!lower.endsWith(".form")) {
                // as Camunda's deployers choose the parser: by the name's ending ("x.dmn.bpmn" is a process)
                check(name, bytes, lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml"), beans, problems);
            }
        });
        return problems;
    }

    private static void check(String name, byte[] bytes, boolean decision, Predicate<String> beans,
            List<String> problems) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        }
        catch (Exception e) {
            problems.add(name + ": not a well-formed XML model (" + e.getMessage() + ")");
            return;
        }
        String root = document.getDocumentElement().getNamespaceURI();
        boolean decisionRoot = root != null && root.contains("/DMN/");
        if (decision != decisionRoot) {
            problems.add(name + ": a " + (decision ? "decision" : "process") + " file whose root element is "
                    + (decisionRoot ? "a decision's" : "not a decision's") + " (" + root + ")");
            return;
        }
        new Walk(name, decision, beans, problems).element(document.getDocumentElement());
    }

    private record Walk(String file, boolean decision, Predicate<String> beans, List<String> problems) {

        void element(Element element) {
            String where = file + ", " + element.getLocalName() + (element.hasAttribute("id")
                    ? " " + element.getAttribute("id") : "");
            String namespace = element.getNamespaceURI();
            boolean camunda = CAMUNDA_BPMN.equals(namespace) || CAMUNDA_DMN.equals(namespace);
            if (namespace == null || !NAMESPACES.contains(namespace)) {
                problems.add(where + ": namespace " + namespace + " is not one a model of this app uses");
            }
            else if (REFUSED_ELEMENTS.contains(element.getLocalName())) {
                problems.add(where + ": scripts and call activities are deployed by admins; use a delegate of the app");
            }
            else if (camunda && !decision && !CAMUNDA_ELEMENTS.contains(element.getLocalName())) {
                problems.add(where + ": camunda:" + element.getLocalName() + " is not among the extensions a process "
                        + "owner deploys (it may run code)");
            }
            attributes(element, where, camunda);
            NodeList children = element.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node child = children.item(i);
                if (child instanceof Element nested) {
                    element(nested);
                }
                else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    expressions(where, child.getNodeValue(), false);
                }
            }
        }

        private void attributes(Element element, String where, boolean camundaElement) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                String namespace = attribute.getNamespaceURI();
                if (namespace != null && !NAMESPACES.contains(namespace)) {
                    problems.add(where + ": attribute " + name + " of namespace " + namespace + " is not one a model "
                            + "of this app uses");
                    continue;
                }
                boolean camunda = CAMUNDA_BPMN.equals(namespace) || CAMUNDA_DMN.equals(namespace);
                if (!decision && camunda && !CAMUNDA_ATTRIBUTES.contains(name)) {
                    problems.add(where + ": camunda:" + name + " is not among the settings a process owner deploys "
                            + "(it may run code)");
                }
                if (!decision && camundaElement && namespace == null && !CAMUNDA_ELEMENT_ATTRIBUTES.contains(name)) {
                    problems.add(where + ": " + name + " is not allowed on camunda:" + element.getLocalName());
                }
                if ("language".equals(name) || "scriptFormat".equals(name)) {
                    problems.add(where + ": a script language runs code");
                }
                if ("expressionLanguage".equals(name) && !(decision && attribute.getValue().toLowerCase(Locale.ROOT)
                    .contains("feel"))) {
                    problems.add(where + ": expression language '" + attribute.getValue() + "' is not "
                            + (decision ? "FEEL" : "the default"));
                }
                expressions(where + " @" + name, attribute.getValue(), "delegateExpression".equals(name));
            }
        }

        /** Expressions read variables and compare them; a delegate expression names one of the app's delegates. */
        private void expressions(String where, String text, boolean delegate) {
            if (text == null) {
                return;
            }
            if (delegate) {
                Matcher named = DELEGATE.matcher(text.strip());
                if (!named.matches() || !beans.test(named.group(1))) {
                    problems.add(where + ": '" + text + "' is not one of the app's delegates (${...Delegate})");
                }
                return;
            }
            Matcher matcher = EXPRESSION.matcher(text);
            while (matcher.find()) {
                String body = matcher.group(1);
                if (!READ_ONLY.matcher(body).matches()) {
                    problems.add(where + ": expression '" + matcher.group() + "' may only read and compare values "
                            + "(no calls, indexes or quotes inside strings)");
                    continue;
                }
                Matcher path = PATH.matcher(body.replaceAll("'[^']*'", "''"));
                while (path.find()) {
                    String root = path.group().substring(0, path.group().indexOf('.'));
                    if (ENGINE_ROOTS.contains(root) || beans.test(root)) {
                        problems.add(where + ": expression '" + matcher.group() + "' reads into " + root
                                + ", which is the engine's or the app's, not the item's");
                    }
                }
            }
            if (decision || text.contains("${") || text.contains("#{")) {
                Matcher unclosed = Pattern.compile("[$#]\\{[^}]*$").matcher(text);
                if (unclosed.find()) {
                    problems.add(where + ": an unclosed expression");
                }
            }
        }
    }
}
