package org.pidlink.core.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pidlink.core.metadata.DoiDate;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.PartialDate;

/**
 * Picks a work's publication date: the earliest date of issue the metadata gives (DataCite's {@code Issued}
 * dates and publicationYear; Crossref's published-print, published-online and issued), as precise as the
 * sources allow.
 */
final class PublicationDates {

    private static final Set<String> ISSUED_TYPES = Set.of("issued", "published-print", "published-online",
            "published");

    private PublicationDates() {
    }

    static PublicationDate choose(DoiRecord record) {
        List<PartialDate> candidates = new ArrayList<>();
        for (DoiDate date : record.dates()) {
            if (date.date() != null && date.type() != null
                    && ISSUED_TYPES.contains(date.type().strip().toLowerCase(Locale.ROOT))) {
                candidates.add(usable(date.date()));
            }
        }
        if (record.publicationYear() != null) {
            candidates.add(usable(new PartialDate(record.publicationYear(), null, null)));
        }
        candidates.removeIf(d -> d == null);
        if (candidates.isEmpty()) {
            return null;
        }
        PartialDate earliest = candidates.stream().min(PartialDate::compareTo).orElseThrow();
        // "2020" from publicationYear and "2020-05-03" from Issued describe the same day: keep the precise one.
        PartialDate chosen = earliest;
        for (PartialDate d : candidates) {
            if (refines(d, chosen) && (precision(d) > precision(chosen)
                    || precision(d) == precision(chosen) && d.compareTo(chosen) < 0)) {
                chosen = d;
            }
        }
        return new PublicationDate(chosen.year(), chosen.month(), chosen.day());
    }

    /** The date cut down to what ORCID accepts (an impossible day is dropped), or null outside 1900–2100. */
    private static PartialDate usable(PartialDate d) {
        if (PublicationDate.isValid(d.year(), d.month(), d.day())) {
            return d;
        }
        if (d.month() != null && PublicationDate.isValid(d.year(), d.month(), null)) {
            return new PartialDate(d.year(), d.month(), null);
        }
        return null;
    }

    private static boolean refines(PartialDate finer, PartialDate coarser) {
        return finer.year() == coarser.year()
                && (coarser.month() == null || coarser.month().equals(finer.month()));
    }

    private static int precision(PartialDate d) {
        return d.day() != null ? 3 : d.month() != null ? 2 : 1;
    }
}
