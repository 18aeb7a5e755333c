package org.pidlink.app.registrants;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** One suggestion a CSV row (RFC 4180), trust markers flattened into columns. */
final class SuggestionCsv {

    private static final List<String> COLUMNS = List.of("id", "doi", "orcid", "reason", "status", "name_on_record",
            "match", "matched_name", "match_score", "provenance", "authenticated_by_sign_in", "claimed_at",
            "created_at", "decided_at", "added_to_metadata_at", "employments", "validated_works",
            "self_asserted_works", "work_on_record", "work_sources", "reject_reason");

    private SuggestionCsv() {
    }

    static String header() {
        return String.join(",", COLUMNS) + "\r\n";
    }

    static String row(Suggestion s) {
        Trust t = s.trust();
        List<String> cells = List.of(Long.toString(s.id()), s.doi(), s.orcid(), s.reason().value(),
                s.status().value(), text(s.nameOnRecord()), s.match().result(), text(s.match().name()),
                Double.toString(s.match().score()), String.join(" ", s.provenance()),
                Boolean.toString(s.authenticatedBySignIn()), time(s.claimedAt()), time(s.createdAt()),
                time(s.decidedAt()), time(s.addedToMetadataAt()),
                t == null ? "" : t.employments().stream().map(SuggestionCsv::employment).collect(Collectors.joining("; ")),
                t == null ? "" : Integer.toString(t.validatedWorks()),
                t == null ? "" : Integer.toString(t.selfAssertedWorks()),
                t == null ? "" : Boolean.toString(t.workOnRecord()),
                t == null ? "" : t.workSources().stream().map(w -> text(w.name())).collect(Collectors.joining("; ")),
                text(s.rejectReason()));
        return cells.stream().map(SuggestionCsv::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String employment(Trust.Employment e) {
        String years = (e.startYear() == null ? "" : e.startYear()) + "–" + (e.endYear() == null ? "" : e.endYear());
        return text(e.organization()) + (e.role() == null ? "" : " (" + e.role() + ")") + " " + years
                + (e.validated() ? " validated" : " self-asserted");
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String time(@Nullable Instant t) {
        return t == null ? "" : t.toString();
    }

    /** Quotes a cell when needed; a leading =, +, - or @ is defused so a spreadsheet shows it as text. */
    static String quote(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d.*") ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
