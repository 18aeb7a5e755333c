package org.pidlink.orcid.client;

/**
 * A reason ORCID would refuse an affiliation, found before sending it ({@link Affiliation#check()}).
 *
 * @param field   where: {@code organization.disambiguated}, {@code organization.city}, {@code endDate}, …
 * @param code    the refusal ORCID would answer
 * @param message for the person who can fix it
 */
public record AffiliationProblem(String field, OrcidErrorCode code, String message) {
}
