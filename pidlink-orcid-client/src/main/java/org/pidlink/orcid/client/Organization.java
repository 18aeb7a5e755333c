package org.pidlink.orcid.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organization of an affiliation ({@code common:organization}): a name, where it is and its registry id. Texts
 * are stripped, blank ones become null, and the limits of ORCID's schema are checked here (a name is required and
 * at most 4000 characters, like a city and a region; a country is an ISO 3166-1 alpha-2 code), so an organization
 * ORCID's schema refuses cannot be built. Which parts a kind needs is ORCID's business rule:
 * {@link Affiliation#check()}.
 *
 * @param country       ISO 3166-1 alpha-2, upper case ({@code US}); {@code XK} (Kosovo) too, as ORCID has it
 * @param disambiguated the registry id, or null
 * @throws IllegalArgumentException naming the field that breaks ORCID's schema
 */
public record Organization(String name, String city, String region, String country,
                           DisambiguatedOrganization disambiguated) {

    /** ORCID's {@code long-text}: at most 4000 characters. */
    public static final int MAX_TEXT = 4000;

    /** ISO 3166-1 alpha-2 codes (the JDK's list) and {@code XK}, as ORCID's {@code Iso3166Country}. */
    public static final Set<String> COUNTRIES;

    static {
        Set<String> c = new TreeSet<>(Arrays.asList(Locale.getISOCountries()));
        c.add("XK");
        COUNTRIES = Set.copyOf(c);
    }

    public Organization {
        name = Texts.optional("organization.name", name, MAX_TEXT);
        if (name == null) {
            throw new IllegalArgumentException("organization.name: required");
        }
        city = Texts.optional("organization.city", city, MAX_TEXT);
        region = Texts.optional("organization.region", region, MAX_TEXT);
        country = Texts.optional("organization.country", country, 2);
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                throw new IllegalArgumentException("organization.country: '" + country
                        + "' is not an ISO 3166-1 alpha-2 country code");
            }
        }
    }
}
