package org.pidlink.app.registrants;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.OrcidClient;
import org.pidlink.orcid.client.OrcidError;
import org.pidlink.orcid.client.OrcidResult;
import org.pidlink.orcid.client.RecordSummary;
import org.pidlink.orcid.client.TokenResponse;

/**
 * Reads a researcher's trust markers from ORCID with a {@code /read-public} client-credentials token of the
 * auto-update client: public data only, like ORCID's own record summary. The token lives in memory only and is
 * fetched again when it expires or ORCID refuses it.
 */
final class OrcidTrust {

    private static final String READ_PUBLIC = "/read-public";

    private final OrcidRegistrations registrations;
    private final Clock clock;
    private final AtomicReference<Token> token = new AtomicReference<>();

    OrcidTrust(OrcidRegistrations registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What ORCID says of a record: its markers, or the state that keeps it from showing any. */
    sealed interface Read {
    }

    record Markers(RecordSummary summary) implements Read {
    }

    /** Deprecated (merged into another) or deactivated. */
    record Gone(SuggestionReason reason) implements Read {
    }

    record Failed(String why) implements Read {
    }

    /** ORCID has no record with this iD. */
    record Unknown() implements Read {
    }

    Read read(OrcidId orcid) {
        Read first = readOnce(orcid);
        if (first instanceof Failed && token.get() != null) {
            // A token ORCID no longer takes: once more with a fresh one.
            token.set(null);
            return readOnce(orcid);
        }
        return first;
    }

    /** The markers for a suggestion of {@code doi}: whether its work is on the record, and from which source. */
    Trust trust(OrcidId orcid, String doi) {
        Instant now = clock.instant();
        return switch (read(orcid)) {
            case Markers(RecordSummary s) -> {
                String wanted = doi.toLowerCase(Locale.ROOT);
                var sources = s.works().stream().filter(w -> w.dois().contains(wanted))
                        .map(w -> new Trust.WorkSource(w.sourceName(), w.sourceClientId(), w.selfAsserted())).toList();
                yield new Trust(s.name(), s.employments().stream().map(e -> new Trust.Employment(e.organization(),
                        e.role(), e.startYear(), e.endYear(), e.validated())).toList(), s.employmentCount(),
                        s.validatedWorks(), s.selfAssertedWorks(), !sources.isEmpty(), sources, now, null);
            }
            case Gone(SuggestionReason reason) -> Trust.unavailable(reason == SuggestionReason.DEPRECATED_RECORD
                    ? "the ORCID record is deprecated" : "the ORCID record is deactivated", now);
            case Failed(String why) -> Trust.unavailable(why, now);
            case Unknown unknown -> Trust.unavailable("ORCID has no record with this iD", now);
        };
    }

    private Read readOnce(OrcidId orcid) {
        String registration = OrcidRegistrations.AUTO_UPDATE;
        OrcidClient client = registrations.client(registration).on(CallClass.READ.context(registration));
        String access = accessToken(client);
        if (access == null) {
            return new Failed("pidlink could not get a /read-public token from ORCID");
        }
        return switch (client.records().readSummary(orcid, access, clock)) {
            case OrcidResult.Ok<RecordSummary>(RecordSummary summary) -> summary.deactivated()
                    ? new Gone(SuggestionReason.DEACTIVATED_RECORD) : new Markers(summary);
            case OrcidResult.Failed<RecordSummary>(OrcidError error) -> switch (error) {
                case OrcidError.RecordUnavailable unavailable -> switch (unavailable.state()) {
                    case DEPRECATED -> new Gone(SuggestionReason.DEPRECATED_RECORD);
                    case DEACTIVATED -> new Gone(SuggestionReason.DEACTIVATED_RECORD);
                    default -> new Failed("ORCID keeps the record from being read (" + unavailable.state() + ")");
                };
                case OrcidError.NotFound notFound -> new Unknown();
                default -> new Failed("ORCID did not answer the read: " + error.getClass().getSimpleName());
            };
        };
    }

    private @Nullable String accessToken(OrcidClient client) {
        Token held = token.get();
        Instant now = clock.instant();
        if (held != null && held.until().isAfter(now)) {
            return held.value();
        }
        if (client.oauth().clientCredentials(READ_PUBLIC) instanceof OrcidResult.Ok<TokenResponse>(TokenResponse t)) {
            Instant until = now.plus(t.expiresIn() == null ? java.time.Duration.ofHours(1) : t.expiresIn())
                    .minusSeconds(60);
            token.set(new Token(t.accessToken(), until));
            return t.accessToken();
        }
        return null;
    }

    private record Token(String value, Instant until) {
        @Override
        public String toString() {
            return "Token[redacted, until=" + until + "]";
        }
    }
}
