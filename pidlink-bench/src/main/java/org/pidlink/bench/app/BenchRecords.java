package org.pidlink.bench.app;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.pidlink.core.identifiers.OrcidId;

/** Made-up DOI metadata for benchmarks: DataCite XML and DataCite REST JSON naming given ORCID iDs. */
public final class BenchRecords {

    private BenchRecords() {
    }

    /** A random, valid ORCID iD in the range ORCID issues (0009-0000-…). */
    public static String randomOrcid() {
        return OrcidId.withCheckDigit("0009" + String.format("%011d",
                ThreadLocalRandom.current().nextLong(100_000_000L))).value();
    }

    public static String dataciteXml(String doi, String title, List<String> creatorOrcids) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<resource xmlns=\"http://datacite.org/schema/kernel-4\">\n"
                + "  <identifier identifierType=\"DOI\">" + doi + "</identifier>\n  <creators>\n");
        int n = 1;
        for (String orcid : creatorOrcids) {
            xml.append("    <creator><creatorName nameType=\"Personal\">Author ").append(n++)
                    .append(", Bench</creatorName><nameIdentifier nameIdentifierScheme=\"ORCID\" ")
                    .append("schemeURI=\"https://orcid.org\">https://orcid.org/").append(orcid)
                    .append("</nameIdentifier></creator>\n");
        }
        xml.append("  </creators>\n  <titles><title>").append(title).append("</title></titles>\n")
                .append("  <publisher>pidlink bench</publisher>\n  <publicationYear>2026</publicationYear>\n")
                .append("  <resourceType resourceTypeGeneral=\"Dataset\">Measurements</resourceType>\n")
                .append("  <descriptions><description descriptionType=\"Abstract\">Raw and processed measurements,")
                .append(" with the scripts that produced them.</description></descriptions>\n</resource>\n");
        return xml.toString();
    }

    /** One line of JSON Lines: a DataCite REST API single DOI. */
    public static String dataciteJsonLine(String doi, String title, List<String> creatorOrcids) {
        StringBuilder creators = new StringBuilder();
        int n = 1;
        for (String orcid : creatorOrcids) {
            if (creators.length() > 0) {
                creators.append(',');
            }
            creators.append("{\"name\":\"Author ").append(n).append(", Bench\",\"nameType\":\"Personal\",")
                    .append("\"givenName\":\"Bench\",\"familyName\":\"Author ").append(n++).append("\",")
                    .append("\"nameIdentifiers\":[{\"nameIdentifier\":\"https://orcid.org/").append(orcid)
                    .append("\",\"nameIdentifierScheme\":\"ORCID\",\"schemeUri\":\"https://orcid.org\"}]}");
        }
        return "{\"data\":{\"id\":\"" + doi + "\",\"type\":\"dois\",\"attributes\":{\"doi\":\"" + doi
                + "\",\"state\":\"findable\",\"titles\":[{\"title\":\"" + title + "\"}],\"creators\":[" + creators
                + "],\"publisher\":\"pidlink bench\",\"publicationYear\":2026,\"types\":{\"resourceTypeGeneral\":"
                + "\"Dataset\",\"resourceType\":\"Measurements\"},\"descriptions\":[{\"description\":\"Raw and "
                + "processed measurements.\",\"descriptionType\":\"Abstract\"}],\"url\":\"https://example.org/"
                + doi + "\"}}}";
    }
}
