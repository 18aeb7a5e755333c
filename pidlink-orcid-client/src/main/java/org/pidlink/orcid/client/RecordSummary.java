package org.pidlink.orcid.client;

import java.util.List;

/**
 * The trust markers of an ORCID record, as ORCID's record summary shows them (orcid-api.md §13.1), computed from
 * one {@code GET /record} as §13.2 describes: public items only, whatever the token may also see.
 *
 * @param orcid                the record's iD
 * @param name                 the public name: the credit name, else given and family names; null when not public
 * @param employments          the newest three employments (one per group, by end date, a current one first)
 * @param employmentCount      how many employment groups the record shows
 * @param validatedWorks       work groups with at least one item from a member organization
 * @param selfAssertedWorks    work groups whose every item the researcher added herself
 * @param works                every public work summary, with its source
 * @param deactivated          the owner deactivated the record: it shows nothing else
 */
public record RecordSummary(String orcid, String name, List<Employment> employments, int employmentCount,
                            int validatedWorks, int selfAssertedWorks, List<PublicWork> works,
                            boolean deactivated) {

    public RecordSummary {
        employments = List.copyOf(employments);
        works = List.copyOf(works);
    }

    /**
     * An employment as the summary lists it.
     *
     * @param startYear null when not given
     * @param endYear   null while current
     * @param validated added by a member organization, not by the researcher
     */
    public record Employment(String organization, String role, Integer startYear, Integer endYear,
                             boolean validated) {
    }

    /**
     * A public work on the record.
     *
     * @param dois         the DOIs among its own external identifiers, lower case
     * @param sourceName   who added it, as ORCID names the source
     * @param selfAsserted the researcher added it herself
     */
    public record PublicWork(long putCode, List<String> dois, String sourceName, String sourceClientId,
                             boolean selfAsserted) {

        public PublicWork {
            dois = List.copyOf(dois);
        }
    }
}
