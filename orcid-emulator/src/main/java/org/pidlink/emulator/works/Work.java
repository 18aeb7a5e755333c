package org.pidlink.emulator.works;

import java.util.List;

/**
 * A v3.0 work as submitted (the write shape of orcid-api.md §3.8), independent of JSON or XML. Absent optional
 * parts are null; {@code externalIds} and {@code contributors} are never null. Strings are kept exactly as sent,
 * so the business rules can see blank values the way ORCID does.
 */
public record Work(Long putCode, String title, String subtitle, TranslatedTitle translatedTitle,
                   String journalTitle, String shortDescription, Citation citation, String type,
                   PublicationDate publicationDate, List<ExternalId> externalIds, String url,
                   List<Contributor> contributors, String languageCode, String country, String visibility) {

    public Work {
        externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
    }

    public record TranslatedTitle(String value, String languageCode) {
    }

    public record Citation(String type, String value) {
    }

    /** Year, month and day as sent ({@code "2022"}, {@code "05"}); validated by the business rules. */
    public record PublicationDate(String year, String month, String day) {
    }

    public record ExternalId(String type, String value, String url, String relationship) {
    }

    public record Contributor(String orcidUri, String orcidPath, String orcidHost, String creditName, String email,
                              String sequence, String role) {
    }

    public Work withPutCode(Long pc) {
        return new Work(pc, title, subtitle, translatedTitle, journalTitle, shortDescription, citation, type,
                publicationDate, externalIds, url, contributors, languageCode, country, visibility);
    }
}
