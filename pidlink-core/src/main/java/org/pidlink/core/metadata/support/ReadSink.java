package org.pidlink.core.metadata.support;

import java.util.ArrayList;
import java.util.List;

import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataReadException;
import org.pidlink.core.metadata.ReadError;

/** Collects the records and errors of one document while a format reader walks it. */
public final class ReadSink {

    private final List<DoiRecord> records = new ArrayList<>();
    private final List<ReadError> errors = new ArrayList<>();

    public void add(DoiRecord record) {
        records.add(record);
    }

    public void error(String location, String message) {
        errors.add(new ReadError(location, message));
    }

    public void error(MetadataReadException e) {
        errors.add(e.toReadError());
    }

    /**
     * Reads one record of a multi-record document so that whatever goes wrong with it is reported at its location
     * and the other records still get read.
     */
    public void guarded(String location, java.util.function.Supplier<DoiRecord> reader) {
        try {
            DoiRecord r = reader.get();
            if (r != null) {
                records.add(r);
            }
        } catch (MetadataReadException e) {
            // a JSON path inside the record is more precise; an XML record keeps its number
            errors.add(new ReadError(e.location().startsWith(location) ? e.location() : location, e.reason()));
        } catch (RuntimeException e) {
            // A reader bug must not cost the other records; the message says what failed.
            errors.add(new ReadError(location, "could not read this record: " + e));
        }
    }

    public List<DoiRecord> records() {
        return records;
    }

    public List<ReadError> errors() {
        return errors;
    }
}
