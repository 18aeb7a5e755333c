package org.pidlink.core.metadata;

import java.util.List;

/**
 * What {@link MetadataReader#read(byte[])} found in one document.
 *
 * @param format  the detected format, or null when the content is not DOI metadata pidlink can read
 * @param records the records read, in document order
 * @param errors  what could not be read; empty when everything was read
 */
public record ReadResult(MetadataFormat format, List<DoiRecord> records, List<ReadError> errors) {

    public ReadResult {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
    }

    /** True when nothing went wrong. */
    public boolean isClean() {
        return errors.isEmpty();
    }
}
