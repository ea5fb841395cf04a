package io.worklane.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import io.worklane.PostgresIntegrationTest;

/**
 * The Flyway schema holds every capture attribute as {@link CaptureAttribute} defines it: each of its
 * {@code work_item} columns has the attribute's type and exactly its length (or precision), and the tables that copy
 * an attribute for reports hold at least as much. A limit changed in one place only fails here.
 */
class CaptureSchemaIntegrationTests extends PostgresIntegrationTest {

    /** Tables that copy capture attributes from the item (events and report facts group by them). */
    private static final List<String> COPIES = List.of("work_item_event", "report_fact", "report_duration",
            "supervisor_exception");

    @Test
    void everyCaptureAttributeColumnHasTheAttributesTypeAndLength() {
        SoftAssertions soft = new SoftAssertions();
        for (CaptureAttribute attribute : CaptureAttribute.values()) {
            for (String column : attribute.columns()) {
                Map<String, Object> found = column("work_item", column);
                soft.assertThat(found).as("work_item.%s of %s", column, attribute.fieldName()).isNotNull();
                if (found == null) {
                    continue;
                }
                String where = "work_item." + column + " of " + attribute.fieldName();
                switch (attribute.type()) {
                    case TEXT -> {
                        soft.assertThat(found.get("data_type")).as(where).isEqualTo("character varying");
                        soft.assertThat(found.get("character_maximum_length")).as(where)
                            .isEqualTo(attribute.maxLength());
                    }
                    case WHOLE_NUMBER -> soft.assertThat(found.get("data_type")).as(where).isEqualTo("integer");
                    case DECIMAL -> {
                        soft.assertThat(found.get("data_type")).as(where).isEqualTo("numeric");
                        soft.assertThat(found.get("numeric_precision")).as(where)
                            .isEqualTo(attribute.rule().precision());
                        soft.assertThat(found.get("numeric_scale")).as(where).isEqualTo(attribute.rule().scale());
                    }
                    case INSTANT -> soft.assertThat(found.get("data_type")).as(where)
                        .isEqualTo("timestamp with time zone");
                    case OBJECT -> soft.assertThat(found.get("data_type")).as(where).isEqualTo("text");
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void copiesOfATextAttributeHoldItsLongestValue() {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (String table : COPIES) {
            for (CaptureAttribute attribute : CaptureAttribute.values()) {
                Map<String, Object> found = attribute.type() == CaptureAttribute.Type.TEXT
                        ? column(table, attribute.columns().get(attribute.columns().size() - 1)) : null;
                if (found != null) {
                    checked++;
                    soft.assertThat((Integer) found.get("character_maximum_length"))
                        .as("%s.%s copies %s", table, found.get("column_name"), attribute.fieldName())
                        .isGreaterThanOrEqualTo(attribute.maxLength());
                }
            }
        }
        soft.assertAll();
        assertThat(checked).as("copied columns found").isGreaterThanOrEqualTo(15);
    }

    private Map<String, Object> column(String table, String column) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT column_name, data_type, character_maximum_length, "
                + "numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = "
                + "current_schema() AND table_name = ? AND column_name = ?", table, column);
        return rows.isEmpty() ? null : rows.get(0);
    }
}
