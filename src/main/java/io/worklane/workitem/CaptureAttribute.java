package io.worklane.workitem;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every capture attribute, defined once: its name (the capture API's JSON field, the process variable and, in snake
 * case, its {@code work_item} columns), its type and its limits. The capture API and the engine REST door validate
 * with it ({@code capture/CaptureRules}), the row and the context look-up respect it ({@link CaseAttributes}); tests
 * hold the Flyway columns ({@code CaptureSchemaIntegrationTests}) and the Tasklist forms ({@code CaptureFormsTests})
 * to it. Change a limit here, then the migration and the forms those tests name.
 */
public enum CaptureAttribute {

    EXTERNAL_ID(WorkItemProcess.EXTERNAL_ID, Rule.text(200).mandatory()),
    /** Required, but a source system's own id when it calls for itself. */
    SOURCE_SYSTEM(WorkItemProcess.SOURCE_SYSTEM, Rule.text(100).mandatory()),
    DEPARTMENT(WorkItemProcess.DEPARTMENT, Rule.text(100), "requested_department", "department"),
    PROCESS(WorkItemProcess.PROCESS, Rule.text(100), "requested_process", "process"),
    CUSTOMER_ID(WorkItemProcess.CUSTOMER_ID, Rule.text(100)),
    CUSTOMER_SEGMENT(WorkItemProcess.CUSTOMER_SEGMENT, Rule.text(100)),
    PRODUCT(WorkItemProcess.PRODUCT, Rule.text(200)),
    SUBPRODUCT(WorkItemProcess.SUBPRODUCT, Rule.text(200)),
    REQUEST_TYPE(WorkItemProcess.REQUEST_TYPE, Rule.text(100)),
    DEAL_VALUE(WorkItemProcess.DEAL_VALUE, Rule.decimal(19, 2)),
    /** The seed's lead description: at most 30 characters. */
    DESCRIPTION(WorkItemProcess.DESCRIPTION, Rule.text(255).forLeads(30)),
    CONTACT_NUMBER(WorkItemProcess.CONTACT_NUMBER, Rule.text(50)),
    ALTERNATIVE_CONTACT_NUMBER(WorkItemProcess.ALTERNATIVE_CONTACT_NUMBER, Rule.text(50)),
    NAME(WorkItemProcess.NAME, Rule.text(200)),
    SURNAME(WorkItemProcess.SURNAME, Rule.text(200)),
    PREFERRED_AGENT(WorkItemProcess.PREFERRED_AGENT, Rule.text(64)),
    ACTIVATION_AT(WorkItemProcess.ACTIVATION_AT, Rule.instant()),
    DUE_AT(WorkItemProcess.DUE_AT, Rule.instant(), "requested_due_at", "due_at"),
    PRIORITY(WorkItemProcess.PRIORITY, Rule.wholeNumber(0, 1_000_000), "requested_priority", "priority"),
    SOURCE_URL(WorkItemProcess.SOURCE_URL, Rule.text(2048).matching("https?://\\S+", "must be an http(s) URL")),
    MEDIA_TYPE(WorkItemProcess.MEDIA_TYPE,
            Rule.text(32).matching("[a-z][a-z0-9_-]*", "must be a lower-case media type name")),
    /** Custom attributes: string keys to scalar values, stored as JSON text. */
    ATTRIBUTES(WorkItemProcess.ATTRIBUTES, Rule.object(50, 100));

    /** How a value of the attribute is written: in the capture body, as a process variable and as a column. */
    public enum Type {
        /** JSON string, String variable, VARCHAR(maxLength). */
        TEXT,
        /** JSON integer, Integer variable, INTEGER. */
        WHOLE_NUMBER,
        /** JSON number, Double (or Integer, Long) variable, NUMERIC(precision, scale). */
        DECIMAL,
        /** ISO-8601 instant as text, in the variable too; TIMESTAMP WITH TIME ZONE. */
        INSTANT,
        /** JSON object of string keys to strings, numbers or booleans; Json variable; TEXT. */
        OBJECT
    }

    /** Instants a database column holds on PostgreSQL and H2 alike. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * An attribute's type and limits. maxLength: characters of TEXT, entries of OBJECT; leadMaxLength: the shorter
     * limit of a lead's text (null: none); min/max: a WHOLE_NUMBER's range; precision/scale: a DECIMAL's digits
     * (it is never negative); keyMaxLength: the length of an OBJECT's keys.
     */
    public record Rule(Type type, boolean required, Integer maxLength, Integer leadMaxLength, String pattern,
            String patternMessage, Long min, Long max, Integer precision, Integer scale, Integer keyMaxLength) {

        static Rule text(int maxLength) {
            return new Rule(Type.TEXT, false, maxLength, null, null, null, null, null, null, null, null);
        }

        static Rule wholeNumber(long min, long max) {
            return new Rule(Type.WHOLE_NUMBER, false, null, null, null, null, min, max, null, null, null);
        }

        static Rule decimal(int precision, int scale) {
            return new Rule(Type.DECIMAL, false, null, null, null, null, null, null, precision, scale, null);
        }

        static Rule instant() {
            return new Rule(Type.INSTANT, false, null, null, null, null, null, null, null, null, null);
        }

        static Rule object(int maxEntries, int keyMaxLength) {
            return new Rule(Type.OBJECT, false, maxEntries, null, null, null, null, null, null, null, keyMaxLength);
        }

        Rule mandatory() {
            return new Rule(type, true, maxLength, leadMaxLength, pattern, patternMessage, min, max, precision, scale,
                    keyMaxLength);
        }

        Rule forLeads(int leadMaxLength) {
            return new Rule(type, required, maxLength, leadMaxLength, pattern, patternMessage, min, max, precision,
                    scale, keyMaxLength);
        }

        Rule matching(String pattern, String patternMessage) {
            return new Rule(type, required, maxLength, leadMaxLength, pattern, patternMessage, min, max, precision,
                    scale, keyMaxLength);
        }
    }

    private static final Map<String, CaptureAttribute> BY_NAME = Arrays.stream(values())
        .collect(Collectors.toUnmodifiableMap(CaptureAttribute::fieldName, Function.identity()));

    private final String fieldName;
    private final Rule rule;
    private final List<String> columns;

    CaptureAttribute(String fieldName, Rule rule, String... columns) {
        this.fieldName = fieldName;
        this.rule = rule;
        this.columns = columns.length > 0 ? List.of(columns) : List.of(snakeCase(fieldName));
    }

    /** The JSON field of the capture API, the process variable and the field name in errors. */
    public String fieldName() {
        return fieldName;
    }

    public Type type() {
        return rule.type();
    }

    public Rule rule() {
        return rule;
    }

    /** The {@code work_item} columns that hold the attribute (what the source asked for, and the working value). */
    public List<String> columns() {
        return columns;
    }

    /** The most characters of a text attribute; Integer.MAX_VALUE for others. */
    public int maxLength() {
        return rule.type() == Type.TEXT ? rule.maxLength() : Integer.MAX_VALUE;
    }

    public static Optional<CaptureAttribute> named(String fieldName) {
        return Optional.ofNullable(BY_NAME.get(fieldName));
    }

    /** The field names in the capture body's order. */
    public static List<String> fieldNames() {
        return Arrays.stream(values()).map(CaptureAttribute::fieldName).toList();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
