package org.pidlink.orcid.client;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one ORCID call: a value, or an {@link OrcidError}. Failures that ORCID reports are ordinary
 * outcomes here, not exceptions; {@link #orElseThrow()} turns them into an {@link OrcidCallException} for callers
 * that cannot handle them locally.
 */
public sealed interface OrcidResult<T> {

    record Ok<T>(T value) implements OrcidResult<T> {
    }

    record Failed<T>(OrcidError error) implements OrcidResult<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static <T> OrcidResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> OrcidResult<T> failed(OrcidError error) {
        return new Failed<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value, or throws {@link OrcidCallException} carrying the error. */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Failed<T> failed -> throw new OrcidCallException(failed.error());
        };
    }

    default <R> OrcidResult<R> map(Function<? super T, ? extends R> mapper) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
            case Failed<T> failed -> new Failed<>(failed.error());
        };
    }
}
