package io.worklane.doors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** A completion takes the fields the real forms declare, with their types and options, and nothing else. */
class TaskFormTests {

    private static TaskForm form(String name) throws IOException {
        return TaskForm.parse(new FileInputStream("forms/" + name + ".form"));
    }

    @Test
    void theHandlingFormTakesItsChoicesOnly() throws IOException {
        TaskForm handling = form("handle-work-item");
        var options = Map.<String, Object>of("handlingActions",
                Spin.JSON("[{\"label\":\"Mark done\",\"value\":\"DONE\"},{\"label\":\"Park\",\"value\":\"PARK\"}]"),
                "dispositionCodes", Spin.JSON("[{\"label\":\"Resolved\",\"value\":\"Resolved\"}]"));

        assertThat(handling.fields()).containsOnlyKeys("action", "disposition", "transferTo", "transferTarget");
        assertThatCode(() -> handling.check(Map.of("action", Variables.stringValue("PARK"), "disposition", "Resolved"),
                options::get)).doesNotThrowAnyException();
        assertThatThrownBy(() -> handling.check(Map.of("department", "Finance"), options::get))
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("'department' is no field");
        assertThatThrownBy(() -> handling.check(Map.of("effectivePriority", 1), options::get))
            .as("a disabled field shows data, it takes none")
            .hasMessageContaining("effectivePriority");
        assertThatThrownBy(() -> handling.check(Map.of("action", "TRANSFER_AGENT"), options::get))
            .hasMessageContaining("no choice of action");
        assertThatThrownBy(() -> handling.check(Map.of("action", 7), options::get)).hasMessageContaining("text");
        assertThatThrownBy(() -> handling.check(Map.of("transferTo", "x".repeat(2001)), options::get))
            .hasMessageContaining("at most 2000");
    }

    @Test
    void theOfferFormTakesAcceptOrDecline() throws IOException {
        TaskForm offer = form("answer-offer");

        assertThat(offer.fields()).containsOnlyKeys("offerAnswer");
        assertThatCode(() -> offer.check(Map.of("offerAnswer", "DECLINE"), name -> null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> offer.check(Map.of("offerAnswer", "MAYBE"), name -> null))
            .hasMessageContaining("no choice of offerAnswer");
    }
}
