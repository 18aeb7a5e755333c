package org.pidlink.emulator.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.works.Work;

/**
 * ORCID's {@code ActivitiesGroupGenerator} (orcid-api.md §3.6, §11.7): items that share a groupable external id
 * (not {@code part-of} or {@code funded-by}, not empty; compared by type and normalized value, else the raw value)
 * are in one group, transitively.
 */
final class IdGroups {

    private IdGroups() {
    }

    /** The groups, ordered by their first member; members in the order given. */
    static <T> List<List<T>> transitive(List<T> items, Function<T, List<Work.ExternalId>> ids,
                                        ExternalIdNormalizer normalizer) {
        int n = items.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstByKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (Work.ExternalId id : ids.apply(items.get(i))) {
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
        Map<Integer, List<T>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(items.get(i));
        }
        return new ArrayList<>(byRoot.values());
    }

    /** The union of the members' groupable ids, first spelling kept. */
    static <T> List<Work.ExternalId> union(List<T> members, Function<T, List<Work.ExternalId>> ids,
                                           ExternalIdNormalizer normalizer) {
        Map<String, Work.ExternalId> out = new LinkedHashMap<>();
        for (T m : members) {
            for (Work.ExternalId id : ids.apply(m)) {
                String key = key(id, normalizer);
                if (key != null) {
                    out.putIfAbsent(key, id);
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** The grouping key of an id, or null when it does not group. */
    static String key(Work.ExternalId id, ExternalIdNormalizer normalizer) {
        if (id.value() == null || id.value().isBlank() || id.type() == null
                || "part-of".equals(id.relationship()) || "funded-by".equals(id.relationship())) {
            return null;
        }
        return id.type() + "\u0000" + normalizer.matchKey(id.type(), id.value());
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
