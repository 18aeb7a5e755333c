package org.pidlink.emulator.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.works.Work;

/**
 * ORCID's grouping of works for {@code GET /works} (orcid-api.md §3.6): works that share a groupable external
 * id (not part-of, not funded-by, not empty; compared by type and normalized value) are in one group,
 * transitively. A group lists the union of its members' groupable ids. Members are ordered by display index
 * (all API works have 0) then creation; groups by their first work's publication date (newest first), then
 * title, then type.
 */
final class WorkGroups {

    record Group(Instant lastModified, List<Work.ExternalId> externalIds, List<StoredWork> works) {
    }

    private WorkGroups() {
    }

    static List<Group> group(List<StoredWork> works, ExternalIdNormalizer normalizer) {
        int n = works.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstByKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (Work.ExternalId id : works.get(i).work().externalIds()) {
                String key = key(id, normalizer);
                if (key == null) {
                    continue;
                }
                Integer other = firstByKey.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, other, i);
                }
            }
        }
        Map<Integer, List<StoredWork>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(works.get(i));
        }
        List<Group> groups = new ArrayList<>();
        for (List<StoredWork> members : byRoot.values()) {
            members.sort(Comparator.comparing(StoredWork::createdDate).thenComparingLong(StoredWork::putCode));
            Map<String, Work.ExternalId> ids = new LinkedHashMap<>();
            Instant last = Instant.EPOCH;
            for (StoredWork w : members) {
                if (w.lastModifiedDate().isAfter(last)) {
                    last = w.lastModifiedDate();
                }
                for (Work.ExternalId id : w.work().externalIds()) {
                    String key = key(id, normalizer);
                    if (key != null) {
                        ids.putIfAbsent(key, id);
                    }
                }
            }
            groups.add(new Group(last, List.copyOf(ids.values()), List.copyOf(members)));
        }
        groups.sort(GROUP_ORDER);
        return groups;
    }

    static String key(Work.ExternalId id, ExternalIdNormalizer normalizer) {
        if (id.value() == null || id.value().isBlank() || id.type() == null
                || "part-of".equals(id.relationship()) || "funded-by".equals(id.relationship())) {
            return null;
        }
        return id.type() + "\u0000" + normalizer.matchKey(id.type(), id.value());
    }

    private static final Comparator<Group> GROUP_ORDER = Comparator
            .comparing((Group g) -> dateKey(g.works().getFirst().work()), Comparator.reverseOrder())
            .thenComparing(g -> nullToEmpty(g.works().getFirst().work().title()), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(g -> nullToEmpty(g.works().getFirst().work().type()));

    /** "yyyy-MM-dd" with missing parts as 00, so later dates sort higher; no date sorts last. */
    private static String dateKey(Work w) {
        Work.PublicationDate d = w.publicationDate();
        if (d == null || d.year() == null) {
            return "";
        }
        return d.year() + "-" + (d.month() == null ? "00" : d.month()) + "-" + (d.day() == null ? "00" : d.day());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
