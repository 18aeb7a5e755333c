package org.pidlink.emulator.affiliations;

import static org.pidlink.emulator.schema.XmlOut.COMMON;

import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.schema.XmlSink;
import org.pidlink.emulator.works.Work;

/**
 * Writes a submitted affiliation as the XML ORCID's JAXB classes would marshal from it (elements in the XSD's order,
 * absent parts omitted, empty strings kept). Validating this against {@code {kind}-3.0.xsd} is how a JSON body gets
 * the schema check an XML body gets (ORCID's {@code JSONInputValidator} marshals, then validates).
 */
public final class AffiliationAsXml {

    private AffiliationAsXml() {
    }

    public static void write(AffiliationKind kind, Affiliation a, XmlSink x) {
        x.start(kind.namespace(), kind.value());
        x.attr("put-code", a.putCode() == null ? null : a.putCode().toString());
        x.attr("visibility", a.visibility());
        writeContent(a, x);
        writeExternalIds(a, x);
        x.end();
    }

    /**
     * The affiliation's own elements, department to url, in the XSD's order: shared by this write shape and the read
     * shapes, which add the item's attributes and metadata before and the external ids after.
     */
    public static void writeContent(Affiliation a, XmlSink x) {
        x.leaf(COMMON, "department-name", a.departmentName());
        x.leaf(COMMON, "role-title", a.roleTitle());
        date(x, "start-date", a.startDate());
        date(x, "end-date", a.endDate());
        Affiliation.Organization org = a.organization();
        if (org != null) {
            x.start(COMMON, "organization");
            x.leaf(COMMON, "name", org.name());
            if (org.address() != null) {
                x.start(COMMON, "address");
                x.leaf(COMMON, "city", org.address().city());
                x.leaf(COMMON, "region", org.address().region());
                x.leaf(COMMON, "country", org.address().country());
                x.end();
            }
            if (org.disambiguated() != null) {
                x.start(COMMON, "disambiguated-organization");
                x.leaf(COMMON, "disambiguated-organization-identifier", org.disambiguated().identifier());
                x.leaf(COMMON, "disambiguation-source", org.disambiguated().source());
                x.end();
            }
            x.end();
        }
        x.leaf(COMMON, "url", a.url());
    }

    private static void writeExternalIds(Affiliation a, XmlSink x) {
        if (!a.externalIds().isEmpty()) {
            x.start(COMMON, "external-ids");
            for (Work.ExternalId id : a.externalIds()) {
                x.start(COMMON, "external-id");
                x.leaf(COMMON, "external-id-type", id.type());
                x.leaf(COMMON, "external-id-value", id.value());
                x.leaf(COMMON, "external-id-url", id.url());
                x.leaf(COMMON, "external-id-relationship", id.relationship());
                x.end();
            }
            x.end();
        }
    }

    private static void date(XmlSink x, String element, Affiliation.FuzzyDate d) {
        if (d == null) {
            return;
        }
        x.start(COMMON, element);
        x.leaf(COMMON, "year", d.year());
        x.leaf(COMMON, "month", d.month());
        x.leaf(COMMON, "day", d.day());
        x.end();
    }
}
