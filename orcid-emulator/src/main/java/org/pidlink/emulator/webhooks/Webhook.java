package org.pidlink.emulator.webhooks;

import java.time.Instant;

/**
 * A registered webhook, keyed by (orcid, uri), with the client that registered it and its delivery state:
 * {@code dirty} when the record changed since the last callback began, {@code running} while a delivery task
 * owns it. Guarded by its own monitor.
 */
final class Webhook {

    final String orcid;
    final String uri;
    final String clientId;
    final Instant created;
    private boolean dirty;
    private boolean running;
    private volatile boolean removed;
    private volatile Instant lastSent;
    private volatile int failedAttempts;

    Webhook(String orcid, String uri, String clientId, Instant created) {
        this.orcid = orcid;
        this.uri = uri;
        this.clientId = clientId;
        this.created = created;
    }

    /** The record changed; true if the caller must start a delivery task (none is running). */
    synchronized boolean markChanged() {
        dirty = true;
        if (running || removed) {
            return false;
        }
        running = true;
        return true;
    }

    /** The task takes the pending change; false (and the task ends) when there is none. */
    synchronized boolean takeChange() {
        if (!dirty || removed) {
            running = false;
            return false;
        }
        dirty = false;
        return true;
    }

    void remove() {
        removed = true;
    }

    boolean removed() {
        return removed;
    }

    void sent(Instant at) {
        lastSent = at;
        failedAttempts = 0;
    }

    int failed() {
        return ++failedAttempts;
    }

    void gaveUp() {
        failedAttempts = 0;
    }

    Instant lastSent() {
        return lastSent;
    }

    /** ORCID stores a callback without a scheme and calls it over plain HTTP. */
    String callbackUrl() {
        return uri.contains("://") ? uri : "http://" + uri;
    }
}
