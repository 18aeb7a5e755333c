package org.pidlink.emulator.api;

import java.util.List;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.affiliations.Affiliation;
import org.pidlink.emulator.state.StoredAffiliation;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ORCID's v3.0 JSON read shapes of affiliations (orcid-api.md §11.2, §11.7): the item, the {@code {kind}-summary}
 * and the {@code {kinds}} container of {@code affiliation-group}s, keys in ORCID's order, absent optionals null.
 */
final class AffiliationJsonViews {

    private final JsonViews parts;

    AffiliationJsonViews(JsonViews parts) {
        this.parts = parts;
    }

    /** {@code GET /{kind}/{put-code}} and the PUT answer. */
    ObjectNode item(StoredAffiliation s, String orcid) {
        ObjectNode n = parts.object();
        meta(n, s);
        n.put("path", path(s, orcid));
        content(n, s);
        n.put("display-index", s.displayIndex());
        n.put("visibility", s.visibility().value());
        return n;
    }

    /** {@code {kind}-summary}: the item's keys in the summary's order (path last). */
    ObjectNode summary(StoredAffiliation s, String orcid) {
        ObjectNode n = parts.object();
        meta(n, s);
        content(n, s);
        n.put("display-index", s.displayIndex());
        n.put("visibility", s.visibility().value());
        n.put("path", path(s, orcid));
        return n;
    }

    /** {@code GET /{kinds}}, and one section of {@code activities-summary}. */
    ObjectNode section(AffiliationKind kind, List<AffiliationGroups.Group> groups, String orcid) {
        ObjectNode n = parts.object();
        var last = AffiliationGroups.lastModified(groups);
        n.set("last-modified-date", last == null ? null : parts.date(last));
        ArrayNode list = n.putArray("affiliation-group");
        for (AffiliationGroups.Group g : groups) {
            ObjectNode gn = list.addObject();
            gn.set("last-modified-date", parts.date(g.lastModified()));
            gn.set("external-ids", parts.externalIds(g.externalIds()));
            ArrayNode summaries = gn.putArray("summaries");
            for (StoredAffiliation s : g.members()) {
                summaries.addObject().set(kind.summaryKey(), summary(s, orcid));
            }
        }
        n.put("path", "/" + orcid + "/" + kind.section());
        return n;
    }

    private void meta(ObjectNode n, StoredAffiliation s) {
        n.set("created-date", parts.date(s.createdDate()));
        n.set("last-modified-date", parts.date(s.lastModifiedDate()));
        n.set("source", parts.source(s.sourceClientId()));
        n.put("put-code", s.putCode());
    }

    private void content(ObjectNode n, StoredAffiliation s) {
        Affiliation a = s.affiliation();
        JsonViews.putOrNull(n, "department-name", a.departmentName());
        JsonViews.putOrNull(n, "role-title", a.roleTitle());
        n.set("start-date", date(a.startDate()));
        n.set("end-date", date(a.endDate()));
        n.set("organization", organization(a.organization()));
        n.set("url", parts.valueOrNull(a.url()));
        n.set("external-ids", a.externalIds().isEmpty() ? null : parts.externalIds(a.externalIds()));
    }

    private ObjectNode date(Affiliation.FuzzyDate d) {
        return d == null ? null : parts.fuzzyDate(d.year(), d.month(), d.day());
    }

    private ObjectNode organization(Affiliation.Organization org) {
        if (org == null) {
            return null;
        }
        ObjectNode o = parts.object();
        o.put("name", org.name());
        ObjectNode address = o.putObject("address");
        JsonViews.putOrNull(address, "city", org.address().city());
        JsonViews.putOrNull(address, "region", org.address().region());
        JsonViews.putOrNull(address, "country", org.address().country());
        if (org.disambiguated() == null) {
            o.putNull("disambiguated-organization");
        } else {
            ObjectNode d = o.putObject("disambiguated-organization");
            d.put("disambiguated-organization-identifier", org.disambiguated().identifier());
            d.put("disambiguation-source", org.disambiguated().source());
        }
        return o;
    }

    static String path(StoredAffiliation s, String orcid) {
        return "/" + orcid + "/" + s.kind().value() + "/" + s.putCode();
    }
}
