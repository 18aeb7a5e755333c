package org.pidlink.emulator.works;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds {@link Work}s from the SAX events of a {@code work:work} document or of a {@code bulk:bulk} holding
 * several. Elements are matched by their path below {@code work:work} (local names); read-only parts
 * (source, dates) are ignored, as ORCID ignores them on write.
 */
final class WorkSaxHandler extends DefaultHandler {

    static final String WORK_NS = "http://www.orcid.org/ns/work";

    private final List<Work> works = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder path = new StringBuilder();
    private WorkBuilder current;
    private int depthInWork;
    private String rootName;
    private String rootNs;

    List<Work> works() {
        return works;
    }

    String rootName() {
        return rootName;
    }

    String rootNamespace() {
        return rootNs;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (rootName == null) {
            rootName = localName;
            rootNs = uri;
        }
        if (current == null) {
            if (WORK_NS.equals(uri) && localName.equals("work")) {
                current = new WorkBuilder();
                depthInWork = 0;
                path.setLength(0);
                String pc = atts.getValue("put-code");
                if (pc != null) {
                    current.putCode = parsePutCode(pc);
                }
                current.visibility = atts.getValue("visibility");
            }
            return;
        }
        depthInWork++;
        if (!path.isEmpty()) {
            path.append('/');
        }
        path.append(localName);
        text.setLength(0);
        switch (path.toString()) {
            case "title/translated-title" -> {
                current.hasTranslatedTitle = true;
                current.translatedTitleLanguage = atts.getValue("language-code");
            }
            case "citation" -> current.hasCitation = true;
            case "publication-date" -> current.hasPublicationDate = true;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (current != null) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (current == null) {
            return;
        }
        if (depthInWork == 0) {
            works.add(current.build());
            current = null;
            return;
        }
        String p = path.toString();
        String t = text.toString();
        WorkBuilder w = current;
        switch (p) {
            case "title/title" -> w.title = t;
            case "title/subtitle" -> w.subtitle = t;
            case "title/translated-title" -> w.translatedTitle = t;
            case "journal-title" -> w.journalTitle = t;
            case "short-description" -> w.shortDescription = t;
            case "citation/citation-type" -> w.citationType = t;
            case "citation/citation-value" -> w.citationValue = t;
            case "type" -> w.type = t;
            case "publication-date/year" -> w.year = t;
            case "publication-date/month" -> w.month = t;
            case "publication-date/day" -> w.day = t;
            case "external-ids/external-id/external-id-type" -> w.eidType = t;
            case "external-ids/external-id/external-id-value" -> w.eidValue = t;
            case "external-ids/external-id/external-id-url" -> w.eidUrl = t;
            case "external-ids/external-id/external-id-relationship" -> w.eidRelationship = t;
            case "external-ids/external-id" -> w.endExternalId();
            case "url" -> w.url = t;
            case "contributors/contributor/contributor-orcid/uri" -> w.cUri = t;
            case "contributors/contributor/contributor-orcid/path" -> w.cPath = t;
            case "contributors/contributor/contributor-orcid/host" -> w.cHost = t;
            case "contributors/contributor/credit-name" -> w.cCreditName = t;
            case "contributors/contributor/contributor-email" -> w.cEmail = t;
            case "contributors/contributor/contributor-attributes/contributor-sequence" -> w.cSequence = t;
            case "contributors/contributor/contributor-attributes/contributor-role" -> w.cRole = t;
            case "contributors/contributor" -> w.endContributor();
            case "language-code" -> w.languageCode = t;
            case "country" -> w.country = t;
            default -> {
            }
        }
        int slash = path.lastIndexOf("/");
        path.setLength(Math.max(slash, 0));
        depthInWork--;
        text.setLength(0);
    }

    private static Long parsePutCode(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
