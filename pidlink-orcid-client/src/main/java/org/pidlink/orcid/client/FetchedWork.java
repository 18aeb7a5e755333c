package org.pidlink.orcid.client;

import java.util.Objects;

/**
 * A complete work read from ORCID: its parsed summary and the ORCID v3.0 work JSON exactly as ORCID sent it (for
 * comparing with what pidlink would write, or for building an update).
 */
public record FetchedWork(WorkSummary summary, String json) {

    public FetchedWork {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(json, "json");
    }

    public long putCode() {
        return summary.putCode();
    }

    @Override
    public String toString() {
        return "FetchedWork[putCode=" + summary.putCode() + ", title=" + summary.title() + "]";
    }
}
