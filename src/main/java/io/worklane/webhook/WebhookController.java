package io.worklane.webhook;

import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.worklane.security.Caller;
import io.worklane.security.Supervision;
import io.worklane.security.WorklaneGroups;
import io.worklane.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A source system's webhook subscriptions, managed by the source system itself (its own only) and by
 * administrators (SecurityConfiguration lets no one else in).
 */
@RestController
@Validated
@RequestMapping("/api/source-systems/{sourceSystem}/webhooks")
class WebhookController {

    /** What a subscription is; {@code eventTypes} left out: the defaults. */
    record SubscriptionRequest(@Size(max = 2000) String url, @Size(max = 50) List<String> eventTypes, Boolean enabled,
            @Size(max = 200) String description) {

        WebhookSubscriptions.Settings settings() {
            return new WebhookSubscriptions.Settings(url, eventTypes, enabled, description);
        }
    }

    /** The secret, shown this once. */
    record Secret(String secret) {
    }

    private final WebhookSubscriptions subscriptions;
    private final Deliveries deliveries;
    private final Supervision supervision;

    WebhookController(WebhookSubscriptions subscriptions, Deliveries deliveries, Supervision supervision) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.supervision = supervision;
    }

    @PostMapping
    @Operation(summary = "Subscribe to changes of the source system's items", description = "The answer holds the "
            + "signing secret (whsec_...), shown this once. Messages are signed as the Standard Webhooks "
            + "specification says and sent at least once, in order per item.")
    @ApiResponse(responseCode = "201", description = "subscribed")
    @ApiResponse(responseCode = "422", description = "the URL's host is not allowed")
    ResponseEntity<WebhookSubscriptions.WithSecret> subscribe(@PathVariable String sourceSystem,
            @RequestBody SubscriptionRequest request) {
        Caller caller = owner(sourceSystem);
        WebhookSubscriptions.WithSecret made = subscriptions.subscribe(sourceSystem, request.settings(),
                caller.userId());
        return ResponseEntity
            .created(URI.create("/api/source-systems/" + sourceSystem + "/webhooks/" + made.subscription().id()))
            .cacheControl(CacheControl.noStore())
            .body(made);
    }

    @GetMapping
    @Operation(summary = "The source system's subscriptions (never their secrets)")
    List<WebhookSubscription> list(@PathVariable String sourceSystem) {
        owner(sourceSystem);
        return subscriptions.of(sourceSystem);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription")
    WebhookSubscription get(@PathVariable String sourceSystem, @PathVariable String id) {
        owner(sourceSystem);
        return subscriptions.get(sourceSystem, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a subscription's URL, event types, description or whether it is enabled",
            description = "A disabled subscription keeps its undelivered messages and sends them once enabled.")
    WebhookSubscription change(@PathVariable String sourceSystem, @PathVariable String id,
            @RequestBody SubscriptionRequest request) {
        owner(sourceSystem);
        return subscriptions.change(sourceSystem, id, request.settings());
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Renew the signing secret", description = "Messages sent from now on are signed with the "
            + "new secret, shown this once.")
    ResponseEntity<Secret> renewSecret(@PathVariable String sourceSystem, @PathVariable String id) {
        owner(sourceSystem);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
            .body(new Secret(subscriptions.renewSecret(sourceSystem, id)));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Unsubscribe", description = "Messages not yet delivered are dropped with it.")
    @ApiResponse(responseCode = "204", description = "unsubscribed")
    ResponseEntity<Void> unsubscribe(@PathVariable String sourceSystem, @PathVariable String id) {
        owner(sourceSystem);
        subscriptions.unsubscribe(sourceSystem, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The subscription's most recent messages: pending, delivered or dead (the dead-letter list)")
    List<Delivery> deliveries(@PathVariable String sourceSystem, @PathVariable String id,
            @RequestParam(required = false) DeliveryState state,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        owner(sourceSystem);
        subscriptions.get(sourceSystem, id);
        return deliveries.recent(id, state == null ? null : state.name(), limit);
    }

    /** The states of a message in the outbox. */
    enum DeliveryState {
        PENDING, DELIVERED, DEAD
    }

    /**
     * The caller may manage this source system's subscriptions: it is the source system, or an administrator and
     * the source system exists. Anyone else learns nothing about it.
     */
    private Caller owner(String sourceSystem) {
        Caller caller = Caller.current();
        boolean admin = caller.groups().contains(WorklaneGroups.ADMINS);
        boolean itself = caller.userId().equals(sourceSystem) && caller.groups().contains(WorklaneGroups.SOURCE_SYSTEMS);
        if (!(admin || itself) || !supervision.isSourceSystem(sourceSystem)) {
            throw Problems.notFound("source-system", sourceSystem);
        }
        return caller;
    }
}
