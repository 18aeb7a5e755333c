package org.pidlink.app.intake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.pidlink.app.background.AfterCommit;
import org.pidlink.app.claims.RecordFacts;
import org.pidlink.app.intake.IntakeStore.Applied;
import org.pidlink.app.intake.IntakeStore.Received;
import org.pidlink.core.identifiers.Doi;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.metadata.ReadError;
import org.pidlink.core.metadata.ReadResult;

/**
 * The one way DOI metadata enters pidlink (REST, harvest, Kafka): reads the records, decides per DOI what ORCID
 * should show (skip rules, the researchers named, their works), and records that with the claim work it implies
 * in one transaction. Nothing here calls ORCID or any other service: the {@link IntakeWorker} turns the queued
 * work into claims, and the push engine writes them.
 *
 * <p>Idempotent: the same metadata for a DOI a second time queues nothing.
 */
public final class Intake {

    private final MetadataReader reader;
    private final RecordEvaluator evaluator;
    private final IntakeStore store;
    private final Runnable workQueued;
    private final IntakeMetrics metrics;
    private final RecordsStored recordsStored;

    Intake(MetadataReader reader, RecordEvaluator evaluator, IntakeStore store, Runnable workQueued) {
        this(reader, evaluator, store, workQueued, IntakeMetrics.none(), (usable, gone) -> { });
    }

    Intake(MetadataReader reader, RecordEvaluator evaluator, IntakeStore store, Runnable workQueued,
           IntakeMetrics metrics, RecordsStored recordsStored) {
        this.recordsStored = Objects.requireNonNull(recordsStored, "recordsStored");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.store = Objects.requireNonNull(store, "store");
        this.workQueued = Objects.requireNonNull(workQueued, "workQueued");
    }

    /**
     * Takes in one submission: a document (DataCite XML or JSON, Crossref XML or JSON, one record or a list) or
     * JSON Lines of them.
     *
     * @param body        the bytes as received
     * @param contentType the Content-Type they came with, or null (the content decides the format)
     * @param source      who sent it (an API key's source, a harvest, a topic), recorded per DOI
     */
    public IntakeReport submit(byte[] body, String contentType, String source) {
        Objects.requireNonNull(body, "body");
        Set<String> formats = new LinkedHashSet<>();
        List<Received> items = new ArrayList<>();
        read(body, contentType, items, formats);
        return apply(items, source, formats);
    }

    /** One document of a batch of {@link #submitAll}: metadata in any format intake reads, or a DOI's deletion. */
    public sealed interface Document {

        /** Metadata, with the Content-Type it came with (or null: the content decides). */
        record Metadata(byte[] body, String contentType) implements Document {
            public Metadata {
                Objects.requireNonNull(body, "body");
            }
        }

        /** The DOI was deleted at its registration agency. */
        record Deletion(Doi doi) implements Document {
            public Deletion {
                Objects.requireNonNull(doi, "doi");
            }
        }
    }

    /**
     * Several documents of one source (a batch of a Kafka topic's events) taken in as one submission: one
     * transaction and a few statements for all of them, each document as {@link #submit} or {@link #deleted} would
     * take it, in order.
     *
     * @return one report per document, in order
     */
    public List<IntakeReport> submitAll(List<Document> documents, String source) {
        Set<String> formats = new LinkedHashSet<>();
        List<Received> items = new ArrayList<>();
        List<Integer> ends = new ArrayList<>(documents.size());
        List<Set<String>> formatsOf = new ArrayList<>(documents.size());
        for (Document document : documents) {
            Set<String> these = new LinkedHashSet<>();
            switch (document) {
                case Document.Metadata metadata -> read(metadata.body(), metadata.contentType(), items, these);
                case Document.Deletion deletion ->
                        items.add(new IntakeStore.Deleted(deletion.doi(), "the DOI was deleted"));
            }
            formats.addAll(these);
            formatsOf.add(these);
            ends.add(items.size());
        }
        List<DoiOutcome> outcomes = apply(items, source, formats).dois();
        List<IntakeReport> reports = new ArrayList<>(documents.size());
        int start = 0;
        for (int i = 0; i < documents.size(); i++) {
            reports.add(IntakeReport.of(List.copyOf(formatsOf.get(i)), outcomes.subList(start, ends.get(i))));
            start = ends.get(i);
        }
        return reports;
    }

    /** Reads a body's documents into intake items, noting the formats found. */
    private void read(byte[] body, String contentType, List<Received> items, Set<String> formats) {
        for (Submissions.Part part : Submissions.split(body, contentType)) {
            ReadResult result = reader.read(part.bytes(), contentType);
            if (result.format() != null) {
                formats.add(result.format().label());
            }
            for (DoiRecord record : result.records()) {
                items.add(new IntakeStore.Read(evaluator.evaluate(record)));
            }
            for (ReadError error : result.errors()) {
                items.add(new IntakeStore.Unreadable(null, error.message(), part.locate(error.location())));
            }
        }
    }

    /** Records read elsewhere (a harvest page already parsed). */
    public IntakeReport submitRecords(List<DoiRecord> records, String source) {
        Set<String> formats = new LinkedHashSet<>();
        List<Received> items = new ArrayList<>();
        for (DoiRecord record : records) {
            formats.add(record.format().label());
            items.add(new IntakeStore.Read(evaluator.evaluate(record)));
        }
        return apply(items, source, formats);
    }

    /** The DOI was deleted at its registration agency: every work pidlink wrote for it leaves ORCID. */
    public IntakeReport deleted(Doi doi, String source) {
        return apply(List.of(new IntakeStore.Deleted(doi, "the DOI was deleted")), source, Set.of());
    }

    /** What pidlink last received for a DOI: the researchers it names, or why it is not written. */
    public Optional<DoiStatus> status(Doi doi) {
        return store.find(doi);
    }

    private IntakeReport apply(List<Received> items, String source, Set<String> formats) {
        Applied applied = store.apply(items, source);
        tellRecordsStored(items);
        if (applied.tasks() > 0) {
            // Once the tasks are visible: after the caller's transaction commits, when there is one.
            AfterCommit.run(workQueued);
        }
        IntakeReport report = IntakeReport.of(List.copyOf(formats), applied.outcomes());
        metrics.record(source, report);
        return report;
    }

    private void tellRecordsStored(List<Received> items) {
        List<RecordsStored.Usable> usable = new ArrayList<>();
        List<Doi> gone = new ArrayList<>();
        for (Received item : items) {
            switch (item) {
                case IntakeStore.Read read when read.evaluation().rejection() != null -> {
                }
                case IntakeStore.Read read when read.evaluation().skipReason() != null ->
                        gone.add(read.evaluation().record().doi());
                // A registered DOI, or a version or part, is a claim only researchers' filters may send: it is not
                // offered in search & link nor to registrants' features, as before the filters.
                case IntakeStore.Read read when RecordFacts.REGISTERED.equals(read.evaluation().facts().doiState())
                        || read.evaluation().facts().versionOf() != null -> gone.add(read.evaluation().record().doi());
                case IntakeStore.Read read -> usable.add(new RecordsStored.Usable(read.evaluation().record(),
                        evaluator.sharedWork(read.evaluation())));
                case IntakeStore.Deleted deleted -> gone.add(deleted.doi());
                case IntakeStore.Unreadable unreadable -> {
                }
            }
        }
        if (!usable.isEmpty() || !gone.isEmpty()) {
            recordsStored.storedWithWorks(usable, gone);
        }
    }
}
