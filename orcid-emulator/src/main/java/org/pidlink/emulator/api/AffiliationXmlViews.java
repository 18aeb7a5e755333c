package org.pidlink.emulator.api;

import static org.pidlink.emulator.schema.XmlOut.ACTIVITIES;
import static org.pidlink.emulator.schema.XmlOut.COMMON;

import java.time.Instant;
import java.util.List;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.affiliations.AffiliationAsXml;
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
        write(x, s, orcid, s.kind().summaryKey());
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
                write(x, s, orcid, kind.summaryKey());
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
        // Stored content always has an address (ORCID reads one back even when none was sent).
        AffiliationAsXml.writeContent(a, x);
        if (!a.externalIds().isEmpty()) {
            parts.writeExternalIds(x, a.externalIds());
        }
        x.end();
    }
}
