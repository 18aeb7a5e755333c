package org.pidlink.app.affiliations;

import java.time.Instant;
import java.util.Map;

import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.orcid.client.Affiliation;

/**
 * An affiliation row as stored, with its person and what ORCID holds of it.
 *
 * @param state  what ORCID holds: NONE, WRITTEN, UPDATED, REMOVED, REMOVED_BY_RESEARCHER, FAILED
 * @param action the call due next (CREATE, UPDATE, DELETE) or null
 */
record StoredAffiliation(long id, String localKey, long personId, OrcidId orcid, String email, String name,
                         String localPersonId, String source, AffiliationKind kind, Map<String, String> fields,
                         String contentHash, String decision, boolean wanted, String state, Long putCode,
                         String writtenHash, Instant createStartedAt, String action, Instant dueAt, int attempts,
                         String message, Instant updatedAt, Instant linkSentAt, Instant linkOpenedAt) {

    /** The affiliation as ORCID gets it, rebuilt from the validated fields. */
    Affiliation affiliation() {
        java.util.Map<Column, String> values = new java.util.EnumMap<>(Column.class);
        fields.forEach((k, v) -> Column.of(k).ifPresent(c -> values.put(c, v)));
        java.util.List<RowError> errors = new java.util.ArrayList<>();
        return new RowValidator().validate(new RawRow(0, values), errors).map(AffiliationRow::affiliation)
                .orElseThrow(() -> new IllegalStateException("stored affiliation " + localKey + " no longer valid: "
                        + errors));
    }

    public String field(Column column) {
        return fields.get(column.header());
    }

    /** The one status a person reads. */
    public AffiliationStatus status() {
        return switch (state) {
            case "REMOVED" -> AffiliationStatus.REMOVED;
            case "REMOVED_BY_RESEARCHER" -> AffiliationStatus.REMOVED_BY_RESEARCHER;
            case "FAILED" -> AffiliationStatus.FAILED;
            case "UPDATED" -> AffiliationStatus.UPDATED;
            case "WRITTEN" -> AffiliationStatus.WRITTEN;
            default -> !wanted ? AffiliationStatus.REMOVED
                    : "DECLINED".equals(decision) ? AffiliationStatus.PERMISSION_DENIED
                    : "APPROVED".equals(decision) ? AffiliationStatus.APPROVED
                    : linkOpenedAt != null ? AffiliationStatus.LINK_OPENED
                    : linkSentAt != null ? AffiliationStatus.LINK_SENT
                    : AffiliationStatus.PENDING_PERMISSION;
        };
    }

    /** The status with its put-code or ORCID's message, and what is still to come. */
    public String statusText() {
        AffiliationStatus s = status();
        String text = switch (s) {
            case WRITTEN, UPDATED -> s.label() + " (put-code " + putCode + ")";
            case FAILED -> s.label() + ": " + message;
            default -> s.label();
        };
        if (action != null && (s == AffiliationStatus.WRITTEN || s == AffiliationStatus.UPDATED)) {
            text += "DELETE".equals(action) ? ", removal pending" : ", update pending";
        }
        return text;
    }

    /** The status in the researcher's words. */
    public String researcherStatusText() {
        return switch (status()) {
            case WRITTEN, UPDATED -> "on your ORCID record" + ("DELETE".equals(action) ? " (your institution is "
                    + "removing it)" : action != null ? " (an update from your institution is on its way)" : "");
            case APPROVED -> message != null ? "approved; " + message : "approved; pidlink is adding it";
            case PERMISSION_DENIED -> "declined: pidlink will not add it";
            case REMOVED -> putCode == null && writtenHash != null ? "removed from your ORCID record by your "
                    + "institution" : "withdrawn by your institution";
            case REMOVED_BY_RESEARCHER -> "you removed it on ORCID; pidlink will not add it again";
            case FAILED -> "ORCID refused it: " + message;
            default -> status().label();
        };
    }

    /** "Professor, Department of Physics, Boston University": what the researcher is asked about. */
    public String title() {
        StringBuilder s = new StringBuilder();
        for (Column c : new Column[] {Column.ROLE, Column.DEPARTMENT, Column.ORGANIZATION}) {
            String v = field(c);
            if (v != null) {
                s.append(s.isEmpty() ? "" : ", ").append(v);
            }
        }
        return s.toString();
    }

    /** "2019-09 – 2025-06", "since 2019-09", or empty. */
    public String period() {
        String start = field(Column.START_DATE);
        String end = field(Column.END_DATE);
        if (start == null && end == null) {
            return "";
        }
        if (end == null) {
            return "since " + start;
        }
        return (start == null ? "" : start) + " – " + end;
    }

    public String person() {
        return orcid != null ? (name == null ? orcid.value() : name + " (" + orcid.value() + ")")
                : name == null ? email : name + " <" + email + ">";
    }
}
