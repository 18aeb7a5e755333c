package org.pidlink.app.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to one submission: per record what was accepted, skipped and rejected, and why.
 *
 * @param format   the metadata format(s) detected, e.g. {@code datacite-xml}; several for a mixed batch
 * @param received records found in the input (read or not)
 * @param accepted records accepted
 * @param skipped  records skipped (not written to ORCID, with the reason)
 * @param rejected records rejected (unreadable, no DOI, no title)
 * @param dois     one entry per record, in input order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeReport(List<String> format, int received, int accepted, int skipped, int rejected,
                           List<DoiOutcome> dois) {

    public IntakeReport {
        format = List.copyOf(format);
        dois = List.copyOf(dois);
    }

    static IntakeReport of(List<String> formats, List<DoiOutcome> outcomes) {
        int accepted = 0;
        int skipped = 0;
        int rejected = 0;
        for (DoiOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case ACCEPTED -> accepted++;
                case SKIPPED -> skipped++;
                case REJECTED -> rejected++;
            }
        }
        return new IntakeReport(formats, outcomes.size(), accepted, skipped, rejected, outcomes);
    }

    /** Nothing in the input could be read as a record. */
    public boolean nothingRead() {
        return accepted == 0 && skipped == 0;
    }
}
