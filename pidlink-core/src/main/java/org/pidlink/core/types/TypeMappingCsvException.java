package org.pidlink.core.types;

import java.util.List;
import java.util.stream.Collectors;

import org.pidlink.core.PidlinkException;

/** A type-mapping CSV that was refused; {@link #errors()} names every bad line, so one upload fixes them all. */
public final class TypeMappingCsvException extends PidlinkException {

    private final List<LineError> errors;

    public TypeMappingCsvException(List<LineError> errors) {
        super("The type mapping CSV has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n"
                + errors.stream().map(LineError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }

    /**
     * @param line    1-based line number in the uploaded file (0 when the problem is the file as a whole)
     * @param content the line as uploaded, or null
     * @param message what is wrong with it
     */
    public record LineError(int line, String content, String message) {

        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + message;
        }
    }
}
