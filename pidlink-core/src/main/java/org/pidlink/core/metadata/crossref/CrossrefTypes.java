package org.pidlink.core.metadata.crossref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pidlink.core.metadata.DoiDate;
import org.pidlink.core.metadata.PartialDate;
import org.pidlink.core.metadata.Title;
import org.pidlink.core.metadata.support.RecordDraft;
import org.pidlink.core.metadata.support.Texts;

/** What Crossref's XML and JSON share: type ids, role handling, the derived {@code issued} date. */
final class CrossrefTypes {

    static final String ISSUED = "issued";

    private CrossrefTypes() {
    }

    /** Crossref's subtype attribute values use underscores in XML, hyphens in REST; the REST spelling is kept. */
    static String subtype(String raw) {
        String s = Texts.trim(raw);
        return s == null ? null : s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** REST type id of a book by its {@code book_type}. */
    static String bookType(String bookType) {
        String t = subtype(bookType);
        if (t == null) {
            return "book";
        }
        return switch (t) {
            case "edited-book" -> "edited-book";
            case "monograph" -> "monograph";
            case "reference" -> "reference-book";
            default -> "book";
        };
    }

    /** REST type id of a book's content_item by its {@code component_type}. */
    static String contentItemType(String componentType) {
        String t = subtype(componentType);
        if (t == null) {
            return "book-chapter";
        }
        return switch (t) {
            case "chapter" -> "book-chapter";
            case "section" -> "book-section";
            case "part" -> "book-part";
            case "track" -> "book-track";
            case "reference-entry" -> "reference-entry";
            default -> "other";
        };
    }

    /**
     * Adds an {@code issued} date as the REST API defines it: the earliest publication date (print or online), else
     * the earliest of the other dates that stand for publication (posted, approved, reviewed), unless the source
     * already gave one.
     */
    static void addIssued(RecordDraft d, List<String> publicationTypes, List<String> fallbackTypes) {
        for (DoiDate date : d.dates) {
            if (ISSUED.equals(date.type())) {
                return;
            }
        }
        DoiDate earliest = earliest(d.dates, publicationTypes);
        if (earliest == null) {
            earliest = earliest(d.dates, fallbackTypes);
        }
        if (earliest != null) {
            d.dates.add(new DoiDate(ISSUED, earliest.date(), earliest.raw()));
        }
    }

    private static DoiDate earliest(List<DoiDate> dates, List<String> types) {
        DoiDate best = null;
        for (DoiDate date : new ArrayList<>(dates)) {
            PartialDate p = date.date();
            if (p != null && types.contains(date.type()) && (best == null || p.compareTo(best.date()) < 0)) {
                best = date;
            }
        }
        return best;
    }

    /** A work with only an original-language title (Japanese journals do this) has that as its main title. */
    static void promoteOriginalLanguageTitle(RecordDraft d) {
        if (!d.titles.isEmpty() && d.titles.stream().noneMatch(t -> t.type() == Title.TitleType.MAIN)) {
            Title first = d.titles.get(0);
            d.titles.set(0, new Title(first.text(), Title.TitleType.MAIN, first.language()));
        }
    }
}
