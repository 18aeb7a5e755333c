package org.pidlink.emulator.state;

import java.time.Instant;
import java.util.List;
import org.pidlink.emulator.works.Work;

/** A work on a record: the submitted content plus what ORCID adds (put-code, source client, dates, visibility). */
public record StoredWork(long putCode, String sourceClientId, Instant createdDate, Instant lastModifiedDate,
                         Visibility visibility, Work work, List<String> matchKeys) {

    /**
     * @param matchKeys parallel to {@code work.externalIds()}: what ORCID compares for each id (normalized value,
     *                  or the raw value when normalization yields nothing); precomputed so duplicate checks are
     *                  string comparisons
     */
    public StoredWork {
        matchKeys = List.copyOf(matchKeys);
        if (matchKeys.size() != work.externalIds().size()) {
            throw new IllegalArgumentException("one match key per external id");
        }
    }

    public StoredWork updated(Work newContent, List<String> newKeys, Instant at) {
        return new StoredWork(putCode, sourceClientId, createdDate, at, visibility, newContent.withPutCode(putCode),
                newKeys);
    }
}
