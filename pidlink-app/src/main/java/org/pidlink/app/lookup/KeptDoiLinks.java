package org.pidlink.app.lookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.pidlink.app.claims.ClaimLink;
import org.pidlink.app.claims.Provenance;
import org.pidlink.core.identifiers.Doi;

/**
 * The links of the DOIs asked for, every status, kept as read (not as JSON) for the anonymous DOI answers: at
 * DataCite's scale there are 205,000 DOIs to 2,500 researchers, so most DOI answers are asked for rarely, and
 * their JSON (about 1.5 KB for five links) kept for each filled the answer cache with copies that were made
 * again before they were asked for twice. Kept as links, a DOI costs about a tenth of that: its links share
 * one string per iD and per ORCID client, one set per combination of provenances, the DOI's own string. An answer
 * is made from them per request (tens of microseconds, against a query). Fresh as the kept answers are
 * ({@link LookupAnswers}): used only while nothing changed on any instance since they were read.
 */
final class KeptDoiLinks {

    private record Kept(List<ClaimLink> links, long changes) {
    }

    /**
     * More distinct iDs and clients than this are not shared (still correct; only less compact): the shared strings
     * are never forgotten, so they are bounded outside the kept links' bytes (~100 bytes each, 10 MB at most).
     */
    static final int SHARED_STRINGS_AT_MOST = 100_000;

    /** About what a kept link takes (the record, its time, its slot in the list), and a kept DOI besides them. */
    static final int BYTES_A_LINK = 72;
    static final int BYTES_A_DOI = 160;

    private final Cache<String, Kept> kept;
    private final Map<String, String> strings = new ConcurrentHashMap<>();
    private final Map<Set<Provenance>, Set<Provenance>> provenances = new ConcurrentHashMap<>();

    KeptDoiLinks(Duration ttl, long bytes) {
        this.kept = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumWeight(bytes)
                .<String, Kept>weigher((doi, links) -> BYTES_A_DOI + 2 * doi.length()
                        + BYTES_A_LINK * links.links().size())
                .build();
    }

    /**
     * The links of {@code doi}, kept if they were read at {@code changes} (the count of changes, read before
     * calling), else read with {@code read} and kept.
     */
    List<ClaimLink> links(Doi doi, long changes, Function<Doi, List<ClaimLink>> read) {
        Kept hit = kept.getIfPresent(doi.value());
        if (hit != null && hit.changes() == changes) {
            return hit.links();
        }
        List<ClaimLink> links = compact(doi.value(), read.apply(doi));
        kept.put(doi.value(), new Kept(links, changes));
        return links;
    }

    private List<ClaimLink> compact(String doi, List<ClaimLink> read) {
        List<ClaimLink> links = new ArrayList<>(read.size());
        for (ClaimLink link : read) {
            links.add(new ClaimLink(shared(link.orcid()), doi, shared(link.registrationId()),
                    provenances.computeIfAbsent(link.provenance(), KeptDoiLinks::unmodifiable), link.status(),
                    link.updatedAt()));
        }
        return List.copyOf(links);
    }

    private String shared(String value) {
        if (strings.size() >= SHARED_STRINGS_AT_MOST) {
            String known = strings.get(value);
            return known == null ? value : known;
        }
        return strings.computeIfAbsent(value, Function.identity());
    }

    /** The same provenances in the same (the enum's) order, unmodifiable: shared by every link that has them. */
    private static Set<Provenance> unmodifiable(Set<Provenance> provenance) {
        return provenance.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(provenance));
    }
}
