package org.pidlink.core.metadata;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostileInputTest {

    private final MetadataReader reader = MetadataReader.standard();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String DATACITE_HEAD = "<resource xmlns=\"http://datacite.org/schema/kernel-4\">"
            + "<identifier identifierType=\"DOI\">10.5072/ABC</identifier>";

    @Test
    void externalEntityIsRefusedAndNothingIsRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE resource [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + DATACITE_HEAD + "<titles><title>&xxe;</title></titles></resource>";
        ReadResult result = reader.read(utf8(xxe));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith("line 2, column");
            assertThat(e.message()).contains("DOCTYPE");
        });
        assertThat(result.errors().toString()).doesNotContain("root:");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        ReadResult result = reader.read(utf8(dtd + DATACITE_HEAD + "<titles><title>&lol9;</title></titles></resource>"));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("DOCTYPE"));
    }

    @Test
    void oversizeDocumentIsRefusedBeforeParsing() {
        MetadataReader small = new MetadataReader(new ReaderLimits(1_000_000, 100));
        ReadResult result = small.read(Samples.bytes("datacite/xml/edge/large-file-2.6MB-dans-polygons.xml"));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("document");
            assertThat(e.message()).contains("2628836 bytes").contains("1000000");
        });
        // and the default limit reads it
        assertThat(reader.read(Samples.bytes("datacite/xml/edge/large-file-2.6MB-dans-polygons.xml")).records())
                .singleElement().satisfies(r -> assertThat(r.doi().value()).isEqualTo("10.14454/dans-xcy-enug"));
    }

    @Test
    void deepXmlNestingIsRefusedWithItsLocation() {
        String deep = DATACITE_HEAD + "<descriptions>" + "<x>".repeat(200) + "</x>".repeat(200) + "</descriptions></resource>";
        ReadResult result = reader.read(utf8(deep));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).matches("line 1, column \\d+");
            assertThat(e.message()).contains("deeper than the limit of 100");
        });
    }

    @Test
    void deepJsonNestingIsRefusedWithItsPath() {
        String deep = "{\"data\":{\"attributes\":{\"titles\":" + "[".repeat(500) + "]".repeat(500) + "}}}";
        ReadResult result = reader.read(utf8(deep));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith("$.data.attributes.titles[0]");
            assertThat(e.message()).containsIgnoringCase("nesting depth");
        });
    }

    @Test
    void malformedXmlReportsLineAndColumn() {
        String broken = DATACITE_HEAD + "\n<titles>\n  <title>Unclosed</titel>\n</titles></resource>";
        ReadResult result = reader.read(utf8(broken));
        assertThat(result.format()).isEqualTo(MetadataFormat.DATACITE_XML);
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith("line 3, column ");
            assertThat(e.message()).startsWith("malformed XML").contains("title");
        });
    }

    @Test
    void malformedXmlBeforeTheRootStillReportsLineAndColumn() {
        ReadResult result = reader.read(utf8("<?xml version=\"1.0\"?>\n<<resource/>"));
        assertThat(result.format()).isNull();
        assertThat(result.errors()).singleElement()
                .satisfies(e -> assertThat(e.location()).startsWith("line 2, column "));
    }

    @Test
    void malformedJsonReportsThePathAndKeepsTheListRecordsBeforeIt() {
        String broken = "{\"data\":[{\"id\":\"10.5072/a\",\"type\":\"dois\",\"attributes\":{\"doi\":\"10.5072/a\"}},\n"
                + "{\"id\":\"10.5072/b\",\"type\":\"dois\",\"attributes\":{\"titles\":[{\"title\": oops}]}}]}";
        ReadResult result = reader.read(utf8(broken));
        assertThat(result.format()).isEqualTo(MetadataFormat.DATACITE_JSON);
        assertThat(result.records()).extracting(r -> r.doi().value()).containsExactly("10.5072/a");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("$.data[1].attributes.titles[0].title");
            assertThat(e.message()).startsWith("malformed JSON (line 2, column");
        });
    }

    @Test
    void truncatedCrossrefListKeepsTheCompleteItems() {
        byte[] page = Samples.bytes("crossref/rest-json/works-list_filter-prefix-10.5555-type-journal-article.json");
        String text = new String(page, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"DOI\"", text.indexOf("\"DOI\"", text.indexOf("\"DOI\"") + 1) + 1);
        ReadResult result = reader.read(utf8(text.substring(0, cut)));
        assertThat(result.format()).isEqualTo(MetadataFormat.CROSSREF_JSON);
        assertThat(result.records()).hasSize(2);
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith("$.message.items[2]");
            assertThat(e.message()).startsWith("malformed JSON");
        });
    }

    @Test
    void malformedJsonOutsideAListKeepsNothingAndSaysWhere() {
        ReadResult result = reader.read(utf8("{\"data\":{\"id\":\"10.5072/a\",\"attributes\":{\"titles\":[}}}"));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo("$.data.attributes.titles[0]"));
    }

    @Test
    void contentAfterTheJsonDocumentIsAnError() {
        ReadResult result = reader.read(utf8("{\"DOI\":\"10.5555/x\"} {\"DOI\":\"10.5555/y\"}"));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("after the end"));
    }

    @Test
    void oneBadRecordInADataCiteListKeepsTheOthers() {
        String list = "{\"data\":["
                + "{\"id\":\"10.5072/one\",\"type\":\"dois\",\"attributes\":{\"doi\":\"10.5072/one\",\"titles\":[{\"title\":\"One\"}]}},"
                + "{\"id\":\"not a doi\",\"type\":\"dois\",\"attributes\":{\"doi\":\"not a doi\"}},"
                + "{\"id\":\"10.5072/three\",\"type\":\"dois\",\"attributes\":\"broken\"},"
                + "{\"id\":\"10.5072/four\",\"type\":\"dois\",\"attributes\":{\"doi\":\"10.5072/four\",\"state\":\"findable\"}}"
                + "],\"meta\":{\"total\":4},\"links\":{}}";
        ReadResult result = reader.read(utf8(list));
        assertThat(result.format()).isEqualTo(MetadataFormat.DATACITE_JSON);
        assertThat(result.records()).extracting(r -> r.doi().value()).containsExactly("10.5072/one", "10.5072/four");
        assertThat(result.records().get(1).state()).isEqualTo(DoiState.FINDABLE);
        assertThat(result.errors()).extracting(ReadError::location)
                .containsExactly("$.data[1].attributes.doi", "$.data[2].attributes");
        assertThat(result.errors().get(0).message()).contains("not a doi").contains("not valid");
    }

    @Test
    void oneBadRecordInACrossrefListKeepsTheOthers() {
        String list = "{\"status\":\"ok\",\"message-type\":\"work-list\",\"message\":{\"items\":["
                + "{\"DOI\":\"10.5555/1\",\"type\":\"journal-article\"},{\"type\":\"journal-article\"},"
                + "{\"DOI\":\"10.5555/3\",\"type\":\"journal-article\"}]}}";
        ReadResult result = reader.read(utf8(list));
        assertThat(result.records()).extracting(r -> r.doi().value()).containsExactly("10.5555/1", "10.5555/3");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("$.message.items[1].DOI");
            assertThat(e.message()).isEqualTo("the record has no DOI");
        });
    }

    @Test
    void oneBadRecordInADepositKeepsTheOthers() {
        String batch = "<doi_batch xmlns=\"http://www.crossref.org/schema/5.3.1\"><head/><body>"
                + "<dissertation><titles><title>A</title></titles><doi_data><doi>10.5555/a</doi></doi_data></dissertation>\n"
                + "<dissertation><titles><title>B</title></titles><doi_data><doi>junk</doi></doi_data></dissertation>\n"
                + "<dissertation><titles><title>C</title></titles><doi_data><doi>10.5555/c</doi></doi_data></dissertation>"
                + "</body></doi_batch>";
        ReadResult result = reader.read(utf8(batch));
        assertThat(result.format()).isEqualTo(MetadataFormat.CROSSREF_XML);
        assertThat(result.records()).extracting(r -> r.titles().get(0).text()).containsExactly("A", "C");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("record 2 (line 2, column 15)");
            assertThat(e.message()).contains("\"junk\"");
        });
    }

    @Test
    void plainTextAndEmptyInputGiveAClearError() {
        assertThat(reader.read(new byte[0]).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("the document is empty"));
        assertThat(reader.read(utf8("  \n ")).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("the document is empty"));
        ReadResult html = reader.read(utf8("<html><body>Bad gateway</body></html>"), "text/html");
        assertThat(html.format()).isNull();
        assertThat(html.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("<html>").contains("neither DataCite nor Crossref"));
    }

    @Test
    void crossrefErrorBodiesGiveAClearErrorNotACrash() {
        for (var file : Samples.under("crossref/errors")) {
            ReadResult result = reader.read(Samples.bytes("crossref/errors/" + file.getFileName()),
                    "application/vnd.crossref.unixsd+xml");
            assertThat(result.format()).isNull();
            assertThat(result.records()).isEmpty();
            assertThat(result.errors()).singleElement().satisfies(e -> {
                assertThat(e.location()).isEqualTo("document");
                assertThat(e.message()).isEqualTo("neither XML nor JSON (Content-Type "
                        + "application/vnd.crossref.unixsd+xml); it begins: \"Resource not found.\"");
            });
        }
    }

    @Test
    void dataCiteApiErrorIsReportedAsSuch() {
        ReadResult result = Samples.read("datacite/api-json/errors/404-doi-not-found.json");
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("$.errors");
            assertThat(e.message()).contains("404").contains("doesn't exist");
        });
    }

    @Test
    void brokenEmbeddedXmlFallsBackToTheJsonAttributesAndSaysSo() {
        String xml = java.util.Base64.getEncoder().encodeToString(utf8("<resource xmlns=\"http://datacite.org/schema/kernel-4\"><oops"));
        String json = "{\"data\":{\"id\":\"10.5072/x\",\"type\":\"dois\",\"attributes\":{\"doi\":\"10.5072/x\","
                + "\"titles\":[{\"title\":\"From JSON\"}],\"xml\":\"" + xml + "\"}}}";
        ReadResult result = reader.read(utf8(json));
        assertThat(result.records()).singleElement()
                .satisfies(r -> assertThat(r.titles().get(0).text()).isEqualTo("From JSON"));
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("$.data.attributes.xml");
            assertThat(e.message()).contains("line 1, column").contains("JSON attributes were used");
        });
    }

    @Test
    void limitsMustBeSane() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReaderLimits(0, 10))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReaderLimits(10, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
