package org.pidlink.emulator.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.works.Work;

/**
 * ORCID's business validation of a work ({@code ActivityValidator.validateWork} then
 * {@code ExternalIDValidator.validateWork}), in ORCID's order (orcid-api.md §3.1 step 5). Runs after the schema
 * on single-work endpoints and alone on bulk items. Returns the work with its type in canonical spelling.
 */
final class WorkRules {

    private static final Pattern ORCID_PATH = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final Pattern ORCID_URI = Pattern.compile(
            "https?://(?:www\\.|sandbox\\.|qa\\.)?orcid\\.org/(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final OrcidErrors errors;
    private final ExternalIdNormalizer normalizer;

    WorkRules(OrcidErrors errors, ExternalIdNormalizer normalizer) {
        this.errors = errors;
        this.normalizer = normalizer;
    }

    Work validate(Work w, boolean create, String clientName) {
        Map<String, String> client = Map.of("clientName", clientName);
        if (w.title() == null || w.title().isBlank()) {
            throw errors.exception(400, 9022, null, client);
        }
        if (w.country() != null && !Vocabularies.COUNTRIES.contains(w.country())) {
            throw invalidValue("country", String.join(", ", Vocabularies.COUNTRIES));
        }
        if (w.translatedTitle() != null) {
            Work.TranslatedTitle tt = w.translatedTitle();
            boolean hasText = tt.value() != null && !tt.value().isBlank();
            boolean hasLanguage = tt.languageCode() != null && !tt.languageCode().isBlank();
            if (hasLanguage && !hasText) {
                throw errors.exception(400, 9020, "Invalid translated title: the title is required when a language code is given");
            }
            if (hasText && (!hasLanguage || !Vocabularies.LANGUAGE_CODES.contains(tt.languageCode()))) {
                throw invalidValue("translated title -> language code", String.join(", ", Vocabularies.LANGUAGE_CODES));
            }
        }
        String type = Vocabularies.workType(w.type());
        if (type == null) {
            throw invalidValue("work type", String.join(", ", Vocabularies.WORK_TYPES));
        }
        if (w.languageCode() != null && !Vocabularies.LANGUAGE_CODES.contains(w.languageCode())) {
            throw invalidValue("language code", String.join(", ", Vocabularies.LANGUAGE_CODES));
        }
        if (w.publicationDate() != null) {
            validateDate(w.publicationDate());
        }
        if (w.citation() != null) {
            Work.Citation c = w.citation();
            if (c.type() == null || c.type().isBlank()) {
                throw invalidValue("citation type", String.join(", ", Vocabularies.CITATION_TYPES));
            }
            if (!Vocabularies.CITATION_TYPES.contains(c.type())) {
                throw errors.exception(400, 9051, null, Map.of("value", c.type(), "enum", "CitationType"));
            }
            if (c.value() == null || c.value().isBlank()) {
                throw errors.exception(400, 9020, "Invalid citation: the citation value is required");
            }
        }
        if (w.externalIds().isEmpty()) {
            throw errors.exception(400, 9023, null, client);
        }
        for (Work.ExternalId id : w.externalIds()) {
            if (id.relationship() != null && !Vocabularies.RELATIONSHIPS.contains(id.relationship())) {
                throw errors.exception(400, 9051, null, Map.of("value", id.relationship(), "enum", "Relationship"));
            }
            if ("funded-by".equals(id.relationship()) && !Vocabularies.FUNDED_BY_TYPES.contains(id.type())) {
                throw errors.exception(400, 9020, "Invalid external identifier: the 'funded-by' relationship is "
                        + "allowed only for grant_number, proposal-id, uri and doi, not " + id.type());
            }
        }
        for (Work.Contributor c : w.contributors()) {
            validateContributor(c);
        }
        if (create && w.putCode() != null) {
            throw errors.exception(400, 9024, null, client);
        }
        validateExternalIds(w, client);
        return type.equals(w.type()) ? w : new Work(w.putCode(), w.title(), w.subtitle(), w.translatedTitle(),
                w.journalTitle(), w.shortDescription(), w.citation(), type, w.publicationDate(), w.externalIds(),
                w.url(), w.contributors(), w.languageCode(), w.country(), w.visibility());
    }

    private void validateDate(Work.PublicationDate d) {
        String y = d.year();
        String m = d.month();
        String day = d.day();
        if (y == null || y.isBlank()) {
            if ((m != null && !m.isBlank()) || (day != null && !day.isBlank())) {
                throw errors.exception(400, 9020, "Invalid publication date: a month or day needs a year");
            }
            return;
        }
        if ((m == null || m.isBlank()) && day != null && !day.isBlank()) {
            throw errors.exception(400, 9020, "Invalid publication date: a day needs a month");
        }
        requireInteger("year", y);
        if (y.trim().length() != 4) {
            throw errors.exception(400, 9020, "Invalid year " + y + " please specify a four digits value");
        }
        if (m != null && !m.isBlank()) {
            requireInteger("month", m);
            if (m.trim().length() != 2) {
                throw errors.exception(400, 9020, "Invalid month " + m + " please specify a two digits value");
            }
        }
        if (day != null && !day.isBlank()) {
            requireInteger("day", day);
            if (day.trim().length() != 2) {
                throw errors.exception(400, 9020, "Invalid day " + day + " please specify a two digits value");
            }
        }
        String dateString = y.trim() + (m == null || m.isBlank() ? "" : "-" + m.trim())
                + (day == null || day.isBlank() ? "" : "-" + day.trim());
        try {
            int month = m == null || m.isBlank() ? 1 : Integer.parseInt(m.trim());
            int dd = day == null || day.isBlank() ? 1 : Integer.parseInt(day.trim());
            LocalDate.of(Integer.parseInt(y.trim()), month, dd);
        } catch (DateTimeException e) {
            throw errors.exception(400, 9049, null, Map.of("dateString", dateString));
        }
    }

    private void requireInteger(String part, String value) {
        if (!DIGITS.matcher(value.trim()).matches()) {
            throw invalidValue("publication date " + part, "an integer");
        }
    }

    private void validateContributor(Work.Contributor c) {
        if (c.orcidUri() != null || c.orcidPath() != null) {
            if (c.orcidUri() != null && !ORCID_URI.matcher(c.orcidUri().trim()).matches()) {
                throw errors.exception(400, 9020, "Invalid contributor-orcid uri: " + c.orcidUri());
            }
            if (c.orcidPath() != null && !ORCID_PATH.matcher(c.orcidPath().trim()).matches()) {
                throw errors.exception(400, 9020, "Invalid contributor-orcid path: " + c.orcidPath());
            }
        }
        if (c.creditName() != null && c.creditName().isBlank()) {
            throw errors.exception(400, 9020, "Invalid contributor: credit-name is empty");
        }
        if (c.email() != null && c.email().isBlank()) {
            throw errors.exception(400, 9020, "Invalid contributor: contributor-email is empty");
        }
        if (c.role() != null && !Vocabularies.validRole(c.role().trim())) {
            throw errors.exception(400, 9058, null, Map.of("role", c.role(),
                    "validRoles", String.join(", ", Vocabularies.LEGACY_ROLES) + ", "
                            + String.join(", ", Vocabularies.CREDIT_ROLES)));
        }
    }

    /** {@code ExternalIDValidator.validateWork}: known types, values, relationships, at least one self. */
    private void validateExternalIds(Work w, Map<String, String> client) {
        StringBuilder problems = new StringBuilder();
        boolean self = false;
        for (Work.ExternalId id : w.externalIds()) {
            if (id.type() == null || !normalizer.isKnownType(id.type())) {
                problems.append(" Invalid external-id  ").append(id.type());
            }
            if (id.value() == null || id.value().isBlank()) {
                problems.append(" Invalid external-id value: the value is required");
            }
            if (id.relationship() == null) {
                problems.append(" Invalid external-id relationship: the relationship is required");
            }
            if ("self".equals(id.relationship())) {
                self = true;
            }
        }
        if (!problems.isEmpty()) {
            throw errors.exception(400, 9023, problems.toString().trim(), client);
        }
        if (!self) {
            throw errors.exception(400, 9023, "At least one identifier with 'self' relationship is required", client);
        }
    }

    private ApiException invalidValue(String type, String values) {
        return errors.exception(400, 9037, null, Map.of("type", type, "values", values));
    }
}
