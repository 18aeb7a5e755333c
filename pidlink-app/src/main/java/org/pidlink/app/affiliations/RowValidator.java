package org.pidlink.app.affiliations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.core.identifiers.ParseResult;
import org.pidlink.orcid.client.Affiliation;
import org.pidlink.orcid.client.AffiliationProblem;
import org.pidlink.orcid.client.DisambiguatedOrganization;
import org.pidlink.orcid.client.ExternalId;
import org.pidlink.orcid.client.Organization;
import org.pidlink.orcid.client.PartialDate;

/**
 * Checks every row of an affiliation file and either answers all of them as {@link AffiliationRow}s or refuses the
 * whole file with every problem by line and column ({@link FileRefused}): nothing of a file with an error is stored.
 * Beyond ORCID's schema and business rules ({@link Affiliation#check()}), pidlink requires an organization id for
 * every kind (ORCID v3.0 asks it of employments and educations and ORCID's matching works only with one), an iD or an
 * e-mail to reach the person, and unique local keys. Stateless.
 */
final class RowValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String KINDS = java.util.Arrays.stream(AffiliationKind.values()).map(AffiliationKind::value)
            .collect(Collectors.joining(", "));

    List<AffiliationRow> validate(List<RawRow> rows) {
        List<RowError> errors = new ArrayList<>();
        List<AffiliationRow> valid = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (RawRow raw : rows) {
            Optional<AffiliationRow> row = validate(raw, errors);
            String key = raw.get(Column.LOCAL_KEY);
            if (key != null) {
                Integer earlier = keys.putIfAbsent(key, raw.line());
                if (earlier != null) {
                    errors.add(new RowError(raw.line(), Column.LOCAL_KEY.header(), "the local key '" + key
                            + "' is already used on line " + earlier + " (one row per affiliation)"));
                }
            }
            row.ifPresent(valid::add);
        }
        if (rows.isEmpty()) {
            errors.add(new RowError(1, null, "the file holds no affiliation"));
        }
        if (!errors.isEmpty()) {
            throw new FileRefused(errors);
        }
        return valid;
    }

    /** One row; its problems are added to {@code errors}. */
    Optional<AffiliationRow> validate(RawRow raw, List<RowError> errors) {
        int before = errors.size();
        Check check = new Check(raw, errors);
        for (Column c : Column.values()) {
            String v = raw.get(c);
            if (v != null && v.length() > c.maxLength()) {
                check.error(c, "too long: " + v.length() + " characters, at most " + c.maxLength());
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        OrcidId orcid = null;
        String orcidText = raw.get(Column.ORCID);
        if (orcidText != null) {
            switch (OrcidId.tryParse(orcidText)) {
                case ParseResult.Valid<OrcidId> ok -> orcid = ok.value();
                case ParseResult.Invalid<OrcidId> bad -> check.error(Column.ORCID,
                        "'" + orcidText + "' is not an ORCID iD: " + bad.reason());
            }
        }
        String email = raw.get(Column.EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            check.error(Column.EMAIL, "'" + email + "' is not an e-mail address");
        }
        if (orcidText == null && email == null) {
            check.error(Column.EMAIL, "missing: each row needs the person's ORCID iD or e-mail address, so that "
                    + "pidlink can ask for her permission");
        }
        String localKey = check.required(Column.LOCAL_KEY, "the institution's key for this affiliation, kept "
                + "across uploads");
        AffiliationKind kind = null;
        String type = check.required(Column.TYPE, "the affiliation type (" + KINDS + ")");
        if (type != null) {
            kind = AffiliationKind.parse(type).orElse(null);
            if (kind == null) {
                check.error(Column.TYPE, "unknown affiliation type '" + type + "' (one of " + KINDS + ")");
            }
        }
        String orgName = check.required(Column.ORGANIZATION, "the organization's name");
        String country = raw.get(Column.COUNTRY);
        if (country != null && !Organization.COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
            check.error(Column.COUNTRY, "unknown country code '" + country
                    + "' (an ISO 3166-1 alpha-2 code such as US, DE or GB)");
            country = null;
        }
        DisambiguatedOrganization orgId = null;
        String orgIdText = raw.get(Column.ORG_ID);
        String source = Optional.ofNullable(raw.get(Column.ORG_ID_SOURCE)).orElse("ROR");
        if (orgIdText == null) {
            check.error(Column.ORG_ID, "missing organization id: ORCID needs the organization's ROR id (or GRID, "
                    + "Ringgold, FundRef, LEI with org_id_source)");
        } else {
            try {
                orgId = DisambiguatedOrganization.of(source, orgIdText);
            } catch (IllegalArgumentException e) {
                check.error(source.equals(raw.get(Column.ORG_ID_SOURCE)) && e.getMessage().contains("source")
                        ? Column.ORG_ID_SOURCE : Column.ORG_ID, e.getMessage());
            }
        }
        PartialDate start = check.date(Column.START_DATE);
        PartialDate end = check.date(Column.END_DATE);
        String url = raw.get(Column.URL);
        if (url != null) {
            try {
                URI uri = new URI(url);
                if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                    check.error(Column.URL, "'" + url + "' is not an http or https URL");
                }
            } catch (URISyntaxException e) {
                check.error(Column.URL, "'" + url + "' is not a URL: " + e.getReason());
            }
        }
        List<ExternalId> externalIds = check.externalIds();
        if (errors.size() > before) {
            return Optional.empty();
        }
        Affiliation affiliation;
        try {
            Organization organization = new Organization(orgName, raw.get(Column.CITY), raw.get(Column.REGION),
                    country, orgId);
            affiliation = new Affiliation(kind, organization, raw.get(Column.DEPARTMENT), raw.get(Column.ROLE),
                    start, end, url, externalIds);
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(raw.line(), null, e.getMessage()));
            return Optional.empty();
        }
        for (AffiliationProblem problem : affiliation.check()) {
            check.error(column(problem.field()), problem.message());
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Column c : Column.values()) {
            String v = raw.get(c);
            if (v != null) {
                fields.put(c.header(), v);
            }
        }
        fields.put(Column.TYPE.header(), kind.value());
        fields.put(Column.ORG_ID.header(), orgId.identifier());
        fields.put(Column.ORG_ID_SOURCE.header(), orgId.source().name());
        if (country != null) {
            fields.put(Column.COUNTRY.header(), country.toUpperCase(Locale.ROOT));
        }
        if (orcid != null) {
            fields.put(Column.ORCID.header(), orcid.value());
        }
        return Optional.of(new AffiliationRow(raw.line(),
                new AffiliationRow.Person(orcid, email, raw.get(Column.NAME), raw.get(Column.PERSON_ID)),
                localKey, affiliation, fields));
    }

    private static Column column(String field) {
        return switch (field) {
            case "organization.city" -> Column.CITY;
            case "organization.country" -> Column.COUNTRY;
            case "organization.region" -> Column.REGION;
            case "organization.disambiguated" -> Column.ORG_ID;
            case "endDate" -> Column.END_DATE;
            case "startDate" -> Column.START_DATE;
            default -> Column.ORGANIZATION;
        };
    }

    /** The row being checked and where its problems go. */
    private record Check(RawRow raw, List<RowError> errors) {

        void error(Column column, String message) {
            errors.add(new RowError(raw.line(), column.header(), message));
        }

        String required(Column column, String what) {
            String v = raw.get(column);
            if (v == null) {
                error(column, "missing: " + what);
            }
            return v;
        }

        PartialDate date(Column column) {
            String v = raw.get(column);
            if (v == null) {
                return null;
            }
            try {
                return PartialDate.parse(v);
            } catch (IllegalArgumentException e) {
                error(column, "bad date: " + e.getMessage());
                return null;
            }
        }

        /** {@code type:value} pairs separated by {@code ;}, each a {@code self} id of the affiliation. */
        List<ExternalId> externalIds() {
            String v = raw.get(Column.EXTERNAL_IDS);
            List<ExternalId> ids = new ArrayList<>();
            if (v == null) {
                return ids;
            }
            for (String part : v.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                if (colon <= 0 || colon == part.strip().length() - 1) {
                    error(Column.EXTERNAL_IDS, "'" + part.strip() + "' is not type:value (e.g. grant_number:4711)");
                    continue;
                }
                ids.add(ExternalId.self(part.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        part.substring(colon + 1).strip()));
            }
            return ids;
        }
    }
}
