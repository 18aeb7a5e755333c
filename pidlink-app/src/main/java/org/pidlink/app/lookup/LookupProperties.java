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
 */
@ConfigurationProperties("pidlink.lookup")
record LookupProperties(@Nullable Cache cache, @Nullable Integer queriesAtOnce) {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    static final DataSize DEFAULT_SIZE = DataSize.ofMegabytes(64);
    static final int DEFAULT_QUERIES_AT_ONCE = 8;

    /**
     * @param ttl  how long an answer is kept at most (default 60 s, as long as {@code Cache-Control} lets any cache
     *             keep it): the longest an instance answers from it after a link or a researcher was changed in the
     *             database by other means than pidlink. A change on this instance shows in its next answer, one on
     *             another instance on the same database within about half a second ({@link OtherInstances}).
     *             0 turns the cache off.
     * @param size how much is kept at most (default 64 MB), twice: researchers' answers as JSON, DOIs' links as read
     */
    record Cache(@Nullable Duration ttl, @Nullable DataSize size) {
    }

    LookupProperties {
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

    int queries() {
        return queriesAtOnce == null ? DEFAULT_QUERIES_AT_ONCE : queriesAtOnce;
    }

    /**
     * How many threads read DOIs' links, a quarter of the reads at once (at least one): each reads together what was
     * asked while the last query ran, so fewer readers read more DOIs a query, leaving turns for the researchers'
     * answers.
     */
    int doiReaders() {
        return Math.max(1, queries() / 4);
    }
}
