package org.pidlink.emulator.api;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.works.Work;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ORCID's v3.0 JSON read shapes (orcid-api.md §3.2, §3.6, §3.8, §4.1): keys in ORCID's order, absent optionals
 * as {@code null}, timestamps as {@code {"value": epochMillis}}, put-code a number, display-index a string.
 */
final class JsonViews {

    static final String HOST = "orcid.org";

    private final Supplier<JsonMapper> json;
    private final ExternalIdNormalizer normalizer;
    private final Function<String, String> clientName;

    JsonViews(Supplier<JsonMapper> json, ExternalIdNormalizer normalizer, Function<String, String> clientName) {
        this.json = json;
        this.normalizer = normalizer;
        this.clientName = clientName;
    }

    byte[] bytes(ObjectNode n) {
        return json.get().writeValueAsBytes(n);
    }

    ObjectNode work(StoredWork s, String orcid, boolean withPath) {
        Work w = s.work();
        ObjectNode n = json.get().createObjectNode();
        n.set("created-date", date(s.createdDate()));
        n.set("last-modified-date", date(s.lastModifiedDate()));
        n.set("source", source(s.sourceClientId()));
        n.put("put-code", s.putCode());
        if (withPath) {
            n.put("path", "/" + orcid + "/work/" + s.putCode());
        } else {
            n.putNull("path");
        }
        n.set("title", title(w));
        n.set("journal-title", valueOrNull(w.journalTitle()));
        putOrNull(n, "short-description", w.shortDescription());
        if (w.citation() == null) {
            n.putNull("citation");
        } else {
            ObjectNode c = n.putObject("citation");
            putOrNull(c, "citation-type", w.citation().type());
            putOrNull(c, "citation-value", w.citation().value());
        }
        n.put("type", w.type());
        n.set("publication-date", publicationDate(w.publicationDate()));
        n.set("external-ids", externalIds(w.externalIds()));
        n.set("url", valueOrNull(w.url()));
        ObjectNode contributors = n.putObject("contributors");
        ArrayNode list = contributors.putArray("contributor");
        for (Work.Contributor c : w.contributors()) {
            ObjectNode cn = list.addObject();
            if (c.orcidUri() == null && c.orcidPath() == null) {
                cn.putNull("contributor-orcid");
            } else {
                ObjectNode co = cn.putObject("contributor-orcid");
                putOrNull(co, "uri", c.orcidUri());
                putOrNull(co, "path", c.orcidPath());
                putOrNull(co, "host", c.orcidHost());
            }
            cn.set("credit-name", valueOrNull(c.creditName()));
            cn.putNull("contributor-email");
            if (c.sequence() == null && c.role() == null) {
                cn.putNull("contributor-attributes");
            } else {
                ObjectNode a = cn.putObject("contributor-attributes");
                putOrNull(a, "contributor-sequence", c.sequence());
                putOrNull(a, "contributor-role", c.role());
            }
        }
        putOrNull(n, "language-code", w.languageCode());
        n.set("country", valueOrNull(w.country()));
        n.put("visibility", s.visibility().value());
        return n;
    }

    ObjectNode summary(StoredWork s, String orcid) {
        Work w = s.work();
        ObjectNode n = json.get().createObjectNode();
        n.put("put-code", s.putCode());
        n.set("created-date", date(s.createdDate()));
        n.set("last-modified-date", date(s.lastModifiedDate()));
        n.set("source", source(s.sourceClientId()));
        n.set("title", title(w));
        n.set("external-ids", externalIds(w.externalIds()));
        n.set("url", valueOrNull(w.url()));
        n.put("type", w.type());
        n.set("publication-date", publicationDate(w.publicationDate()));
        n.set("journal-title", valueOrNull(w.journalTitle()));
        n.put("visibility", s.visibility().value());
        n.put("path", "/" + orcid + "/work/" + s.putCode());
        n.put("display-index", "0");
        return n;
    }

    /** A new empty object. */
    ObjectNode object() {
        return json.get().createObjectNode();
    }

    ObjectNode works(List<WorkGroups.Group> groups, String orcid) {
        ObjectNode n = json.get().createObjectNode();
        Instant last = null;
        for (WorkGroups.Group g : groups) {
            if (last == null || g.lastModified().isAfter(last)) {
                last = g.lastModified();
            }
        }
        n.set("last-modified-date", last == null ? null : date(last));
        ArrayNode list = n.putArray("group");
        for (WorkGroups.Group g : groups) {
            ObjectNode gn = list.addObject();
            gn.set("last-modified-date", date(g.lastModified()));
            gn.set("external-ids", externalIds(g.externalIds()));
            ArrayNode summaries = gn.putArray("work-summary");
            for (StoredWork s : g.works()) {
                summaries.add(summary(s, orcid));
            }
        }
        n.put("path", "/" + orcid + "/works");
        return n;
    }

    /** Items are {@link StoredWork}s or {@link OrcidError}s, in order. */
    ObjectNode bulk(List<Object> items, String orcid, boolean withPath) {
        ObjectNode n = json.get().createObjectNode();
        ArrayNode list = n.putArray("bulk");
        for (Object item : items) {
            ObjectNode e = list.addObject();
            if (item instanceof StoredWork s) {
                e.set("work", work(s, orcid, withPath));
            } else {
                e.set("error", OrcidErrorBody.json(json.get(), (OrcidError) item));
            }
        }
        return n;
    }

    // ---- parts -------------------------------------------------------------------------------------------

    private ObjectNode title(Work w) {
        ObjectNode t = json.get().createObjectNode();
        t.set("title", valueOrNull(w.title()));
        t.set("subtitle", valueOrNull(w.subtitle()));
        if (w.translatedTitle() == null) {
            t.putNull("translated-title");
        } else {
            ObjectNode tt = t.putObject("translated-title");
            putOrNull(tt, "value", w.translatedTitle().value());
            putOrNull(tt, "language-code", w.translatedTitle().languageCode());
        }
        return t;
    }

    private ObjectNode publicationDate(Work.PublicationDate d) {
        return d == null ? null : fuzzyDate(d.year(), d.month(), d.day());
    }

    /** {@code {"year":{"value":…},"month":…,"day":…}}, absent parts null. */
    ObjectNode fuzzyDate(String year, String month, String day) {
        ObjectNode n = json.get().createObjectNode();
        n.set("year", valueOrNull(year));
        n.set("month", valueOrNull(month));
        n.set("day", valueOrNull(day));
        return n;
    }

    ObjectNode externalIds(List<Work.ExternalId> ids) {
        ObjectNode n = json.get().createObjectNode();
        ArrayNode list = n.putArray("external-id");
        for (Work.ExternalId id : ids) {
            ObjectNode e = list.addObject();
            e.put("external-id-type", id.type());
            e.put("external-id-value", id.value());
            String normalized = normalizer.normalize(id.type(), id.value());
            if (normalized == null || normalized.isEmpty()) {
                e.putNull("external-id-normalized");
                ObjectNode err = e.putObject("external-id-normalized-error");
                err.put("error-code", "8001");
                err.put("error-message", "Cannot normalize identifier value " + id.type() + ":" + id.value());
                err.put("transient", true);
            } else {
                ObjectNode nv = e.putObject("external-id-normalized");
                nv.put("value", normalized);
                nv.put("transient", true);
                e.putNull("external-id-normalized-error");
            }
            e.set("external-id-url", valueOrNull(id.url()));
            putOrNull(e, "external-id-relationship", id.relationship());
        }
        return n;
    }

    ObjectNode source(String clientId) {
        ObjectNode s = json.get().createObjectNode();
        if (MemberApiGate.ORCID_ID.matcher(clientId).matches()) {
            // The researcher added the item herself on orcid.org: a user source (self-asserted, orcid-api.md §13).
            ObjectNode o = s.putObject("source-orcid");
            o.put("uri", "https://" + HOST + "/" + clientId);
            o.put("path", clientId);
            o.put("host", HOST);
            s.putNull("source-client-id");
            s.set("source-name", valueOrNull(clientName.apply(clientId)));
            s.putNull("assertion-origin-orcid");
            s.putNull("assertion-origin-client-id");
            s.putNull("assertion-origin-name");
            return s;
        }
        s.putNull("source-orcid");
        ObjectNode c = s.putObject("source-client-id");
        c.put("uri", "https://" + HOST + "/client/" + clientId);
        c.put("path", clientId);
        c.put("host", HOST);
        s.set("source-name", valueOrNull(clientName.apply(clientId)));
        s.putNull("assertion-origin-orcid");
        s.putNull("assertion-origin-client-id");
        s.putNull("assertion-origin-name");
        return s;
    }

    ObjectNode date(Instant i) {
        ObjectNode n = json.get().createObjectNode();
        n.put("value", i.toEpochMilli());
        return n;
    }

    ObjectNode valueOrNull(String v) {
        if (v == null) {
            return null;
        }
        ObjectNode n = json.get().createObjectNode();
        n.put("value", v);
        return n;
    }

    static void putOrNull(ObjectNode n, String field, String v) {
        if (v == null) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }
}
