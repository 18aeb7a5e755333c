package org.pidlink.orcid.client;

import java.util.Objects;

/**
 * An organization's id in a registry ORCID knows ({@code disambiguated-organization}), in the form ORCID stores
 * (see {@link OrganizationIdSource#normalize}): {@code https://ror.org/05qwgg493}, not {@code 05qwgg493}.
 *
 * @throws IllegalArgumentException when {@code identifier} is not an id of {@code source}
 */
public record DisambiguatedOrganization(String identifier, OrganizationIdSource source) {

    public DisambiguatedOrganization {
        Objects.requireNonNull(source, "source");
        identifier = source.normalize(identifier);
    }

    public static DisambiguatedOrganization ror(String id) {
        return new DisambiguatedOrganization(id, OrganizationIdSource.ROR);
    }

    /**
     * From a source name as people write it ({@code ROR}, {@code ringgold}, {@code Crossref Funder}).
     *
     * @throws IllegalArgumentException for a source ORCID does not accept, or an id that is not of that source
     */
    public static DisambiguatedOrganization of(String source, String identifier) {
        OrganizationIdSource s = OrganizationIdSource.parse(source).orElseThrow(() -> new IllegalArgumentException(
                "'" + source + "' is not an organization id source ORCID accepts (ROR, GRID, RINGGOLD, FUNDREF, LEI)"));
        return new DisambiguatedOrganization(identifier, s);
    }
}
