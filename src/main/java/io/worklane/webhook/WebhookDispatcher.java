package io.worklane.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on every node: each node claims due messages (SKIP LOCKED, so each is sent by one
 * node), sends them at the same time (they are of different items or subscriptions) and notes how each went, and
 * claims again until nothing is due. Runs on its own threads: a slow receiver never holds up the application's
 * scheduled work.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Outbox outbox;
    private final WebhookMessages messages;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final Clock clock;
    private ScheduledExecutorService dispatch;
    private ExecutorService senders;

    WebhookDispatcher(Outbox outbox, WebhookMessages messages, WebhookSender sender, WebhookProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends until nothing is due. @return how many attempts were made */
    int sendWhatIsDue() {
        int attempts = 0;
        List<Outbox.Claimed> claimed;
        while (!(claimed = outbox.claim()).isEmpty()) {
            attempts += send(claimed);
        }
        return attempts;
    }

    private int send(List<Outbox.Claimed> claimed) {
        Map<Long, Outbox.Claimed> byId = claimed.stream()
            .collect(Collectors.toMap(Outbox.Claimed::id, Function.identity()));
        List<Future<?>> sending = new ArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        for (WebhookMessages.Message message : messages.render(List.copyOf(byId.keySet()))) {
            Outbox.Claimed claim = byId.get(message.outboxId());
            sending.add(senders.submit(() -> {
                WebhookSender.Outcome outcome = sender.send(message);
                attempts.incrementAndGet();
                if (outcome.delivered()) {
                    outbox.delivered(claim, outcome.status());
                }
                else {
                    log.debug("webhook {} to {} failed: {}", message.webhookId(), message.url(), outcome.error());
                    outbox.failed(claim, outcome.status(), outcome.error(), outcome.worthRetrying());
                }
            }));
        }
        for (Future<?> attempt : sending) {
            try {
                attempt.get();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return attempts.get();
            }
            catch (java.util.concurrent.ExecutionException e) {
                // the claim's lease runs out and the message is due again
                log.warn("webhook attempt failed unexpectedly", e.getCause());
            }
        }
        return attempts.get();
    }

    @Scheduled(cron = "${worklane.webhooks.cleanup-cron:0 17 * * * *}")
    void dropOldDeliveries() {
        outbox.dropDeliveredBefore(clock.instant().minus(properties.keepDelivered()));
    }

    @Override
    public synchronized void start() {
        senders = Executors.newFixedThreadPool(properties.senders(), named("webhook-send"));
        dispatch = Executors.newSingleThreadScheduledExecutor(named("webhook-dispatch"));
        dispatch.scheduleWithFixedDelay(() -> {
            try {
                sendWhatIsDue();
            }
            catch (RuntimeException e) {
                // e.g. the database is away for a moment: the next round tries again
                log.warn("webhook dispatch round failed: {}", e.toString());
            }
        }, properties.pollInterval().toMillis(), properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (dispatch != null) {
            dispatch.shutdownNow();
            senders.shutdownNow();
            try {
                dispatch.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dispatch = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return dispatch != null;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
