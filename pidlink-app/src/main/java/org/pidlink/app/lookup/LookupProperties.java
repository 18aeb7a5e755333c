package org.pidlink.app.lookup;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The public lookup's cache of answers ({@code pidlink.lookup.cache.*}).
 *
 * @param ttl  how long an answer is kept (default 5 s): the longest an instance answers from it after another
 *             instance on the same database changed a link or a researcher; a change on this instance shows in its
 *             next answer. 0 turns the cache off.
 * @param size how much answer JSON is kept at most (default 64 MB)
 */
@ConfigurationProperties("pidlink.lookup.cache")
record LookupProperties(@Nullable Duration ttl, @Nullable DataSize size) {

    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    static final DataSize DEFAULT_SIZE = DataSize.ofMegabytes(64);

    Duration cacheTtl() {
        return ttl == null ? DEFAULT_TTL : ttl;
    }

    long cacheBytes() {
        return (size == null ? DEFAULT_SIZE : size).toBytes();
    }
}
