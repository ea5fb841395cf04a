package io.worklane.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.worklane.web.Problems;
import io.worklane.workitem.WorkItemEventType;

/** Source systems' subscriptions: where to send which changes of their items, and the secret to sign them with. */
@Service
class WebhookSubscriptions {

    /** What a caller sets; a null list of event types means the defaults ({@link WebhookTypes#defaults()}). */
    record Settings(String url, List<String> eventTypes, Boolean enabled, String description) {
    }

    /** A subscription with its secret, answered once. */
    record WithSecret(WebhookSubscription subscription, String secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookSubscriptions(JdbcTemplate jdbc, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    WithSecret subscribe(String sourceSystem, Settings settings, String createdBy) {
        String url = allowedUrl(settings.url());
        Set<WorkItemEventType> types = eventTypes(settings.eventTypes());
        String id = UUID.randomUUID().toString();
        String secret = newSecret();
        jdbc.update("""
                INSERT INTO webhook_subscription (id, source_system, url, secret, enabled, description, created_at,
                                                  created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, sourceSystem, url, secret,
                settings.enabled() == null || settings.enabled(), settings.description(),
                Timestamp.from(clock.instant()), createdBy);
        writeTypes(id, types);
        return new WithSecret(get(sourceSystem, id), secret);
    }

    @Transactional
    WebhookSubscription change(String sourceSystem, String id, Settings settings) {
        WebhookSubscription current = get(sourceSystem, id);
        String url = allowedUrl(settings.url());
        jdbc.update("UPDATE webhook_subscription SET url = ?, enabled = ?, description = ? WHERE id = ?", url,
                settings.enabled() == null ? current.enabled() : settings.enabled(), settings.description(), id);
        jdbc.update("DELETE FROM webhook_subscription_type WHERE subscription_id = ?", id);
        writeTypes(id, eventTypes(settings.eventTypes()));
        return get(sourceSystem, id);
    }

    @Transactional
    String renewSecret(String sourceSystem, String id) {
        get(sourceSystem, id);
        String secret = newSecret();
        jdbc.update("UPDATE webhook_subscription SET secret = ? WHERE id = ?", secret, id);
        return secret;
    }

    /** Its messages not yet delivered go with it. */
    @Transactional
    void unsubscribe(String sourceSystem, String id) {
        get(sourceSystem, id);
        jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", id);
    }

    @Transactional(readOnly = true)
    List<WebhookSubscription> of(String sourceSystem) {
        return jdbc.queryForList("SELECT id FROM webhook_subscription WHERE source_system = ? ORDER BY created_at, id",
                String.class, sourceSystem).stream().map(id -> get(sourceSystem, id)).toList();
    }

    @Transactional(readOnly = true)
    WebhookSubscription get(String sourceSystem, String id) {
        List<WebhookSubscription> found = jdbc.query("""
                SELECT id, source_system, url, enabled, description, created_at, created_by
                  FROM webhook_subscription WHERE id = ? AND source_system = ?""",
                (row, i) -> new WebhookSubscription(row.getString(1), row.getString(2), row.getString(3),
                        typesOf(row.getString(1)), row.getBoolean(4), row.getString(5),
                        row.getTimestamp(6).toInstant(), row.getString(7)),
                id, sourceSystem);
        if (found.isEmpty()) {
            throw Problems.notFound("webhook-subscription", id);
        }
        return found.get(0);
    }

    private List<String> typesOf(String id) {
        return jdbc.queryForList("SELECT event_type FROM webhook_subscription_type WHERE subscription_id = ?",
                String.class, id).stream().map(WorkItemEventType::valueOf).sorted()
            .map(WebhookTypes::wireName).toList();
    }

    private void writeTypes(String id, Set<WorkItemEventType> types) {
        jdbc.batchUpdate("INSERT INTO webhook_subscription_type (subscription_id, event_type) VALUES (?, ?)",
                types.stream().map(type -> new Object[] { id, type.name() }).toList());
    }

    /** http(s), no user info, a host of {@code worklane.webhooks.allowed-hosts}. */
    String allowedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw Problems.invalid("url is required.");
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException e) {
            throw Problems.invalid("url is not a URL: " + e.getReason() + ".");
        }
        if (url.length() > 2000 || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw Problems.invalid("url must be an http(s) URL of at most 2000 characters, with a host and without "
                    + "user info or fragment.");
        }
        if (!properties.allowedHosts().contains(uri.getHost())) {
            throw Problems.exception(HttpStatus.UNPROCESSABLE_ENTITY, "webhook-host-not-allowed",
                    "Host not allowed", "Webhooks may only call the hosts an administrator allowed "
                            + "(worklane.webhooks.allowed-hosts); " + uri.getHost() + " is not one of them.",
                    Map.of("host", uri.getHost()));
        }
        return url;
    }

    private static Set<WorkItemEventType> eventTypes(List<String> names) {
        if (names == null) {
            return WebhookTypes.defaults();
        }
        if (names.isEmpty()) {
            throw Problems.invalid("eventTypes must name at least one type, or be left out for the defaults.");
        }
        Set<WorkItemEventType> types = EnumSet.noneOf(WorkItemEventType.class);
        for (String name : names) {
            types.add(WebhookTypes.parse(name == null ? "" : name).orElseThrow(() -> Problems.exception(
                    HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "eventTypes: '" + name
                            + "' is not an event type; known are " + knownTypes() + ".", Map.of("field", "eventTypes"))));
        }
        return types;
    }

    private static List<String> knownTypes() {
        return EnumSet.allOf(WorkItemEventType.class).stream().map(WebhookTypes::wireName).toList();
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
