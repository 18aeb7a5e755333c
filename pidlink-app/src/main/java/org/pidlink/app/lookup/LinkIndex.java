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

    /** Changed since it was read: read again when asked. An identity, so that a read replaces only this mark. */
    private static final class Stale implements Entry {
    }

    /** The order {@code Claims.linksOfDoi} reads them in. */
    static final Comparator<ClaimLink> ORDER = Comparator.comparing(ClaimLink::orcid)
            .thenComparing(ClaimLink::registrationId);

    private static final Logger log = LoggerFactory.getLogger(LinkIndex.class);
    /**
     * How often the DOIs told changed are read again (a push changes each claim three times within a second or so:
     * read once), and how many in one query at most (more waiting are read at once, without the pause).
     */
    private static final Duration REFRESH_EVERY = Duration.ofSeconds(1);
    private static final int REFRESH_AT_MOST = 5_000;

    private final Links links;
    private final Function<Collection<String>, Map<String, List<ClaimLink>>> linksOfDois;
    private final LongSupplier localChanges;
    private final long maxLinks;
    private final Map<String, Entry> byDoi = new ConcurrentHashMap<>();
    /** DOIs told changed and not read again yet. */
    private final Set<String> toRefresh = ConcurrentHashMap.newKeySet();
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
        // Kept only if no change was told since the mark: a change committed after this read began marks it anew.
        if (read.isEmpty()) {
            byDoi.remove(doi, entry);
        } else {
            byDoi.replace(doi, entry, new Known(shared.of(read)));
        }
        return read;
    }

    /**
     * Reads the DOIs told changed again, up to 5,000 in one query, every {@link #REFRESH_EVERY}: the lookup asks for
     * DOIs at random, and a push changes every claim (three times), so waiting for a DOI to be asked for would leave
     * most answers to the database after each push.
     */
    private void refreshing() {
        while (!closed) {
            try {
                if (toRefresh.size() < REFRESH_AT_MOST) {
                    Thread.sleep(REFRESH_EVERY);
                }
                refresh();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away: the DOIs stay marked and are read when asked for, or at the next reading.
                log.debug("Could not read changed DOIs' links again: {}", e.toString());
            }
        }
    }

    private void refresh() {
        Map<String, Entry> marks = new HashMap<>();
        for (Iterator<String> dois = toRefresh.iterator(); dois.hasNext() && marks.size() < REFRESH_AT_MOST; ) {
            String doi = dois.next();
            dois.remove();
            if (byDoi.get(doi) instanceof Stale mark) {
                marks.put(doi, mark);
            }
        }
        if (marks.isEmpty() || tooMany) {
            return;
        }
        Map<String, List<ClaimLink>> read = linksOfDois.apply(marks.keySet());
        Shared now = shared;
        // As for a DOI read when asked for: kept only where no change was told since the mark.
        marks.forEach((doi, mark) -> {
            List<ClaimLink> l = read.get(doi);
            if (l == null) {
                byDoi.remove(doi, mark);
            } else {
                byDoi.replace(doi, mark, new Known(now.of(l)));
            }
        });
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
        for (String doi : dois) {
            byDoi.put(doi, new Stale());
            toRefresh.add(doi);
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

        List<ClaimLink> of(List<ClaimLink> links) {
            String doi = links.getFirst().doi();
            return links.stream().map(l -> of(l, doi)).toList();
        }
    }

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }
}
