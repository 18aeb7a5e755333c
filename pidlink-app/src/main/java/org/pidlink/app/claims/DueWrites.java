package org.pidlink.app.claims;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.pidlink.core.identifiers.OrcidId;

/**
 * When a researcher's queued writes are due: what the push engine schedules her by.
 *
 * @param firstDue the earliest due write; null when none is due or every one is held
 * @param urgent   a deletion or a first addition is queued (served before researchers with only updates)
 */
public record DueWrites(OrcidId orcid, @Nullable Instant firstDue, boolean urgent) {
}
