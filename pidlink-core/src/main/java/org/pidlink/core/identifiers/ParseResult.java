package org.pidlink.core.identifiers;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing one identifier without throwing: metadata readers meet thousands of values and many
 * are junk, so rejection is an ordinary result, not an exceptional one. Use {@link #orElseThrow()} where a bad
 * value really is an error.
 */
public sealed interface ParseResult<T> permits ParseResult.Valid, ParseResult.Invalid {

    /** The input was an identifier; {@code value} is its canonical form. */
    record Valid<T>(T value) implements ParseResult<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The input was not an identifier of this kind.
     *
     * @param kind   for example "ORCID iD" or "DOI"
     * @param input  the value exactly as given ({@code "null"} for a null input)
     * @param reason why, in words a person understands, for example "bad checksum"
     */
    record Invalid<T>(String kind, String input, String reason) implements ParseResult<T> {
        public Invalid {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }

        public InvalidIdentifierException toException() {
            return new InvalidIdentifierException(kind, input, reason);
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    default Optional<T> toOptional() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /** The reason for rejection, or empty when valid. */
    default Optional<String> rejection() {
        return this instanceof Invalid<T> invalid ? Optional.of(invalid.reason()) : Optional.empty();
    }

    /** The canonical value, or an {@link InvalidIdentifierException} carrying the reason. */
    default T orElseThrow() {
        return switch (this) {
            case Valid<T> valid -> valid.value();
            case Invalid<T> invalid -> throw invalid.toException();
        };
    }
}
