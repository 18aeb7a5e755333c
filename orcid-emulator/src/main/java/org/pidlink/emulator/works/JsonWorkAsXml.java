package org.pidlink.emulator.works;

import static org.pidlink.emulator.schema.XmlOut.COMMON;
import static org.pidlink.emulator.schema.XmlOut.WORK;
import static org.pidlink.emulator.schema.JsonBinding.get;
import static org.pidlink.emulator.schema.JsonBinding.list;
import static org.pidlink.emulator.schema.JsonBinding.text;
import static org.pidlink.emulator.schema.JsonBinding.wrapped;

import org.pidlink.emulator.schema.XmlOut;
import org.pidlink.emulator.schema.XmlSink;
import tools.jackson.databind.JsonNode;

/**
 * Renders a JSON work (already structurally checked by {@link WorkJsonReader}) as the XML that ORCID's JAXB
 * classes would marshal from it: elements in the XSD's order whatever the JSON key order, absent and null
 * parts omitted, empty strings kept. Validating this against {@code work-3.0.xsd} is how a JSON body gets the
 * same schema check as an XML body (ORCID's {@code JSONInputValidator} does the same: marshal, then validate).
 */
public final class JsonWorkAsXml {

    private JsonWorkAsXml() {
    }

    /** The XML text (for diagnostics and tests). */
    public static byte[] render(JsonNode work) {
        XmlOut x = new XmlOut();
        write(work, x);
        return x.toBytes();
    }

    /** Writes the work's XML elements to a sink (a validator, in the hot path). */
    public static void write(JsonNode work, XmlSink x) {
        x.start(WORK, "work");
        JsonNode pc = get(work, "put-code");
        if (pc != null) {
            x.attr("put-code", pc.asString());
        }
        JsonNode vis = get(work, "visibility");
        if (vis != null) {
            x.attr("visibility", vis.asString());
        }
        JsonNode title = get(work, "title");
        if (title != null) {
            x.start(WORK, "title");
            x.leaf(COMMON, "title", wrapped(title, "title"));
            x.leaf(COMMON, "subtitle", wrapped(title, "subtitle"));
            JsonNode tt = get(title, "translated-title");
            if (tt != null) {
                x.start(COMMON, "translated-title");
                x.attr("language-code", text(tt, "language-code"));
                String v = text(tt, "value");
                if (v != null) {
                    x.text(v);
                }
                x.end();
            }
            x.end();
        }
        x.leaf(WORK, "journal-title", wrapped(work, "journal-title"));
        x.leaf(WORK, "short-description", text(work, "short-description"));
        JsonNode citation = get(work, "citation");
        if (citation != null) {
            x.start(WORK, "citation");
            x.leaf(WORK, "citation-type", text(citation, "citation-type"));
            x.leaf(WORK, "citation-value", text(citation, "citation-value"));
            x.end();
        }
        x.leaf(WORK, "type", text(work, "type"));
        JsonNode date = get(work, "publication-date");
        if (date != null) {
            x.start(COMMON, "publication-date");
            x.leaf(COMMON, "year", wrapped(date, "year"));
            x.leaf(COMMON, "month", wrapped(date, "month"));
            x.leaf(COMMON, "day", wrapped(date, "day"));
            x.end();
        }
        JsonNode ids = get(work, "external-ids");
        if (ids != null) {
            x.start(COMMON, "external-ids");
            for (JsonNode id : list(get(ids, "external-id"))) {
                x.start(COMMON, "external-id");
                x.leaf(COMMON, "external-id-type", text(id, "external-id-type"));
                x.leaf(COMMON, "external-id-value", text(id, "external-id-value"));
                x.leaf(COMMON, "external-id-url", wrapped(id, "external-id-url"));
                x.leaf(COMMON, "external-id-relationship", text(id, "external-id-relationship"));
                x.end();
            }
            x.end();
        }
        x.leaf(COMMON, "url", wrapped(work, "url"));
        JsonNode contributors = get(work, "contributors");
        if (contributors != null) {
            x.start(WORK, "contributors");
            for (JsonNode c : list(get(contributors, "contributor"))) {
                x.start(WORK, "contributor");
                JsonNode co = get(c, "contributor-orcid");
                if (co != null) {
                    x.start(COMMON, "contributor-orcid");
                    x.leaf(COMMON, "uri", text(co, "uri"));
                    x.leaf(COMMON, "path", text(co, "path"));
                    x.leaf(COMMON, "host", text(co, "host"));
                    x.end();
                }
                x.leaf(WORK, "credit-name", wrapped(c, "credit-name"));
                JsonNode email = get(c, "contributor-email");
                if (email != null) {
                    x.leaf(WORK, "contributor-email", email.isObject() ? text(email, "value") : email.asString());
                }
                JsonNode attrs = get(c, "contributor-attributes");
                if (attrs != null) {
                    x.start(WORK, "contributor-attributes");
                    x.leaf(WORK, "contributor-sequence", text(attrs, "contributor-sequence"));
                    x.leaf(WORK, "contributor-role", text(attrs, "contributor-role"));
                    x.end();
                }
                x.end();
            }
            x.end();
        }
        x.leaf(COMMON, "language-code", text(work, "language-code"));
        x.leaf(COMMON, "country", wrapped(work, "country"));
        x.end();
    }
}
