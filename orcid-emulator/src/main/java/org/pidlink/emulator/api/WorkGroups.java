package org.pidlink.emulator.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
        List<Group> groups = new ArrayList<>();
        for (List<StoredWork> found : IdGroups.transitive(works, w -> w.work().externalIds(), normalizer)) {
            List<StoredWork> members = new ArrayList<>(found);
            members.sort(Comparator.comparing(StoredWork::createdDate).thenComparingLong(StoredWork::putCode));
            Instant last = Instant.EPOCH;
            for (StoredWork w : members) {
                if (w.lastModifiedDate().isAfter(last)) {
                    last = w.lastModifiedDate();
                }
            }
            groups.add(new Group(last, IdGroups.union(members, w -> w.work().externalIds(), normalizer),
                    List.copyOf(members)));
        }
        groups.sort(GROUP_ORDER);
        return groups;
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
}
