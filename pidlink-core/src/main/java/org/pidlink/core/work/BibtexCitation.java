package org.pidlink.core.work;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pidlink.core.metadata.Container;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.Person;

/** Builds the BibTeX entry pidlink sends as the work's citation (ORCID's preferred citation type). */
final class BibtexCitation {

    private static final Map<String, String> ENTRY_TYPES = Map.ofEntries(
            Map.entry("journal-article", "article"), Map.entry("book", "book"), Map.entry("edited-book", "book"),
            Map.entry("book-chapter", "incollection"), Map.entry("conference-paper", "inproceedings"),
            Map.entry("conference-abstract", "inproceedings"), Map.entry("conference-poster", "inproceedings"),
            Map.entry("conference-presentation", "inproceedings"),
            Map.entry("conference-proceedings", "proceedings"), Map.entry("dissertation-thesis", "phdthesis"),
            Map.entry("report", "techreport"), Map.entry("working-paper", "techreport"),
            Map.entry("manual", "manual"));
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private BibtexCitation() {
    }

    static String of(DoiRecord record, String title, String orcidType, PublicationDate date, int maxAuthors) {
        String entryType = ENTRY_TYPES.getOrDefault(orcidType, "misc");
        StringBuilder b = new StringBuilder(512);
        b.append('@').append(entryType).append('{').append(key(record, date)).append(",\n");
        field(b, "title", escape(title));
        String authors = authors(record.creators(), maxAuthors);
        if (!authors.isEmpty()) {
            field(b, "author", authors);
        }
        Container container = record.container();
        String containerTitle = container == null ? null : Texts.clean(container.title());
        if (containerTitle != null) {
            String name = switch (entryType) {
                case "article" -> "journal";
                case "incollection", "inproceedings" -> "booktitle";
                default -> "series";
            };
            field(b, name, escape(containerTitle));
        }
        if (date != null) {
            field(b, "year", date.yearText());
            if (date.month() != null) {
                b.append("  month = ").append(MONTHS[date.month() - 1]).append(",\n");
            }
        }
        if (container != null) {
            optional(b, "volume", container.volume());
            optional(b, "number", container.issue());
            String first = Texts.clean(container.firstPage());
            String last = Texts.clean(container.lastPage());
            if (first != null) {
                field(b, "pages", escape(last == null || last.equals(first) ? first : first + "--" + last));
            }
        }
        String publisher = Texts.clean(record.publisher());
        if (publisher != null) {
            String name = switch (entryType) {
                case "phdthesis" -> "school";
                case "techreport" -> "institution";
                default -> "publisher";
            };
            field(b, name, escape(publisher));
        }
        // doi and url are read verbatim by BibTeX tools, so they are not LaTeX-escaped, only kept brace-free.
        field(b, "doi", verbatim(record.doi().value()));
        field(b, "url", verbatim(record.doi().url()));
        b.setLength(b.length() - 2);
        b.append("\n}");
        return b.toString();
    }

    private static String authors(List<Person> creators, int max) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (Person p : creators) {
            String name = bibtexName(p);
            if (name == null) {
                continue;
            }
            if (n == max) {
                b.append(" and others");
                break;
            }
            if (n > 0) {
                b.append(" and ");
            }
            b.append(name);
            n++;
        }
        return b.toString();
    }

    private static String bibtexName(Person p) {
        String name = Texts.clean(p.name());
        if (p.nameType() == Person.NameType.ORGANIZATIONAL) {
            // Braces keep BibTeX from reading an organization's last word as a family name.
            return name == null ? null : "{" + escape(name) + "}";
        }
        String family = Texts.clean(p.familyName());
        String given = Texts.clean(p.givenName());
        if (family != null) {
            return escape(family) + (given == null ? "" : ", " + escape(given));
        }
        return name == null ? null : escape(name);
    }

    private static String key(DoiRecord record, PublicationDate date) {
        String family = record.creators().isEmpty() ? null : record.creators().get(0).familyName();
        String base = family == null ? "" : ascii(family);
        if (base.isEmpty()) {
            return "doi_" + record.doi().value().replaceAll("[^a-z0-9]+", "_");
        }
        return base + (date == null ? "" : date.yearText());
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private static void optional(StringBuilder b, String name, String value) {
        String v = Texts.clean(value);
        if (v != null) {
            field(b, name, escape(v));
        }
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    private static String verbatim(String s) {
        return s.replace("{", "%7B").replace("}", "%7D");
    }

    /** Escapes what would break the entry or LaTeX: braces, backslash and LaTeX's special characters. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
