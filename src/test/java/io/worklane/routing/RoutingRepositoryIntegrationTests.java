package io.worklane.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.worklane.PostgresIntegrationTest;
import io.worklane.workitem.RoutingTarget;

/**
 * The router's candidate query on PostgreSQL: which queued rows an agent is shown, in what order, and how much of
 * the queue it reads to find them. The rows name no process instance; only the query is under test.
 */
class RoutingRepositoryIntegrationTests extends PostgresIntegrationTest {

    private static final List<String> WORKITEM = List.of("workitem");

    @Autowired
    private RoutingRepository repository;

    @Autowired
    private NamedParameterJdbcTemplate named;

    @Autowired
    private ObjectMapper json;

    @Test
    void anAgentSeesTheItemsItsProfileSatisfiesInDistributionOrderAcrossKeys() {
        agentRow("kim");
        item("sales-5-low", 100, "Sales Processing > 4", null, "Sales Processing", 5);
        item("sales-3-high", 900, "Sales Processing > 2", null, "Sales Processing", 3);
        item("sales-9", 950, "Sales Processing > 8", null, "Sales Processing", 9);
        item("finance", 990, "Finance Processing > 0", null, "Finance Processing", 1);
        item("key-accounts", 800, "group = \"Key Accounts\" and Sales Processing > 4", "Key Accounts",
                "Sales Processing", 5);
        item("north", 850, "group = \"North\" and Sales Processing > 4", "North", "Sales Processing", 5);
        item("anyone", 500, "Finance Processing < 3", null, null, 0);
        item("declined", 960, "Sales Processing > 0", null, "Sales Processing", 1);
        jdbc.update("UPDATE work_item SET declined_by = 'kim' WHERE id = 'declined'");
        preferred("for-kim", 400, "kim");
        preferred("for-lee", 970, "lee");

        List<String> keys = RoutingRepository.keysOf(Map.of("Sales Processing", 5), Set.of("Key Accounts"));

        assertThat(repository.candidates("kim", WORKITEM, keys, 0, 50)).extracting(RoutingRepository.QueuedItem::id)
            .containsExactly("sales-3-high", "key-accounts", "anyone", "for-kim", "sales-5-low");
        assertThat(repository.candidates("kim", WORKITEM, keys, 2, 2)).extracting(RoutingRepository.QueuedItem::id)
            .containsExactly("anyone", "for-kim");
        assertThat(repository.candidates("kim", List.of("email"), keys, 0, 50)).isEmpty();
    }

    @Test
    void anAgentWhoMatchesNothingReadsNoneOfTheOtherDepartmentsItems() throws Exception {
        agentRow("fay");
        jdbc.update("""
                INSERT INTO work_item (id, process_instance_id, source_system, external_id, state, media_type, priority,
                                       target_level, target_expression, target_skill, target_min_proficiency,
                                       routing_key, captured_at, queued_at, updated_at)
                SELECT 'sales-' || i, 'no-instance-' || i, 'ballast', 'B-' || i, 'QUEUED', 'workitem', 1000 - i % 100,
                       'PRIMARY', 'Sales Processing > 4', 'Sales Processing', 5, '|Sales Processing|5',
                       now(), now() - i * interval '1 second', now()
                  FROM generate_series(1, 3000) AS i
                """);
        jdbc.execute("ANALYZE work_item");
        List<String> keys = RoutingRepository.keysOf(Map.of("Finance Processing", 8), Set.of());
        assertThat(repository.candidates("fay", WORKITEM, keys, 0, 50)).isEmpty();

        CandidatePlans.Plan plan = new CandidatePlans(named, json).firstPage("fay", WORKITEM,
                Map.of("Finance Processing", 8), Set.of());
        // one run per key (1 without a skill + 8 proficiencies of Finance Processing) and one of preferred items
        assertThat(plan.runs()).isEqualTo(10);
        assertThat(plan.rowsRead()).as("rows the plan read or filtered out").isZero();
        assertThat(plan.text()).contains("work_item_routing_key_idx").doesNotContain("Seq Scan");
    }

    @Test
    void anItemsRouterReadsOnlyTheReadyAgentsWhoHaveItsKey() {
        agentRow("ann", Map.of("Sales Processing", 7), Set.of("Key Accounts"));
        agentRow("bob", Map.of("Sales Processing", 3), Set.of("Key Accounts"));
        agentRow("cy", Map.of("Sales Processing", 9, "Finance Processing", 2), Set.of());
        agentRow("dee", Map.of("Finance Processing", 8), Set.of("Key Accounts"));
        agentRow("eve", Map.of("Sales Processing", 9), Set.of("Key Accounts"));
        jdbc.update("UPDATE agent SET presence = 'NOT_READY', presence_reason = 'Pause' WHERE id = 'eve'");

        assertThat(repository.readyAgentsWithSkills(new RoutingRepository.Key(null, "Sales Processing", 5)))
            .extracting(RoutingRepository.ReadyAgent::id).containsExactlyInAnyOrder("ann", "cy");
        assertThat(repository.readyAgentsWithSkills(new RoutingRepository.Key("Key Accounts", "Sales Processing", 5)))
            .singleElement().satisfies(agent -> {
                assertThat(agent.id()).isEqualTo("ann");
                assertThat(agent.groups()).containsExactly("Key Accounts");
            });
        assertThat(repository.readyAgentsWithSkills(new RoutingRepository.Key("Key Accounts", null, 0)))
            .extracting(RoutingRepository.ReadyAgent::id).containsExactlyInAnyOrder("ann", "bob", "dee");
        assertThat(repository.readyAgentsWithSkills(new RoutingRepository.Key(null, null, 0)))
            .extracting(RoutingRepository.ReadyAgent::id).containsExactlyInAnyOrder("ann", "bob", "cy", "dee");
        assertThat(repository.readyAgentsWithSkills(null)).as("the preferred level reads every ready agent")
            .hasSize(4).filteredOn(agent -> agent.id().equals("cy")).singleElement()
            .satisfies(agent -> assertThat(agent.skills()).containsEntry("Finance Processing", 2).hasSize(2));
    }

    private void agentRow(String id, Map<String, Integer> skills, Set<String> groups) {
        agentRow(id);
        skills.forEach((skill, proficiency) -> jdbc.update(
                "INSERT INTO agent_skill (agent_id, skill, proficiency) VALUES (?, ?, ?)", id, skill, proficiency));
        groups.forEach(group -> jdbc.update("INSERT INTO agent_group (agent_id, group_name) VALUES (?, ?)", id, group));
    }

    private void agentRow(String id) {
        jdbc.update("INSERT INTO agent (id, display_name, presence, presence_since) VALUES (?, ?, 'READY', now())", id,
                id);
    }

    private void item(String id, int priority, String expression, String group, String skill, int minProficiency) {
        insert(id, priority, "PRIMARY", expression, group, skill, skill == null ? null : minProficiency,
                RoutingTarget.routingKey(group, skill, minProficiency), null);
    }

    private void preferred(String id, int priority, String agent) {
        insert(id, priority, RoutingTargets.PREFERRED, null, null, null, null, null, agent);
    }

    private void insert(String id, int priority, String level, String expression, String group, String skill,
            Integer minProficiency, String key, String preferredAgent) {
        jdbc.update("""
                INSERT INTO work_item (id, process_instance_id, source_system, external_id, state, media_type, priority,
                                       target_level, target_expression, target_group, target_skill,
                                       target_min_proficiency, routing_key, preferred_agent, captured_at, queued_at,
                                       updated_at)
                VALUES (?, ?, 'test', ?, 'QUEUED', 'workitem', ?, ?, ?, ?, ?, ?, ?, ?, now(), now(), now())
                """, id, "no-instance-" + id, id, priority, level, expression, group, skill, minProficiency, key,
                preferredAgent);
    }
}
