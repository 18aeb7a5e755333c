package org.pidlink.emulator.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.state.StoredAffiliation;
import org.pidlink.emulator.works.Work;

/**
 * ORCID's grouping of one kind's affiliations (orcid-api.md §11.7): items are sorted newest first by ORCID's sort
 * string (undated by creation, then ongoing by start, then ended by end and start), then grouped transitively on
 * their groupable external ids (as works, §3.6); a group keeps the position of its first member and lists the union
 * of its members' groupable ids.
 */
final class AffiliationGroups {

    record Group(Instant lastModified, List<Work.ExternalId> externalIds, List<StoredAffiliation> members) {
    }

    private static final Function<StoredAffiliation, List<Work.ExternalId>> IDS = s -> s.affiliation().externalIds();

    private AffiliationGroups() {
    }

    /**
     * @param visible which members to keep; {@code filterFirst}: drop hidden items before grouping ({@code GET
     *                /{kinds}}), else group first and then drop hidden members and empty groups, keeping the group's
     *                ids ({@code /activities}, {@code /record})
     */
    static List<Group> group(List<StoredAffiliation> items, Predicate<StoredAffiliation> visible, boolean filterFirst,
                             ExternalIdNormalizer normalizer) {
        List<StoredAffiliation> sorted = new ArrayList<>(filterFirst ? items.stream().filter(visible).toList() : items);
        sorted.sort(Comparator.comparing(AffiliationGroups::sortString).thenComparingLong(StoredAffiliation::putCode)
                .reversed());
        List<Group> groups = new ArrayList<>();
        for (List<StoredAffiliation> all : IdGroups.transitive(sorted, IDS, normalizer)) {
            List<StoredAffiliation> members = filterFirst ? all : all.stream().filter(visible).toList();
            if (members.isEmpty()) {
                continue;
            }
            // Display index descending; every API item has the same, so the sorted order stands.
            members = new ArrayList<>(members);
            members.sort(Comparator.comparing(StoredAffiliation::displayIndex).reversed());
            Instant last = Instant.EPOCH;
            for (StoredAffiliation s : members) {
                if (s.lastModifiedDate().isAfter(last)) {
                    last = s.lastModifiedDate();
                }
            }
            groups.add(new Group(last, IdGroups.union(all, IDS, normalizer), List.copyOf(members)));
        }
        return groups;
    }

    /** The last-modified date of a list of groups: the latest group's, or null when there is none. */
    static Instant lastModified(List<Group> groups) {
        Instant last = null;
        for (Group g : groups) {
            if (last == null || g.lastModified().isAfter(last)) {
                last = g.lastModified();
            }
        }
        return last;
    }

    /** {@code PojoUtil.createDateSortStringForAffiliations}: {@code Z-}created, {@code Y-}start, {@code X-}end start. */
    static String sortString(StoredAffiliation s) {
        Affiliation a = s.affiliation();
        if (a.startDate() == null && a.endDate() == null) {
            ZonedDateTime c = s.createdDate().atZone(ZoneOffset.UTC);
            return "Z-" + c.getYear() + "-" + c.getMonthValue() + "-" + c.getDayOfMonth(); // not zero-padded, as ORCID
        }
        if (a.endDate() == null) {
            return "Y-" + date(a.startDate());
        }
        return "X-" + date(a.endDate()) + date(a.startDate());
    }

    private static String date(Affiliation.FuzzyDate d) {
        if (d == null) {
            return "";
        }
        return d.year() + (d.month() == null ? "" : "-" + d.month()) + (d.day() == null ? "" : "-" + d.day());
    }
}
