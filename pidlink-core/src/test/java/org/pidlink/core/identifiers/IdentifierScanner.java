package org.pidlink.core.identifiers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deliberately lenient scan for every ORCID-looking and DOI-looking value in a metadata file, by regular
 * expression over XML text and by a walk over JSON trees (decoding DataCite's base64 {@code attributes.xml}
 * and scanning it as XML). It does not share code with the metadata readers, so it can check them and the
 * parsers against the raw files.
 */
final class IdentifierScanner {

    enum Kind { ORCID, DOI }

    /** One value found in a file; {@code raw} is null when an ORCID-scheme entry has no value at all. */
    record Found(Kind kind, String where, String raw) {
    }

    private static final String P = "(?:[\\w.-]+:)?";
    private static final Pattern NAME_IDENTIFIER = Pattern.compile(
            "<" + P + "nameIdentifier\\b([^>]*?)(?:/>|>([^<]*)</" + P + "nameIdentifier\\s*>)");
    private static final Pattern CROSSREF_ORCID = Pattern.compile("<" + P + "ORCID\\b[^>]*?(?:/>|>([^<]*)</" + P + "ORCID\\s*>)");
    private static final Pattern XML_DOI_IDENTIFIER = Pattern.compile(
            "<" + P + "(identifier|alternateIdentifier|relatedIdentifier)\\b([^>]*)>([^<]*)</", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_DOI = Pattern.compile(
            "\\b(?:identifierType|alternateIdentifierType|relatedIdentifierType)\\s*=\\s*[\"']DOI[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern CROSSREF_DOI = Pattern.compile("<" + P + "doi>([^<]*)</" + P + "doi>");
    private static final Pattern JSON_ORCID_FALLBACK = Pattern.compile("\"(?:ORCID|orcid)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final JsonMapper json = JsonMapper.builder().build();

    List<Found> scan(String fileName, String text) {
        List<Found> found = new ArrayList<>();
        if (fileName.endsWith(".json")) {
            try {
                walkJson(json.readTree(text), "", found);
            } catch (JacksonException notJson) {
                Matcher m = JSON_ORCID_FALLBACK.matcher(text);
                while (m.find()) {
                    found.add(new Found(Kind.ORCID, "json text ORCID", m.group(1).replace("\\/", "/")));
                }
            }
        } else {
            scanXml(text, "xml", found);
        }
        return found;
    }

    private void scanXml(String text, String where, List<Found> found) {
        Matcher m = NAME_IDENTIFIER.matcher(text);
        while (m.find()) {
            String attributes = m.group(1);
            String content = m.group(2) == null ? "" : XmlEntities.unescapeOnce(m.group(2));
            if (attributes.toLowerCase(Locale.ROOT).contains("orcid") || content.toLowerCase(Locale.ROOT).contains("orcid")) {
                found.add(new Found(Kind.ORCID, where + " nameIdentifier", content));
            }
        }
        m = CROSSREF_ORCID.matcher(text);
        while (m.find()) {
            found.add(new Found(Kind.ORCID, where + " ORCID", m.group(1) == null ? "" : XmlEntities.unescapeOnce(m.group(1))));
        }
        m = XML_DOI_IDENTIFIER.matcher(text);
        while (m.find()) {
            if (TYPE_DOI.matcher(m.group(2)).find()) {
                found.add(new Found(Kind.DOI, where + " " + m.group(1), XmlEntities.unescapeOnce(m.group(3))));
            }
        }
        m = CROSSREF_DOI.matcher(text);
        while (m.find()) {
            found.add(new Found(Kind.DOI, where + " doi", XmlEntities.unescapeOnce(m.group(1))));
        }
    }

    private void walkJson(JsonNode node, String path, List<Found> found) {
        if (node.isArray()) {
            for (JsonNode element : node.values()) {
                walkJson(element, path + "[]", found);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String scheme = text(node.get("nameIdentifierScheme")) + " " + text(node.get("schemeUri")) + " " + text(node.get("schemeURI"));
        JsonNode nameIdentifier = node.get("nameIdentifier");
        boolean orcidScheme = scheme.toLowerCase(Locale.ROOT).contains("orcid");
        if (orcidScheme || text(nameIdentifier).toLowerCase(Locale.ROOT).contains("orcid")) {
            found.add(new Found(Kind.ORCID, "json " + path + ".nameIdentifier",
                    nameIdentifier == null || nameIdentifier.isNull() ? null : nameIdentifier.asString()));
        }
        boolean doiTyped = "doi".equalsIgnoreCase(text(node.get("identifierType")))
                || "doi".equalsIgnoreCase(text(node.get("relatedIdentifierType")))
                || "doi".equalsIgnoreCase(text(node.get("alternateIdentifierType")));
        boolean dataciteDoiResource = "dois".equals(text(node.get("type")));
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            String at = "json " + path + "." + key;
            if (value.isString()) {
                switch (key) {
                    case "ORCID", "orcid" -> found.add(new Found(Kind.ORCID, at, value.asString()));
                    case "DOI", "doi" -> found.add(new Found(Kind.DOI, at, value.asString()));
                    case "id" -> {
                        if (dataciteDoiResource) {
                            found.add(new Found(Kind.DOI, at, value.asString()));
                        }
                    }
                    case "identifier", "relatedIdentifier", "alternateIdentifier" -> {
                        if (doiTyped || (key.equals("identifier") && path.endsWith("attributes"))) {
                            found.add(new Found(Kind.DOI, at, value.asString()));
                        }
                    }
                    case "xml" -> scanXml(decodeBase64(value.asString()), at, found);
                    default -> {
                    }
                }
            } else {
                walkJson(value, path + "." + key, found);
            }
        }
    }

    private static String decodeBase64(String value) {
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException plainText) {
            return value;
        }
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : "";
    }
}
