package org.pidlink.emulator.api;

import static org.pidlink.emulator.schema.XmlOut.ACTIVITIES;
import static org.pidlink.emulator.schema.XmlOut.COMMON;

import java.time.Instant;
import java.util.List;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.affiliations.AffiliationKind;
import org.pidlink.emulator.schema.XmlOut;
import org.pidlink.emulator.state.StoredAffiliation;

/**
 * ORCID's v3.0 XML read shapes of affiliations, valid against the v3.0 XSDs: {@code {kind}:{kind}},
 * {@code {kind}:{kind}-summary} and {@code activities:{kinds}} of {@code activities:affiliation-group}s
 * (orcid-api.md §11.2, §11.7). Attributes in ORCID's order: put-code, display-index, path, visibility.
 */
final class AffiliationXmlViews {

    private final XmlViews parts;

    AffiliationXmlViews(XmlViews parts) {
        this.parts = parts;
    }

    byte[] item(StoredAffiliation s, String orcid) {
        XmlOut x = new XmlOut(s.kind().namespace());
        write(x, s, orcid, s.kind().value());
        return x.toBytes();
    }

    byte[] summary(StoredAffiliation s, String orcid) {
        XmlOut x = new XmlOut(s.kind().namespace());
        write(x, s, orcid, s.kind().summaryElement());
        return x.toBytes();
    }

    byte[] section(AffiliationKind kind, List<AffiliationGroups.Group> groups, String orcid) {
        XmlOut x = new XmlOut(ACTIVITIES, kind.namespace());
        writeSection(x, kind, groups, orcid);
        return x.toBytes();
    }

    /** {@code <activities:{kinds} path="…">}: empty when there is nothing to show. */
    void writeSection(XmlOut x, AffiliationKind kind, List<AffiliationGroups.Group> groups, String orcid) {
        x.start(ACTIVITIES, kind.section()).attr("path", "/" + orcid + "/" + kind.section());
        Instant last = AffiliationGroups.lastModified(groups);
        if (last != null) {
            x.leaf(COMMON, "last-modified-date", XmlViews.instant(last));
        }
        for (AffiliationGroups.Group g : groups) {
            x.start(ACTIVITIES, "affiliation-group");
            x.leaf(COMMON, "last-modified-date", XmlViews.instant(g.lastModified()));
            parts.writeExternalIds(x, g.externalIds());
            for (StoredAffiliation s : g.members()) {
                write(x, s, orcid, kind.summaryElement());
            }
            x.end();
        }
        x.end();
    }

    private void write(XmlOut x, StoredAffiliation s, String orcid, String element) {
        Affiliation a = s.affiliation();
        x.start(s.kind().namespace(), element).attr("put-code", Long.toString(s.putCode()))
                .attr("display-index", s.displayIndex())
                .attr("path", AffiliationJsonViews.path(s, orcid))
                .attr("visibility", s.visibility().value());
        parts.writeMeta(x, s.createdDate(), s.lastModifiedDate(), s.sourceClientId());
        x.leaf(COMMON, "department-name", a.departmentName());
        x.leaf(COMMON, "role-title", a.roleTitle());
        if (a.startDate() != null) {
            XmlViews.writeFuzzyDate(x, "start-date", a.startDate().year(), a.startDate().month(), a.startDate().day());
        }
        if (a.endDate() != null) {
            XmlViews.writeFuzzyDate(x, "end-date", a.endDate().year(), a.endDate().month(), a.endDate().day());
        }
        Affiliation.Organization org = a.organization();
        if (org != null) {
            x.start(COMMON, "organization");
            x.leaf(COMMON, "name", org.name());
            x.start(COMMON, "address");
            x.leaf(COMMON, "city", org.address().city());
            x.leaf(COMMON, "region", org.address().region());
            x.leaf(COMMON, "country", org.address().country());
            x.end();
            if (org.disambiguated() != null) {
                x.start(COMMON, "disambiguated-organization");
                x.leaf(COMMON, "disambiguated-organization-identifier", org.disambiguated().identifier());
                x.leaf(COMMON, "disambiguation-source", org.disambiguated().source());
                x.end();
            }
            x.end();
        }
        x.leaf(COMMON, "url", a.url());
        if (!a.externalIds().isEmpty()) {
            parts.writeExternalIds(x, a.externalIds());
        }
        x.end();
    }
}
