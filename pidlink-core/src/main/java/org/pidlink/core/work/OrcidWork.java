package org.pidlink.core.work;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.pidlink.core.types.OrcidWorkTypes;

/**
 * An ORCID v3.0 work as pidlink writes it. It cannot be built in a shape ORCID would refuse: a blank title,
 * an unknown type, no {@code self} identifier, an unknown language, a too long text all throw
 * {@link InvalidWorkException} naming the rule.
 *
 * @param putCode          ORCID's put-code, only when updating an existing work, else null
 * @param title            the titles
 * @param journalTitle     the container the work appeared in (journal, book, series), never the publisher; or null
 * @param shortDescription an abstract of at most 5000 characters, or null
 * @param citation         a citation, or null
 * @param type             one of ORCID's work types
 * @param publicationDate  the publication date, or null
 * @param externalIds      the identifiers; at least one has relationship {@code self}
 * @param url              the work's URL, or null
 * @param contributors     the contributors in order
 * @param languageCode     one of ORCID's language codes, or null
 * @param country          an ISO 3166-1 alpha-2 code, or null
 */
public record OrcidWork(
        Long putCode,
        WorkTitle title,
        String journalTitle,
        String shortDescription,
        Citation citation,
        String type,
        PublicationDate publicationDate,
        List<ExternalId> externalIds,
        String url,
        List<WorkContributor> contributors,
        String languageCode,
        String country) {

    public OrcidWork {
        if (putCode != null && putCode <= 0) {
            throw new InvalidWorkException("put-code must be positive, not " + putCode);
        }
        if (title == null) {
            throw new InvalidWorkException("a work needs a title (ORCID error 9022)");
        }
        WorkRules.optionalText("journal-title", journalTitle, WorkRules.MAX_TITLE);
        WorkRules.maxLength("short-description", shortDescription, WorkRules.MAX_SHORT_DESCRIPTION);
        if (!OrcidWorkTypes.isValid(type)) {
            throw new InvalidWorkException("\"" + type + "\" is not an ORCID work type (ORCID error 9037)");
        }
        externalIds = List.copyOf(externalIds);
        if (externalIds.stream().noneMatch(id -> id.relationship() == Relationship.SELF)) {
            throw new InvalidWorkException("a work needs at least one external-id with relationship self"
                    + " (ORCID error 9023)");
        }
        if (url != null && !WorkRules.isAbsoluteUri(url)) {
            throw new InvalidWorkException("url is not an absolute URI: " + url);
        }
        contributors = List.copyOf(contributors);
        if (languageCode != null && !LanguageCodes.isOrcidCode(languageCode)) {
            throw new InvalidWorkException("\"" + languageCode + "\" is not one of ORCID's language codes"
                    + " (ORCID error 9037)");
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new InvalidWorkException("country must be an ISO 3166-1 alpha-2 code, not \"" + country
                    + "\" (ORCID error 9037)");
        }
    }

    /** The same work addressed to an existing ORCID work, for a PUT. */
    public OrcidWork withPutCode(long newPutCode) {
        return new OrcidWork(newPutCode, title, journalTitle, shortDescription, citation, type, publicationDate,
                externalIds, url, contributors, languageCode, country);
    }

    /**
     * The work's content as bytes in one fixed form (compact JSON, ORCID's field order, no put-code), so equal
     * content gives equal bytes whichever put-code the work carries.
     */
    public byte[] canonicalBytes() {
        return WorkJsonWriter.canonical(this).getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of {@link #canonicalBytes()} in lower-case hex: store it to skip writes when nothing changed. */
    public String canonicalHash() {
        return canonical().hash();
    }

    /**
     * The canonical JSON and its hash from one serialization: for a work without a put-code that JSON is also
     * what {@link WorkJsonWriter#toJson} writes, so a caller that needs both serializes a large collaboration's
     * megabytes of contributors once.
     */
    public Canonical canonical() {
        try {
            return WorkJsonWriter.canonicalWithHash(this, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param json compact JSON without the put-code
     * @param hash {@link #canonicalHash()}
     */
    public record Canonical(String json, String hash) {
    }
}
