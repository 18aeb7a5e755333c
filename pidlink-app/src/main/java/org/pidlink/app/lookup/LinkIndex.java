package org.pidlink.app.lookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.pidlink.app.claims.ClaimLink;
import org.pidlink.app.claims.LinkChanges;
import org.pidlink.app.claims.Links;
import org.pidlink.app.claims.Provenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every DOI's links, kept in memory so that the public lookup answers a DOI without a query: at DataCite's scale
 * (205,000 DOIs asked for at random by 64 clients) almost no answer is in the answer cache, and a query each was
 * where the time went. Kept exact by {@link LinkChanges}: read whole when changes start being told, then a DOI
 * whose claims changed on any instance is marked stale and read from the database the next time it is asked for
 * (and kept again). A change this instance made is seen at once: until {@link LinkChanges} tells that it caught up
 * with {@link #localChanges}, every answer is read from the database, as without the index.
 *
 * <p>About 100 bytes a link (the iDs, registrations and provenance sets are shared; ~100 MB for DataCite's million links). Above {@code maxLinks} links
 * nothing is kept and every answer is read from the database.
 */
final class LinkIndex implements LinkChanges.Listener, AutoCloseable {

    /** How a DOI's links are kept: as the database read them, by iD then registration. */
    private sealed interface Entry permits Known, Stale {
    }

    private record Known(List<ClaimLink> links) implements Entry {
    }

    /**
     * Changed since it was read: read again when asked for. An identity, so that a read replaces only this mark.
     * Holds the links as they were, so that a read that finds most of them unchanged keeps the same objects.
     */
    private static final class Stale implements Entry {
        private final @Nullable Known before;

        Stale(@Nullable Entry replaced) {
            this.before = replaced instanceof Known known ? known : replaced instanceof Stale stale ? stale.before : null;
        }
    }

    /** The order {@code Claims.linksOfDoi} reads them in. */
    static final Comparator<ClaimLink> ORDER = Comparator.comparing(ClaimLink::orcid)
            .thenComparing(ClaimLink::registrationId);

    private static final Logger log = LoggerFactory.getLogger(LinkIndex.class);
    /**
     * How often DOIs told changed are read again, once unchanged for {@link #QUIET} (a push changes each claim three
     * times within a second or so: read once), and how many in one query at most: at most 2,000 DOIs a second, so
     * that a change to tens of thousands of DOIs at once (a hyper-author's record filling up: 41,000 claims in one
     * statement, DOIs of 25 links each) is read again over half a minute instead of in one burst of a million rows,
     * whose short-lived objects the collector copied into the old generation during the push. Meanwhile those DOIs
     * are read from the database when asked for.
     */
    private static final Duration REFRESH_EVERY = Duration.ofMillis(500);
    private static final long QUIET = Duration.ofSeconds(2).toNanos();
    private static final int REFRESH_AT_MOST = 1_000;

    private final Links links;
    private final Function<Collection<String>, Map<String, List<ClaimLink>>> linksOfDois;
    private final LongSupplier localChanges;
    private final long maxLinks;
    private final Map<String, Entry> byDoi = new ConcurrentHashMap<>();
    /** DOIs told changed and not read again yet, with when they were last told ({@link System#nanoTime()}). */
    private final Map<String, Long> toRefresh = new ConcurrentHashMap<>();
    private volatile Shared shared = new Shared();
    private final Thread refresher;
    private volatile boolean closed;
    /** The local changes count up to which every change has been applied; -1 while it is not known. */
    private volatile long caughtUp = -1;
    private volatile boolean tooMany;

    /**
     * @param localChanges {@code Claims.changes()} of this instance
     * @param maxLinks     more links than this are not kept
     */
    LinkIndex(Links links, Function<Collection<String>, Map<String, List<ClaimLink>>> linksOfDois,
              LongSupplier localChanges, long maxLinks) {
        this.links = links;
        this.linksOfDois = linksOfDois;
        this.refresher = Thread.ofPlatform().daemon().name("lookup-link-refresh").start(this::refreshing);
        this.localChanges = localChanges;
        this.maxLinks = maxLinks;
    }

    /**
     * The links to {@code doi} as {@code Claims.linksOfDoi(doi, false)} reads them (every status, by iD then
     * registration); {@code fromDatabase} reads them when the index cannot answer (not read yet, a change of this
     * instance not caught up with, the DOI changed since it was read).
     */
    List<ClaimLink> links(String doi, Supplier<List<ClaimLink>> fromDatabase) {
        long changes = localChanges.getAsLong();
        if (tooMany || caughtUp != changes) {
            return fromDatabase.get();
        }
        Entry entry = byDoi.get(doi);
        if (entry == null) {
            return List.of();
        }
        if (entry instanceof Known(List<ClaimLink> known)) {
            return known;
        }
        List<ClaimLink> read = fromDatabase.get();
        keep(doi, (Stale) entry, read, shared);
        return read;
    }

    /** Keeps what was read for a stale DOI, if no change was told since the mark (a newer change marks it anew). */
    private void keep(String doi, Stale mark, List<ClaimLink> read, Shared strings) {
        if (read.isEmpty()) {
            byDoi.remove(doi, mark);
            return;
        }
        List<ClaimLink> before = mark.before == null ? List.of() : mark.before.links();
        String key = before.isEmpty() ? doi : before.getFirst().doi();
        List<ClaimLink> kept = new ArrayList<>(read.size());
        boolean same = before.size() == read.size();
        Map<ClaimLink, ClaimLink> unchanged = new HashMap<>(before.size() * 2);
        before.forEach(link -> unchanged.put(link, link));
        for (ClaimLink link : read) {
            // The links a change left as they were stay the same objects: an update of one claim of a DOI with 50
            // links keeps one new link, not 50 (what stays in memory for long is what the collector copies).
            ClaimLink as = unchanged.get(link);
            same &= as != null;
            kept.add(as != null ? as : strings.of(link, key));
        }
        byDoi.replace(doi, mark, same ? mark.before : new Known(List.copyOf(kept)));
    }

    /**
     * Reads the DOIs told changed again, up to 1,000 in one query, every {@link #REFRESH_EVERY}: the lookup asks for
     * DOIs at random, and a push changes every claim (three times), so waiting for a DOI to be asked for would leave
     * most answers to the database after each push.
     */
    private void refreshing() {
        while (!closed) {
            try {
                refresh();
                Thread.sleep(REFRESH_EVERY);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away: the DOIs stay marked and are read when asked for, or at the next reading.
                log.debug("Could not read changed DOIs' links again: {}", e.toString());
            }
        }
    }

    /** Reads up to {@link #REFRESH_AT_MOST} DOIs quiet for {@link #QUIET} again. */
    private void refresh() {
        Map<String, Stale> marks = new HashMap<>();
        long quietSince = System.nanoTime() - QUIET;
        for (Iterator<Map.Entry<String, Long>> dois = toRefresh.entrySet().iterator();
             dois.hasNext() && marks.size() < REFRESH_AT_MOST; ) {
            Map.Entry<String, Long> told = dois.next();
            if (told.getValue() - quietSince > 0) {
                continue;
            }
            dois.remove();
            if (byDoi.get(told.getKey()) instanceof Stale mark) {
                marks.put(told.getKey(), mark);
            }
        }
        if (marks.isEmpty() || tooMany) {
            return;
        }
        Map<String, List<ClaimLink>> read = linksOfDois.apply(marks.keySet());
        Shared strings = shared;
        marks.forEach((doi, mark) -> keep(doi, mark, read.getOrDefault(doi, List.of()), strings));
    }

    /** Whether answers come from memory now (read, and caught up with this instance's changes). */
    boolean answering() {
        return !tooMany && caughtUp == localChanges.getAsLong();
    }

    /** The links of {@code doi} as kept now, if they are (not read from the database, even if stale). */
    Optional<List<ClaimLink>> kept(String doi) {
        return byDoi.get(doi) instanceof Known(List<ClaimLink> known) ? Optional.of(known) : Optional.empty();
    }

    /** How many DOIs are kept (stale ones included). */
    int dois() {
        return byDoi.size();
    }

    @Override
    public void listening() {
        caughtUp = -1;
        byDoi.clear();
        toRefresh.clear();
        Shared strings = new Shared();
        long started = System.nanoTime();
        Map<String, List<ClaimLink>> read = new HashMap<>();
        long[] count = {0};
        try {
            links.forEachClaimLink(link -> {
                if (++count[0] > maxLinks) {
                    throw new TooMany();
                }
                List<ClaimLink> ofDoi = read.computeIfAbsent(link.doi(), d -> new ArrayList<>(2));
                String doi = ofDoi.isEmpty() ? link.doi() : ofDoi.getFirst().doi();
                ofDoi.add(strings.of(link, doi));
            });
        } catch (TooMany e) {
            if (!tooMany) {
                log.warn("More than {} DOI–iD links: the public lookup reads every DOI's links from the database "
                        + "(pidlink.lookup.index.max-links)", maxLinks);
            }
            tooMany = true;
            return;
        }
        tooMany = false;
        shared = strings;
        read.forEach((doi, l) -> {
            l.sort(ORDER);
            byDoi.put(doi, new Known(List.copyOf(l)));
        });
        log.info("The public lookup keeps {} links of {} DOIs in memory (read in {} ms)", count[0], read.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void changed(List<String> dois) {
        if (tooMany) {
            return;
        }
        long now = System.nanoTime();
        for (String doi : dois) {
            byDoi.compute(doi, (d, replaced) -> new Stale(replaced));
            toRefresh.put(doi, now);
        }
    }

    @Override
    public void caughtUp(long changes) {
        caughtUp = changes;
    }

    @Override
    public void lost(Exception cause) {
        caughtUp = -1;
    }

    @Override
    public void close() {
        closed = true;
        refresher.interrupt();
    }

    /** One copy of what links repeat (iDs, registrations, provenance sets), so a link costs ~60 bytes. */
    private static final class Shared {
        private final Map<String, String> strings = new ConcurrentHashMap<>();
        private final Map<Set<Provenance>, Set<Provenance>> provenances = new ConcurrentHashMap<>();

        ClaimLink of(ClaimLink link, String doi) {
            return new ClaimLink(strings.computeIfAbsent(link.orcid(), o -> o), doi,
                    strings.computeIfAbsent(link.registrationId(), r -> r),
                    provenances.computeIfAbsent(link.provenance(), p -> p), link.status(), link.updatedAt());
        }
    }

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }
}
