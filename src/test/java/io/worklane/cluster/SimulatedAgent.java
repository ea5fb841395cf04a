package io.worklane.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An employee at work through the API: READY, then over and over looks at what they hold, accepts offers and
 * marks handled items done, a few seconds after taking them. A sleepy one never answers an offer. Whoever RONA
 * set NOT_READY comes back READY a little later (the sleepy one to miss the next offer).
 */
final class SimulatedAgent implements Runnable {

    private static final Duration HANDLING_TIME = Duration.ofSeconds(2);

    private final String id;
    private final int preferredNode;
    private final boolean sleepy;
    private final ClusterClient client;
    private final AtomicBoolean stop;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger backFromRona = new AtomicInteger();
    /** When each item in hand is done: a few seconds after it was taken, so that a queue builds up. */
    private final Map<String, Instant> doneAt = new HashMap<>();

    SimulatedAgent(String id, int preferredNode, boolean sleepy, ClusterClient client, AtomicBoolean stop) {
        this.id = id;
        this.preferredNode = preferredNode;
        this.sleepy = sleepy;
        this.client = client;
        this.stop = stop;
    }

    String id() {
        return id;
    }

    int done() {
        return done.get();
    }

    @Override
    public void run() {
        ready();
        while (!stop.get()) {
            JsonNode agent = client.get(preferredNode, id, "/api/agents/" + id).body();
            if ("RONA".equals(agent.path("presence").path("reason").asText())) {
                ClusterClient.pause(Duration.ofSeconds(2));
                backFromRona.incrementAndGet();
                ready();
            }
            for (JsonNode item : agent.path("items")) {
                String itemId = item.path("id").asText();
                switch (item.path("state").asText()) {
                    case "OFFERED" -> {
                        if (!sleepy && answered(client.post(preferredNode, id, "/api/agents/" + id + "/offers/" + itemId
                                + "/accept", null))) {
                            accepted.incrementAndGet();
                        }
                    }
                    case "IN_PROGRESS" -> {
                        Instant due = doneAt.computeIfAbsent(itemId, taken -> Instant.now().plus(HANDLING_TIME)
                            .plusMillis(ThreadLocalRandom.current().nextInt(2000)));
                        if (Instant.now().isAfter(due) && answered(client.post(preferredNode, id, "/api/agents/" + id + "/items/" + itemId + "/done",
                                Map.of("disposition", "Converted")))) {
                            done.incrementAndGet();
                        }
                    }
                    default -> {
                        // parked or awaiting confirmation: not in this load
                    }
                }
            }
            ClusterClient.pause(Duration.ofMillis(100 + ThreadLocalRandom.current().nextInt(200)));
        }
    }

    private void ready() {
        client.put(preferredNode, id, "/api/agents/" + id + "/presence", Map.of("state", "READY"));
    }

    /** 409: a repeated call whose first answer was lost with a node, or a RONA that came first. */
    private static boolean answered(ClusterClient.Response response) {
        if (response.status() == 200) {
            return true;
        }
        if (response.status() == 409) {
            return false;
        }
        throw new IllegalStateException("Unexpected answer " + response.status() + ": " + response.body());
    }

    @Override
    public String toString() {
        return id + " (accepted " + accepted + ", done " + done + ", back from RONA " + backFromRona + ")";
    }
}
