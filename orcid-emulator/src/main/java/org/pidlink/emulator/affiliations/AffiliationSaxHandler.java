package org.pidlink.emulator.affiliations;

import java.util.ArrayList;
import java.util.List;
import org.pidlink.emulator.works.Work;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds an {@link Affiliation} from the SAX events of a {@code {kind}:{kind}} document. Elements are matched by
 * their path below the root (local names); read-only parts (source, dates) are ignored, as ORCID ignores them on
 * write.
 */
final class AffiliationSaxHandler extends DefaultHandler {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder path = new StringBuilder();
    private int depth = -1;
    private String rootName;
    private String rootNs;

    private Long putCode;
    private String visibility;
    private String department;
    private String roleTitle;
    private String[] start;
    private String[] end;
    private boolean organization;
    private boolean address;
    private boolean disambiguated;
    private String name;
    private String city;
    private String region;
    private String country;
    private String orgId;
    private String orgSource;
    private String url;
    private final List<Work.ExternalId> externalIds = new ArrayList<>();
    private String eidType;
    private String eidValue;
    private String eidUrl;
    private String eidRelationship;

    String rootName() {
        return rootName;
    }

    String rootNamespace() {
        return rootNs;
    }

    Affiliation affiliation() {
        Affiliation.Organization org = organization ? new Affiliation.Organization(name,
                address ? new Affiliation.Address(city, region, country) : null,
                disambiguated ? new Affiliation.DisambiguatedOrganization(orgId, orgSource) : null) : null;
        return new Affiliation(putCode, visibility, department, roleTitle, date(start), date(end), org, url,
                externalIds);
    }

    private static Affiliation.FuzzyDate date(String[] parts) {
        return parts == null ? null : new Affiliation.FuzzyDate(parts[0], parts[1], parts[2]);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        depth++;
        if (depth == 0) {
            rootName = localName;
            rootNs = uri;
            String pc = atts.getValue("put-code");
            if (pc != null) {
                try {
                    putCode = Long.parseLong(pc.trim());
                } catch (NumberFormatException e) {
                    putCode = -1L; // the schema refuses it first
                }
            }
            visibility = atts.getValue("visibility");
            return;
        }
        if (!path.isEmpty()) {
            path.append('/');
        }
        path.append(localName);
        text.setLength(0);
        switch (path.toString()) {
            case "start-date" -> start = new String[3];
            case "end-date" -> end = new String[3];
            case "organization" -> organization = true;
            case "organization/address" -> address = true;
            case "organization/disambiguated-organization" -> disambiguated = true;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int startAt, int length) {
        text.append(ch, startAt, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (depth-- == 0) {
            return;
        }
        String t = text.toString();
        switch (path.toString()) {
            case "department-name" -> department = t;
            case "role-title" -> roleTitle = t;
            case "start-date/year" -> start[0] = t;
            case "start-date/month" -> start[1] = t;
            case "start-date/day" -> start[2] = t;
            case "end-date/year" -> end[0] = t;
            case "end-date/month" -> end[1] = t;
            case "end-date/day" -> end[2] = t;
            case "organization/name" -> name = t;
            case "organization/address/city" -> city = t;
            case "organization/address/region" -> region = t;
            case "organization/address/country" -> country = t;
            case "organization/disambiguated-organization/disambiguated-organization-identifier" -> orgId = t;
            case "organization/disambiguated-organization/disambiguation-source" -> orgSource = t;
            case "url" -> url = t;
            case "external-ids/external-id/external-id-type" -> eidType = t;
            case "external-ids/external-id/external-id-value" -> eidValue = t;
            case "external-ids/external-id/external-id-url" -> eidUrl = t;
            case "external-ids/external-id/external-id-relationship" -> eidRelationship = t;
            case "external-ids/external-id" -> {
                externalIds.add(new Work.ExternalId(eidType, eidValue, eidUrl, eidRelationship));
                eidType = null;
                eidValue = null;
                eidUrl = null;
                eidRelationship = null;
            }
            default -> {
            }
        }
        int slash = path.lastIndexOf("/");
        path.setLength(Math.max(slash, 0));
        text.setLength(0);
    }
}
