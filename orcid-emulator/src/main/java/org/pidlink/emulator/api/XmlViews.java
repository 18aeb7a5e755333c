package org.pidlink.emulator.api;

import static org.pidlink.emulator.schema.XmlOut.ACTIVITIES;
import static org.pidlink.emulator.schema.XmlOut.BULK;
import static org.pidlink.emulator.schema.XmlOut.COMMON;
import static org.pidlink.emulator.schema.XmlOut.ERROR;
import static org.pidlink.emulator.schema.XmlOut.WORK;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.pidlink.core.identifiers.ExternalIdNormalizer;
import org.pidlink.emulator.state.StoredWork;
import org.pidlink.emulator.works.Work;
import org.pidlink.emulator.schema.XmlOut;

/** ORCID's v3.0 XML read shapes of works, valid against the v3.0 XSDs (work, activities, bulk, error). */
final class XmlViews {

    private final ExternalIdNormalizer normalizer;
    private final Function<String, String> clientName;

    XmlViews(ExternalIdNormalizer normalizer, Function<String, String> clientName) {
        this.normalizer = normalizer;
        this.clientName = clientName;
    }

    byte[] work(StoredWork s, String orcid, boolean withPath) {
        XmlOut x = new XmlOut();
        writeWork(x, s, orcid, withPath);
        return x.toBytes();
    }

    byte[] summary(StoredWork s, String orcid) {
        XmlOut x = new XmlOut();
        writeSummary(x, s, orcid);
        return x.toBytes();
    }

    byte[] works(List<WorkGroups.Group> groups, String orcid) {
        XmlOut x = new XmlOut(ACTIVITIES);
        writeWorks(x, groups, orcid);
        return x.toBytes();
    }

    byte[] bulk(List<Object> items, String orcid, boolean withPath) {
        XmlOut x = new XmlOut(BULK, ERROR);
        x.start(BULK, "bulk");
        for (Object item : items) {
            if (item instanceof StoredWork s) {
                writeWork(x, s, orcid, withPath);
            } else {
                OrcidErrorBody.xml(x, (OrcidError) item);
            }
        }
        x.end();
        return x.toBytes();
    }

    // ---- parts -------------------------------------------------------------------------------------------

    void writeWorks(XmlOut x, List<WorkGroups.Group> groups, String orcid) {
        x.start(ACTIVITIES, "works").attr("path", "/" + orcid + "/works");
        Instant last = null;
        for (WorkGroups.Group g : groups) {
            if (last == null || g.lastModified().isAfter(last)) {
                last = g.lastModified();
            }
        }
        if (last != null) {
            x.leaf(COMMON, "last-modified-date", instant(last));
        }
        for (WorkGroups.Group g : groups) {
            x.start(ACTIVITIES, "group");
            x.leaf(COMMON, "last-modified-date", instant(g.lastModified()));
            writeExternalIds(x, g.externalIds());
            for (StoredWork s : g.works()) {
                writeSummary(x, s, orcid);
            }
            x.end();
        }
        x.end();
    }

    private void writeWork(XmlOut x, StoredWork s, String orcid, boolean withPath) {
        Work w = s.work();
        x.start(WORK, "work").attr("put-code", Long.toString(s.putCode()))
                .attr("path", withPath ? "/" + orcid + "/work/" + s.putCode() : null)
                .attr("visibility", s.visibility().value());
        writeMeta(x, s);
        writeTitle(x, w);
        x.leaf(WORK, "journal-title", w.journalTitle());
        x.leaf(WORK, "short-description", w.shortDescription());
        if (w.citation() != null) {
            x.start(WORK, "citation");
            x.leaf(WORK, "citation-type", w.citation().type());
            x.leaf(WORK, "citation-value", w.citation().value());
            x.end();
        }
        x.leaf(WORK, "type", w.type());
        writeDate(x, w.publicationDate());
        writeExternalIds(x, w.externalIds());
        x.leaf(COMMON, "url", w.url());
        x.start(WORK, "contributors");
        for (Work.Contributor c : w.contributors()) {
            x.start(WORK, "contributor");
            if (c.orcidUri() != null || c.orcidPath() != null) {
                x.start(COMMON, "contributor-orcid");
                x.leaf(COMMON, "uri", c.orcidUri());
                x.leaf(COMMON, "path", c.orcidPath());
                x.leaf(COMMON, "host", c.orcidHost());
                x.end();
            }
            x.leaf(WORK, "credit-name", c.creditName());
            if (c.sequence() != null || c.role() != null) {
                x.start(WORK, "contributor-attributes");
                x.leaf(WORK, "contributor-sequence", c.sequence());
                x.leaf(WORK, "contributor-role", c.role());
                x.end();
            }
            x.end();
        }
        x.end();
        x.leaf(COMMON, "language-code", w.languageCode());
        x.leaf(COMMON, "country", w.country());
        x.end();
    }

    private void writeSummary(XmlOut x, StoredWork s, String orcid) {
        Work w = s.work();
        x.start(WORK, "work-summary").attr("put-code", Long.toString(s.putCode()))
                .attr("path", "/" + orcid + "/work/" + s.putCode()).attr("visibility", s.visibility().value())
                .attr("display-index", "0");
        writeMeta(x, s);
        writeTitle(x, w);
        writeExternalIds(x, w.externalIds());
        x.leaf(COMMON, "url", w.url());
        x.leaf(WORK, "type", w.type());
        writeDate(x, w.publicationDate());
        x.leaf(WORK, "journal-title", w.journalTitle());
        x.end();
    }

    private void writeMeta(XmlOut x, StoredWork s) {
        writeMeta(x, s.createdDate(), s.lastModifiedDate(), s.sourceClientId());
    }

    /** created-date, last-modified-date and source, as every activity item starts. */
    void writeMeta(XmlOut x, Instant created, Instant lastModified, String sourceClientId) {
        x.leaf(COMMON, "created-date", instant(created));
        x.leaf(COMMON, "last-modified-date", instant(lastModified));
        x.start(COMMON, "source");
        if (MemberApiGate.ORCID_ID.matcher(sourceClientId).matches()) {
            x.start(COMMON, "source-orcid");
            x.leaf(COMMON, "uri", "https://" + JsonViews.HOST + "/" + sourceClientId);
            x.leaf(COMMON, "path", sourceClientId);
            x.leaf(COMMON, "host", JsonViews.HOST);
            x.end();
            x.leaf(COMMON, "source-name", clientName.apply(sourceClientId));
            x.end();
            return;
        }
        x.start(COMMON, "source-client-id");
        x.leaf(COMMON, "uri", "https://" + JsonViews.HOST + "/client/" + sourceClientId);
        x.leaf(COMMON, "path", sourceClientId);
        x.leaf(COMMON, "host", JsonViews.HOST);
        x.end();
        x.leaf(COMMON, "source-name", clientName.apply(sourceClientId));
        x.end();
    }

    private void writeTitle(XmlOut x, Work w) {
        x.start(WORK, "title");
        x.leaf(COMMON, "title", w.title());
        x.leaf(COMMON, "subtitle", w.subtitle());
        if (w.translatedTitle() != null) {
            x.start(COMMON, "translated-title").attr("language-code", w.translatedTitle().languageCode());
            if (w.translatedTitle().value() != null) {
                x.text(w.translatedTitle().value());
            }
            x.end();
        }
        x.end();
    }

    private void writeDate(XmlOut x, Work.PublicationDate d) {
        if (d != null) {
            writeFuzzyDate(x, "publication-date", d.year(), d.month(), d.day());
        }
    }

    /** A {@code common:fuzzy-date} element ({@code publication-date}, {@code start-date}, {@code end-date}). */
    static void writeFuzzyDate(XmlOut x, String element, String year, String month, String day) {
        x.start(COMMON, element);
        x.leaf(COMMON, "year", year);
        x.leaf(COMMON, "month", month);
        x.leaf(COMMON, "day", day);
        x.end();
    }

    void writeExternalIds(XmlOut x, List<Work.ExternalId> ids) {
        x.start(COMMON, "external-ids");
        for (Work.ExternalId id : ids) {
            x.start(COMMON, "external-id");
            x.leaf(COMMON, "external-id-type", id.type());
            x.leaf(COMMON, "external-id-value", id.value());
            String normalized = normalizer.normalize(id.type(), id.value());
            if (normalized == null || normalized.isEmpty()) {
                x.start(COMMON, "external-id-normalized-error").attr("transient", "true");
                x.leaf(COMMON, "error-code", "8001");
                x.leaf(COMMON, "error-message", "Cannot normalize identifier value " + id.type() + ":" + id.value());
                x.end();
            } else {
                x.start(COMMON, "external-id-normalized").attr("transient", "true").text(normalized).end();
            }
            x.leaf(COMMON, "external-id-url", id.url());
            x.leaf(COMMON, "external-id-relationship", id.relationship());
            x.end();
        }
        x.end();
    }

    /** xs:dateTime with milliseconds, as ORCID writes them (JSON carries epoch milliseconds). */
    static String instant(Instant i) {
        return i.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }
}
