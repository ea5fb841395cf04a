package io.worklane.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.worklane.ApiClient;
import io.worklane.PostgresIntegrationTest;

/** The queue page's API: any states, filters, three orders, keyset pages, a count on request, departments. */
class QueuePageIntegrationTests extends PostgresIntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void filtersSortsAndPagesEveryStateWithinTheSupervisorsDepartments() {
        department("sales", "Sales");
        department("finance", "Finance");
        ApiClient crm = sourceSystem("crm");
        // due in 5, 1, 3, 4 days; one overdue; one Finance item
        String a = capture(crm, "QP-A", "Lead", "Kim", NOW.plus(5, ChronoUnit.DAYS));
        String b = capture(crm, "QP-B", "Lead", "Lee", NOW.plus(1, ChronoUnit.DAYS));
        String c = capture(crm, "QP-C", "Quote", "Kane", NOW.plus(3, ChronoUnit.DAYS));
        String d = capture(crm, "QP-D", "Lead", "Diaz", NOW.plus(4, ChronoUnit.DAYS));
        String late = capture(crm, "QP-LATE", "Lead", "Kerr", NOW.minus(1, ChronoUnit.HOURS));
        String finance = capture(crm, "QP-FIN", "Invoice", "Kohl", NOW.plus(2, ChronoUnit.DAYS));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM work_item WHERE state = 'QUEUED'") == 6);
        assertThat(crm.post("/api/work-items/" + d + "/hold", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(stateOf(d)));
        ApiClient sofia = member("sofia-page", "supervisors", "sales");
        ApiClient sam = member("sam-page", "supervisors", "finance");

        // QUEUED by default, by due date on request, walked two at a time
        List<JsonNode> byDue = all(sofia, "/api/queue?sort=due&limit=2");
        assertThat(field(byDue, "externalId")).containsExactly("QP-LATE", "QP-B", "QP-C", "QP-A");
        assertThat(field(byDue, "position")).containsExactly("1", "2", "3", "4");
        assertThat(field(byDue, "overdue")).containsExactly("true", "false", "false", "false");

        // every state asked for, newest first
        assertThat(field(all(sofia, "/api/queue?state=QUEUED&state=HELD&sort=captured&limit=3"), "externalId"))
            .containsExactly("QP-LATE", "QP-D", "QP-C", "QP-B", "QP-A");
        assertThat(field(all(sofia, "/api/queue?state=HELD"), "externalId")).containsExactly("QP-D");

        // filters
        assertThat(field(all(sofia, "/api/queue?overdue=true"), "externalId")).containsExactly("QP-LATE");
        assertThat(field(all(sofia, "/api/queue?q=k&sort=due"), "externalId")).as("surname prefix, any case")
            .containsExactly("QP-LATE", "QP-C", "QP-A");
        assertThat(field(all(sofia, "/api/queue?q=QP-B"), "externalId")).containsExactly("QP-B");
        assertThat(field(all(sofia, "/api/queue?q=%"), "externalId")).as("a wildcard is a character").isEmpty();
        assertThat(field(all(sofia, "/api/queue?sort=due&dueBefore=" + NOW.plus(2, ChronoUnit.DAYS)),
                "externalId")).containsExactly("QP-LATE", "QP-B");
        assertThat(field(all(sofia, "/api/queue?process=Lead Handling&sort=due&limit=1"), "externalId"))
            .containsExactly("QP-LATE", "QP-B", "QP-C", "QP-A");

        // a count on request; the other department's items nowhere
        var counted = sofia.get("/api/queue?state=QUEUED&state=HELD&count=true&limit=1").body();
        assertThat(counted.path("total").asLong()).isEqualTo(5);
        assertThat(field(all(sam, "/api/queue?state=QUEUED&state=HELD"), "externalId")).containsExactly("QP-FIN");
        assertThat(field(all(sam, "/api/queue?department=Sales"), "externalId")).isEmpty();
        assertThat(sam.get("/api/queue?q=QP-A&count=true").body().path("total").asLong()).isZero();
        assertThat(List.of(a, b, c, late, finance)).doesNotHaveDuplicates();
    }

    @Test
    void aCursorThisApiDidNotHandOutOrAnUnknownSortIsRefused() {
        ApiClient sofia = supervisor();
        var forged = sofia.get("/api/queue?sort=due&cursor=WyJEVUUiLFsibm90LWEtZGF0ZSJdLCJ4IiwxXQ");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.text("detail")).contains("cursor");
        assertThat(sofia.get("/api/queue?sort=due&cursor=%%%").status()).isEqualTo(400);
        var unknown = sofia.get("/api/queue?sort=age");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("detail")).contains("distribution, due or captured");
        assertThat(sofia.get("/api/queue?state=SLEEPING").status()).isEqualTo(400);
    }

    /** Every page of the query, following the cursors. */
    private static List<JsonNode> all(ApiClient client, String path) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        do {
            var page = client.get(path + (next == null ? "" : "&cursor=" + next));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.body().path("items").forEach(items::add);
            next = page.body().path("next").isNull() ? null : page.body().path("next").asText();
            assertThat(items.size()).as("pages end").isLessThan(100);
        }
        while (next != null);
        return items;
    }

    private static List<String> field(List<JsonNode> items, String name) {
        return items.stream().map(item -> item.path(name).asText()).toList();
    }

    private static String capture(ApiClient crm, String externalId, String requestType, String surname, Instant due) {
        var captured = crm.post("/api/work-items", Map.of("externalId", externalId, "requestType", requestType,
                "surname", surname, "dueAt", due.toString()));
        assertThat(captured.status()).as("%s", captured).isEqualTo(201);
        return captured.text("id");
    }
}
