package io.worklane.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The router's candidate query for one agent, run under {@code EXPLAIN ANALYZE} on PostgreSQL. */
final class CandidatePlans {

    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    CandidatePlans(NamedParameterJdbcTemplate named, ObjectMapper json) {
        this.named = named;
        this.json = json;
    }

    /** The executed plan of the first page for an agent with this profile, and what it read. */
    record Plan(String text, JsonNode tree, long rowsRead, int runs) {
    }

    Plan firstPage(String agentId, List<String> mediaTypes, Map<String, Integer> skills, Set<String> groups)
            throws JsonProcessingException {
        List<String> keys = RoutingRepository.keysOf(skills, groups);
        var parameters = new MapSqlParameterSource("agentId", agentId);
        String sql = RoutingRepository.candidatesSql(mediaTypes, keys, 0, 50, parameters);
        JsonNode tree = json.readTree(String.join("\n",
                named.queryForList("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, parameters, String.class)));
        String text = String.join("\n", named.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, parameters, String.class));
        return new Plan(text, tree, rowsRead(tree), keys.size() * mediaTypes.size() + 1);
    }

    /** Every row a scan in the plan returned or removed by a filter: the work the query did on the queue. */
    private static long rowsRead(JsonNode plan) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan.get(0).get("Plan"), nodes);
        return nodes.stream()
            .filter(node -> node.get("Node Type").asText().contains("Scan"))
            .mapToLong(node -> node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong())
            .sum();
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        node.path("Plans").forEach(child -> collect(child, nodes));
    }
}
