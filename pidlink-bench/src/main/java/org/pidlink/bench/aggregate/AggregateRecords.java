package org.pidlink.bench.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.pidlink.core.identifiers.OrcidId;

/**
 * The DataCite metadata of a {@link Population}'s DOIs, as the DataCite REST API serves a DOI (one JSON Lines line):
 * JSON attributes, or for one DOI in four the DataCite XML embedded as base64 in {@code attributes.xml} (as the API
 * does with {@code ?affiliation=true&publisher=true}). Creators are the researchers that are not contributor-only,
 * plus up to two creators without an iD (at least one creator, at most 50); contributor-only researchers are
 * {@code DataCollector} contributors; some records add a creator whose iD fails its checksum.
 */
final class AggregateRecords {

    private static final String[] TYPES = {"Dataset", "Dataset", "Dataset", "Text", "Software", "Collection"};

    private final Population population;
    private final List<String> orcids;

    /** @param orcids the researchers' iDs, by index */
    AggregateRecords(Population population, List<String> orcids) {
        if (orcids.size() != population.researchers()) {
            throw new IllegalArgumentException(orcids.size() + " iDs for " + population.researchers() + " researchers");
        }
        this.population = population;
        this.orcids = orcids;
    }

    static String doi(int doi) {
        return "10.5072/aggregate." + doi;
    }

    /** One person of a record. */
    private record Named(String family, String given, String orcid, boolean contributor) {
    }

    /** DOI {@code doi}'s record as one line of DataCite REST JSON (without the line break). */
    String jsonLine(int doi) {
        List<Named> people = people(doi);
        String name = doi(doi);
        String title = "Series " + doi + " of station " + (doi % 977) + ", measurements " + population.year(doi);
        String type = TYPES[doi % TYPES.length];
        if (population.asXml(doi)) {
            String xml = xml(name, title, type, people);
            return "{\"data\":{\"id\":\"" + name + "\",\"type\":\"dois\",\"attributes\":{\"doi\":\"" + name
                    + "\",\"state\":\"findable\",\"xml\":\""
                    + Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)) + "\",\"url\":"
                    + "\"https://example.org/" + name + "\"}}}";
        }
        StringBuilder creators = new StringBuilder();
        StringBuilder contributors = new StringBuilder();
        for (Named p : people) {
            StringBuilder to = p.contributor() ? contributors : creators;
            if (!to.isEmpty()) {
                to.append(',');
            }
            to.append("{\"name\":\"").append(p.family()).append(", ").append(p.given())
                    .append("\",\"nameType\":\"Personal\",\"givenName\":\"").append(p.given())
                    .append("\",\"familyName\":\"").append(p.family()).append('"');
            if (p.contributor()) {
                to.append(",\"contributorType\":\"DataCollector\"");
            }
            to.append(",\"nameIdentifiers\":[");
            if (p.orcid() != null) {
                to.append("{\"nameIdentifier\":\"https://orcid.org/").append(p.orcid())
                        .append("\",\"nameIdentifierScheme\":\"ORCID\",\"schemeUri\":\"https://orcid.org\"}");
            }
            to.append("]}");
        }
        return "{\"data\":{\"id\":\"" + name + "\",\"type\":\"dois\",\"attributes\":{\"doi\":\"" + name
                + "\",\"state\":\"findable\",\"titles\":[{\"title\":\"" + title + "\"}],\"creators\":[" + creators
                + "],\"contributors\":[" + contributors + "],\"publisher\":\"pidlink aggregate bench\","
                + "\"publicationYear\":" + population.year(doi) + ",\"types\":{\"resourceTypeGeneral\":\"" + type
                + "\",\"resourceType\":\"Measurements\"},\"url\":\"https://example.org/" + name + "\"}}}";
    }

    private static String xml(String doi, String title, String type, List<Named> people) {
        StringBuilder creators = new StringBuilder();
        StringBuilder contributors = new StringBuilder();
        for (Named p : people) {
            String element = p.contributor() ? "contributor" : "creator";
            StringBuilder to = p.contributor() ? contributors : creators;
            to.append("    <").append(element);
            if (p.contributor()) {
                to.append(" contributorType=\"DataCollector\"");
            }
            to.append("><").append(element).append("Name nameType=\"Personal\">").append(p.family()).append(", ")
                    .append(p.given()).append("</").append(element).append("Name><givenName>").append(p.given())
                    .append("</givenName><familyName>").append(p.family()).append("</familyName>");
            if (p.orcid() != null) {
                to.append("<nameIdentifier nameIdentifierScheme=\"ORCID\" schemeURI=\"https://orcid.org\">")
                        .append(p.orcid()).append("</nameIdentifier>");
            }
            to.append("</").append(element).append(">\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<resource xmlns=\"http://datacite.org/schema/kernel-4\">\n"
                + "  <identifier identifierType=\"DOI\">" + doi + "</identifier>\n  <creators>\n" + creators
                + "  </creators>\n  <titles><title>" + title + "</title></titles>\n"
                + "  <publisher>pidlink aggregate bench</publisher>\n  <publicationYear>"
                + title.substring(title.length() - 4) + "</publicationYear>\n"
                + "  <resourceType resourceTypeGeneral=\"" + type + "\">Measurements</resourceType>\n"
                + (contributors.isEmpty() ? "" : "  <contributors>\n" + contributors + "  </contributors>\n")
                + "</resource>\n";
    }

    /** The record's creators and contributors, in order. */
    private List<Named> people(int doi) {
        int[] researchers = population.researchersOf(doi);
        List<Named> people = new ArrayList<>(researchers.length + 3);
        int creators = 0;
        for (int r : researchers) {
            boolean contributor = population.contributorOnly(r);
            people.add(new Named("Researcher" + r, "Bench", orcids.get(r), contributor));
            if (!contributor) {
                creators++;
            }
        }
        // Co-authors without an iD: none, one or two, and one whenever no researcher is a creator.
        int anonymous = Math.max(creators == 0 ? 1 : 0, Math.min(doi % 3, Population.MAX_IDS_PER_DOI - creators));
        for (int i = 0; i < anonymous && creators < Population.MAX_IDS_PER_DOI; i++, creators++) {
            people.add(new Named("Coauthor" + i, "Nobody", null, false));
        }
        if (population.hasBadChecksumId(doi) && creators < Population.MAX_IDS_PER_DOI) {
            people.add(new Named("Typo", "Bench", badChecksum(doi), false));
        }
        return people;
    }

    /** A well-formed iD whose check digit is wrong. */
    static String badChecksum(int doi) {
        String valid = OrcidId.withCheckDigit("0009" + String.format("%011d", 77_000_000L + doi)).value();
        char check = valid.charAt(valid.length() - 1);
        char wrong = check == '0' ? '1' : '0';
        return valid.substring(0, valid.length() - 1) + wrong;
    }
}
