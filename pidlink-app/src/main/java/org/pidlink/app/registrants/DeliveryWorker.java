package org.pidlink.app.registrants;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due deliveries, one per turn, each in its own transaction holding the delivery's row: a webhook
 * POST signed with the registrant's secret ({@link WebhookSigner}), or a Kafka record. A failed attempt (no answer,
 * not 2xx, the broker refused) is retried after a wait that doubles each time up to a ceiling, until the attempts
 * run out; every attempt goes into the delivery log. Time is the injected clock's.
 */
final class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** Publishes one delivery to Kafka; throws when the broker did not take it. */
    @FunctionalInterface
    interface KafkaSender {
        void send(long registrantId, String payload) throws Exception;
    }

    private final Outbox outbox;
    private final RegistrantStore registrants;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RegistrantsProperties.Delivery settings;
    private final HttpClient http;
    private final @Nullable KafkaSender kafka;

    DeliveryWorker(Outbox outbox, RegistrantStore registrants, TransactionTemplate tx, Clock clock,
                   RegistrantsProperties.Delivery settings, @Nullable KafkaSender kafka) {
        this.outbox = outbox;
        this.registrants = registrants;
        this.tx = tx;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = settings;
        this.kafka = kafka;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One due delivery, if any: true when one was attempted. */
    boolean turn() {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<Outbox.Delivery> due = outbox.nextDue();
            due.ifPresent(this::attempt);
            return due.isPresent();
        }));
    }

    /** How long to wait after the {@code failures}-th failure in a row. */
    static Duration backoff(RegistrantsProperties.Delivery settings, int failures) {
        Duration wait = settings.firstRetry();
        for (int i = 1; i < failures && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    private void attempt(Outbox.Delivery delivery) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        boolean delivered;
        try {
            if (delivery.channel() == Outbox.Channel.KAFKA) {
                if (kafka == null) {
                    throw new IllegalStateException("Kafka is not configured");
                }
                kafka.send(delivery.registrantId(), delivery.payload());
                delivered = true;
            } else {
                status = post(delivery);
                delivered = status != null && status / 100 == 2;
                if (!delivered) {
                    error = status == null ? "the registrant has no webhook any more" : "answered HTTP " + status;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivered = false;
            error = "interrupted";
        } catch (Exception e) {
            delivered = false;
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        int failures = delivery.attempts() + 1;
        Duration retry = delivered || failures >= settings.maxAttempts() ? null : backoff(settings, failures);
        outbox.attempted(delivery, started, status, error, took, delivered, retry);
        if (!delivered) {
            log.info("Delivery {} ({} of suggestion {}) failed (attempt {}): {}; {}", delivery.id(), delivery.channel(),
                    delivery.suggestionId(), failures, error, retry == null ? "given up" : "next in " + retry);
        }
    }

    private @Nullable Integer post(Outbox.Delivery delivery) throws IOException, InterruptedException {
        Optional<RegistrantStore.Webhook> webhook = registrants.webhook(delivery.registrantId());
        if (webhook.isEmpty()) {
            return null;
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSigner.signature(webhook.get().secret(), clock.instant().getEpochSecond(), body);
        HttpRequest request = HttpRequest.newBuilder(webhook.get().url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "pidlink-registrant-webhook")
                .header("X-Pidlink-Event", delivery.event())
                .header("X-Pidlink-Delivery", Long.toString(delivery.id()))
                .header(WebhookSigner.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
