package org.pidlink.app.orcid;

import java.util.List;
import java.util.Locale;

import org.pidlink.orcid.client.OrcidCallContext;

/**
 * What an ORCID call is for, in the order in which ORCID's one budget per client (24 requests a second, burst 40,
 * shared by all instances) goes to them: a class uses what the ones before it leave, and each class after the
 * second keeps a minimum share so that none starves. Every call pidlink makes says its class in its
 * {@link OrcidCallContext}.
 */
public enum CallClass {
    /** A researcher or an administrator waits for it: Sync now, Search &amp; Link claims, disconnect-and-remove, retries. */
    INTERACTIVE,
    /** Fresh auto-update: first additions and deletions from new intake. */
    FRESH,
    /** A researcher's existing DOIs when she connects or turns auto-update on, re-evaluations, metadata updates. */
    BACKFILL,
    /** Reading records: reconciliation after webhooks, import, recovery reads that block no write. */
    READ,
    /** Webhook registration, permission notifications. */
    HOUSEKEEPING;

    /** The name a call context carries: {@code interactive}, {@code fresh}, … */
    public String purpose() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A context for a call of this class by {@code registrationId}, made for these items (claims). */
    public OrcidCallContext context(String registrationId, List<Long> itemIds) {
        return new OrcidCallContext(purpose(), registrationId, itemIds);
    }

    /** A context for a call of this class by {@code registrationId}, for no item in particular. */
    public OrcidCallContext context(String registrationId) {
        return context(registrationId, List.of());
    }

    /** The class a context names; a call that names none is treated as a read. */
    public static CallClass of(OrcidCallContext context) {
        for (CallClass c : values()) {
            if (c.purpose().equals(context.purpose())) {
                return c;
            }
        }
        return READ;
    }

    /** Whether calls of this class are served before lower classes, reserving budget ahead (the first two). */
    public boolean urgent() {
        return this == INTERACTIVE || this == FRESH;
    }
}
