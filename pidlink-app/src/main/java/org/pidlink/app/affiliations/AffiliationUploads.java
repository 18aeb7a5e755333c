package org.pidlink.app.affiliations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an institution's affiliation file (the admin page or the API): reads and validates it whole, then stores it
 * in one transaction. A row with a known local key is updated (a change to a written affiliation becomes a PUT,
 * an unchanged row writes nothing); with {@code removeMissing}, rows of the same source absent from the file are
 * taken away (a DELETE where ORCID holds them). A file with any error stores nothing.
 */
final class AffiliationUploads {

    private static final Logger log = LoggerFactory.getLogger(AffiliationUploads.class);

    private final AffiliationFileReader reader;
    private final RowValidator validator = new RowValidator();
    private final AffiliationStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Runnable wakeWriter;

    AffiliationUploads(AffiliationFileReader reader, AffiliationStore store, TransactionTemplate tx, Clock clock,
                       Runnable wakeWriter) {
        this.reader = reader;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.wakeWriter = wakeWriter;
    }

    /**
     * @param source who sent it (an API key's source, or {@code admin}); removal only touches this source's rows
     * @throws FileRefused with every error, when anything in the file is wrong
     */
    UploadReport upload(byte[] content, String contentType, String source, boolean removeMissing) {
        List<AffiliationRow> rows = validator.validate(reader.read(content,
                AffiliationFileReader.isJson(contentType, content)));
        UploadReport report = Objects.requireNonNull(tx.execute(status -> store(rows, source, removeMissing)));
        log.info("Affiliation upload from {}: {}", source, report.summary());
        if (report.changed() > 0 || report.removed() > 0) {
            wakeWriter.run();
        }
        return report;
    }

    private UploadReport store(List<AffiliationRow> rows, String source, boolean removeMissing) {
        Instant now = clock.instant();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (AffiliationRow row : rows) {
            long personId = store.person(row.person(), now);
            Optional<StoredAffiliation> existing = store.byLocalKey(row.localKey());
            if (existing.isEmpty()) {
                store.insert(row, personId, source, now);
                added++;
            } else if (existing.get().contentHash().equals(row.contentHash()) && existing.get().wanted()
                    && existing.get().personId() == personId) {
                unchanged++;
            } else {
                store.update(existing.get().id(), row, personId, source, actionAfterChange(existing.get()), now);
                changed++;
            }
        }
        int removed = 0;
        if (removeMissing) {
            for (StoredAffiliation gone : store.wantedOfSourceExcept(source,
                    rows.stream().map(AffiliationRow::localKey).toList())) {
                boolean onOrcid = gone.putCode() != null && !"REMOVED_BY_RESEARCHER".equals(gone.state());
                store.unwanted(gone.id(), onOrcid, now);
                removed++;
            }
        }
        return new UploadReport(rows.size(), added, changed, unchanged, removed);
    }

    /** The call a changed row needs: never one for an item the researcher deleted, nothing before her approval. */
    static String actionAfterChange(StoredAffiliation row) {
        if ("REMOVED_BY_RESEARCHER".equals(row.state()) || !"APPROVED".equals(row.decision())) {
            return null;
        }
        return row.putCode() != null ? "UPDATE" : "CREATE";
    }
}
