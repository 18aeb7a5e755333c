package org.pidlink.app.lookup;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The public lookup ({@code pidlink.lookup.*}).
 *
 * @param cache          its cache of answers ({@code pidlink.lookup.cache.*})
 * @param queriesAtOnce  how many answers are read from the database at once at most (default 8); more wait their
 *                       turn, first come first served
 * @param index          every DOI's links kept in memory ({@code pidlink.lookup.index.*})
 */
@ConfigurationProperties("pidlink.lookup")
record LookupProperties(@Nullable Cache cache, @Nullable Integer queriesAtOnce, @Nullable Index index) {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    static final DataSize DEFAULT_SIZE = DataSize.ofMegabytes(64);
    static final int DEFAULT_QUERIES_AT_ONCE = 8;

    /**
     * @param ttl  how long an answer is kept (default 5 s): the longest an instance answers from it after another
     *             instance on the same database changed a link or a researcher; a change on this instance shows in
     *             its next answer. 0 turns the cache off.
     * @param size how much answer JSON is kept at most (default 64 MB)
     */
    record Cache(@Nullable Duration ttl, @Nullable DataSize size) {
    }

    /**
     * @param maxLinks at most this many DOI–iD links are kept in memory (default 2,000,000, about 100 bytes each);
     *                 with more, or 0, each DOI's links are read from the database when asked for
     */
    record Index(@Nullable Long maxLinks) {
    }

    static final long DEFAULT_INDEX_MAX_LINKS = 2_000_000;

    LookupProperties {
        if (index != null && index.maxLinks() != null && index.maxLinks() < 0) {
            throw new IllegalArgumentException("pidlink.lookup.index.max-links must be 0 or more, not "
                    + index.maxLinks());
        }
        if (queriesAtOnce != null && queriesAtOnce < 1) {
            throw new IllegalArgumentException("pidlink.lookup.queries-at-once must be at least 1, not "
                    + queriesAtOnce);
        }
    }

    Duration cacheTtl() {
        return cache == null || cache.ttl() == null ? DEFAULT_TTL : cache.ttl();
    }

    long cacheBytes() {
        return (cache == null || cache.size() == null ? DEFAULT_SIZE : cache.size()).toBytes();
    }

    long indexMaxLinks() {
        return index == null || index.maxLinks() == null ? DEFAULT_INDEX_MAX_LINKS : index.maxLinks();
    }

    int queries() {
        return queriesAtOnce == null ? DEFAULT_QUERIES_AT_ONCE : queriesAtOnce;
    }
}
