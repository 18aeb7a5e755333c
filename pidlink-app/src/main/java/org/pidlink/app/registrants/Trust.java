package org.pidlink.app.registrants;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The trust markers of a researcher's ORCID record, as ORCID's record summary shows them (orcid-api.md §13), read
 * when the suggestion was made.
 *
 * @param nameOnRecord      the public name on the ORCID record, or null
 * @param employments       the newest three employments
 * @param employmentCount   how many employments the record shows
 * @param validatedWorks    works added by member organizations (groups)
 * @param selfAssertedWorks works the researcher added herself (groups)
 * @param workOnRecord      whether the DOI's work is (publicly) on her record
 * @param workSources       who added the DOI's work to her record
 * @param readAt            when ORCID was read
 * @param unavailable       why the markers could not be read (then everything else is empty), or null
 */
public record Trust(@Nullable String nameOnRecord, List<Employment> employments, int employmentCount,
                    int validatedWorks, int selfAssertedWorks, boolean workOnRecord, List<WorkSource> workSources,
                    Instant readAt, @Nullable String unavailable) {

    public Trust {
        employments = List.copyOf(employments);
        workSources = List.copyOf(workSources);
    }

    static Trust unavailable(String why, Instant at) {
        return new Trust(null, List.of(), 0, 0, 0, false, List.of(), at, why);
    }

    /** An employment; {@code validated} when a member organization added it. */
    public record Employment(@Nullable String organization, @Nullable String role, @Nullable Integer startYear,
                             @Nullable Integer endYear, boolean validated) {
    }

    /** A source of the DOI's work on her record. */
    public record WorkSource(@Nullable String name, @Nullable String clientId, boolean selfAsserted) {
    }
}
