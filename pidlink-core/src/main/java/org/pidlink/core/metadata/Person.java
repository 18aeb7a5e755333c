package org.pidlink.core.metadata;

import java.util.List;

import org.pidlink.core.identifiers.OrcidId;

/**
 * A creator or contributor.
 *
 * @param name             the name as the source gives it ({@code creatorName}, or "Given Family" when only parts exist)
 * @param givenName        given name, or null
 * @param familyName       family name, or null
 * @param nameType         personal or organizational, when known
 * @param orcid            the person's valid ORCID iD, or null (invalid ones go to the record's rejected identifiers)
 * @param otherIdentifiers other name identifiers (ISNI, ROR, Scopus, ...)
 * @param roles            the source's roles as given (DataCite contributorType, Crossref contributor_role)
 * @param affiliations     affiliation names
 * @param position         0-based position among the record's creators, or among its contributors
 */
public record Person(
        String name,
        String givenName,
        String familyName,
        NameType nameType,
        OrcidId orcid,
        List<Identifier> otherIdentifiers,
        List<String> roles,
        List<String> affiliations,
        int position) {

    public Person {
        nameType = nameType == null ? NameType.UNKNOWN : nameType;
        otherIdentifiers = List.copyOf(otherIdentifiers);
        roles = List.copyOf(roles);
        affiliations = List.copyOf(affiliations);
    }

    public enum NameType { PERSONAL, ORGANIZATIONAL, UNKNOWN }
}
