package org.pidlink.app.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What intake made of one record, as the REST answer reports it.
 *
 * @param doi                 the DOI, or null when the record could not be read far enough to know it
 * @param status              accepted, skipped or rejected
 * @param reason              why it was skipped or rejected; for an accepted record without iDs, a note
 * @param orcids              the researchers named by valid ORCID iDs: they get (or keep) the work, unless the
 *                            record is skipped
 * @param rejectedIdentifiers ORCID iDs in the record that could not be used, each with its reason
 * @param withdrawn           researchers whose work leaves ORCID because of this record (iD removed, DOI no
 *                            longer findable or deleted)
 * @param location            where a rejected record is in the input (line and column, or JSON path)
 * @param owner               for a record refused because another source owns the DOI: that source
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DoiOutcome(String doi, Status status, String reason, List<String> orcids,
                         List<RejectedId> rejectedIdentifiers, List<String> withdrawn, String location, String owner) {

    public DoiOutcome(String doi, Status status, String reason, List<String> orcids,
                      List<RejectedId> rejectedIdentifiers, List<String> withdrawn, String location) {
        this(doi, status, reason, orcids, rejectedIdentifiers, withdrawn, location, null);
    }

    public DoiOutcome {
        orcids = orcids == null ? List.of() : List.copyOf(orcids);
        rejectedIdentifiers = rejectedIdentifiers == null ? List.of() : List.copyOf(rejectedIdentifiers);
        withdrawn = withdrawn == null ? List.of() : List.copyOf(withdrawn);
    }

    static DoiOutcome rejected(String doi, String reason, String location) {
        return new DoiOutcome(doi, Status.REJECTED, reason, List.of(), List.of(), List.of(), location);
    }

    /** Another source owns the DOI: nothing of the record is stored. */
    static DoiOutcome refused(String doi, String owner) {
        return new DoiOutcome(doi, Status.REJECTED, doi + " belongs to " + owner + ", the source that registered it "
                + "(or holds its prefix): only it may change or delete it; a pidlink administrator can transfer it",
                List.of(), List.of(), List.of(), null, owner);
    }

    public enum Status {
        ACCEPTED, SKIPPED, REJECTED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An ORCID iD found in the metadata that was not used.
     *
     * @param value  as found
     * @param reason why it was not used
     * @param person whose it was, when known
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RejectedId(String value, String reason, String person) {
    }
}
