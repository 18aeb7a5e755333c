package org.pidlink.emulator.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pidlink.emulator.state.EmulatorState;

/**
 * Calls webhooks: {@code POST <callback>} over HTTP/1.1 with an empty body and no content type; any 2xx is
 * delivered, anything else (or no answer) is retried after {@code failures × unit} up to the policy's attempts
 * (orcid-api.md §6). Changes that arrive while a callback is under way cause one more callback afterwards, as
 * ORCID fires whenever the record changed after the last send. One virtual thread per webhook being delivered,
 * on an executor owned by this emulator instance and shut down with it.
 */
final class WebhookDelivery implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
    private static final int LOG_LIMIT = 1000;

    private final EmulatorState state;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** Made on the first callback: an HttpClient starts a selector thread, which most emulators never need. */
    private HttpClient http;
    private boolean closed;
    private final Deque<DeliveryAttempt> attempts = new ArrayDeque<>();
    private volatile RetryPolicy policy = RetryPolicy.EMULATOR;
    private final Consumer<Webhook> delivered;

    /** @param delivered told after a callback was answered 2xx (the webhook's {@code lastSent} changed) */
    WebhookDelivery(EmulatorState state, Consumer<Webhook> delivered) {
        this.state = state;
        this.delivered = delivered;
    }

    void policy(RetryPolicy p) {
        this.policy = p;
    }

    RetryPolicy policy() {
        return policy;
    }

    /** The record of {@code hook} changed. */
    void changed(Webhook hook) {
        if (hook.markChanged()) {
            try {
                executor.execute(() -> deliver(hook));
            } catch (RejectedExecutionException closed) {
                // The emulator is stopping; nothing more is delivered.
            }
        }
    }

    private void deliver(Webhook hook) {
        try {
            while (hook.takeChange()) {
                sendUntilDeliveredOrGivenUp(hook);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendUntilDeliveredOrGivenUp(Webhook hook) throws InterruptedException {
        RetryPolicy p = policy;
        for (int attempt = 1; !hook.removed(); attempt++) {
            DeliveryAttempt a = post(hook, attempt);
            record(a);
            if (a.delivered()) {
                hook.sent(a.at());
                delivered.accept(hook);
                return;
            }
            int failures = hook.failed();
            if (attempt >= p.maxAttempts()) {
                LOG.info(() -> "webhook " + hook.uri + " for " + hook.orcid + " failed " + failures + " times; giving up");
                hook.gaveUp();
                return;
            }
            Thread.sleep(p.delayAfter(failures).toMillis());
        }
    }

    private DeliveryAttempt post(Webhook hook, int attempt) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.callbackUrl()))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<Void> r = http().send(request, HttpResponse.BodyHandlers.discarding());
            return new DeliveryAttempt(hook.orcid, hook.uri, hook.clientId, attempt, r.statusCode(), null, state.now());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.FINE, "webhook call failed", e);
            return new DeliveryAttempt(hook.orcid, hook.uri, hook.clientId, attempt, 0, e.toString(), state.now());
        }
    }

    private synchronized void record(DeliveryAttempt a) {
        attempts.addLast(a);
        while (attempts.size() > LOG_LIMIT) {
            attempts.removeFirst();
        }
    }

    /** The latest attempts, oldest first. */
    synchronized List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized void clear() {
        attempts.clear();
    }

    private synchronized HttpClient http() {
        if (closed) {
            throw new IllegalStateException("the emulator is stopping");
        }
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        HttpClient client;
        synchronized (this) {
            closed = true;
            client = http;
        }
        if (client != null) {
            client.close();
        }
    }
}
