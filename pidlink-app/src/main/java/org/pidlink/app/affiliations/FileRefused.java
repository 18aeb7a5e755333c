package org.pidlink.app.affiliations;

import java.util.List;

/** An affiliation file refused whole: every error found, by line and column. Nothing was stored. */
final class FileRefused extends RuntimeException {

    private final transient List<RowError> errors;

    FileRefused(List<RowError> errors) {
        super(errors.size() + " error(s) in the affiliation file; nothing was stored. First: " + errors.getFirst());
        this.errors = List.copyOf(errors);
    }

    FileRefused(RowError error) {
        this(List.of(error));
    }

    List<RowError> errors() {
        return errors;
    }
}
