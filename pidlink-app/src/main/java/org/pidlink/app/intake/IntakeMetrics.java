package org.pidlink.app.intake;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Counts the records intake took in, in {@code pidlink.intake.records} tagged by outcome (accepted, skipped,
 * rejected) and source kind ({@code api}, {@code harvest}, {@code kafka}): the kind, not the full source (an API
 * key's name, a topic), keeps the number of series bounded whatever administrators configure.
 */
final class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts nothing anywhere: for an intake built without a registry. */
    static IntakeMetrics none() {
        return new IntakeMetrics(new CompositeMeterRegistry());
    }

    void record(String source, IntakeReport report) {
        String kind = sourceKind(source);
        count(kind, "accepted", report.accepted());
        count(kind, "skipped", report.skipped());
        count(kind, "rejected", report.rejected());
    }

    private void count(String kind, String outcome, int records) {
        if (records > 0) {
            Counter.builder("pidlink.intake.records").description("DOI records taken in, by outcome and source kind")
                    .tag("source", kind).tag("outcome", outcome).register(meters).increment(records);
        }
    }

    static String sourceKind(String source) {
        int colon = source == null ? -1 : source.indexOf(':');
        String kind = source == null ? "" : (colon < 0 ? source : source.substring(0, colon)).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "api", "harvest", "kafka" -> kind;
            default -> "other";
        };
    }
}
