package org.pidlink.emulator.state;

import java.time.Instant;
import org.pidlink.emulator.works.Work;

/** A work on a record: the submitted content plus what ORCID adds (put-code, source client, dates, visibility). */
public record StoredWork(long putCode, String sourceClientId, Instant createdDate, Instant lastModifiedDate,
                         Visibility visibility, Work work) {

    public StoredWork updated(Work newContent, Instant at) {
        return new StoredWork(putCode, sourceClientId, createdDate, at, visibility, newContent.withPutCode(putCode));
    }
}
