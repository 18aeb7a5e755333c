package org.pidlink.app.claims;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.orcid.CallClass;
import org.pidlink.core.identifiers.OrcidId;

/**
 * When a researcher's queued writes are due: what the push engine schedules her by.
 *
 * @param firstDue the earliest due write; null when none is due or every one is held
 * @param priority the most urgent class among her due writes (she is served by it)
 */
public record DueWrites(OrcidId orcid, @Nullable Instant firstDue, CallClass priority) {
}
