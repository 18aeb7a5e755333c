package org.pidlink.core.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every ORCID iD spelling and DOI form in the shared sample metadata (DataCite XML 2.2–4.7 and REST JSON,
 * Crossref deposit, unixsd and REST JSON), found by a lenient scan of every file, is either parsed or rejected
 * with one of the documented reasons; the spellings listed in doi-metadata.md §1.5 give the expected outcome.
 */
class SharedMetadataIdentifiersTest {

    /** A value found in a file, with what the parser made of it. */
    record Outcome(Path file, IdentifierScanner.Found found, ParseResult<?> result) {
        String raw() {
            return found.raw();
        }
    }

    private static Path metadata;
    private static List<Outcome> orcids;
    private static List<Outcome> dois;
    private static int filesRead;

    @BeforeAll
    static void scanEveryFile() throws IOException {
        metadata = org.pidlink.core.SharedDir.path().resolve("metadata");
        IdentifierScanner scanner = new IdentifierScanner();
        orcids = new ArrayList<>();
        dois = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(metadata)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            for (IdentifierScanner.Found found : scanner.scan(file.getFileName().toString(), read(file))) {
                Path relative = metadata.relativize(file);
                if (found.kind() == IdentifierScanner.Kind.ORCID) {
                    orcids.add(new Outcome(relative, found, OrcidId.tryParse(found.raw())));
                } else {
                    dois.add(new Outcome(relative, found, Doi.tryParse(found.raw())));
                }
            }
        }
        filesRead = files.size();
    }

    private static final String BLANK_IN_DATA = "";
    private static final String ABSENT = null;

    @Test
    void scansEveryFileAndFindsTheValuesTheSamplesHold() {
        assertThat(filesRead).isGreaterThanOrEqualTo(200);
        assertThat(orcids).hasSizeGreaterThanOrEqualTo(400);
        assertThat(dois).hasSizeGreaterThanOrEqualTo(1500);
        assertThat(orcids).extracting(o -> o.file().getName(0).toString()).contains("datacite", "crossref");
        assertThat(orcids).extracting(o -> o.found().where())
                .anyMatch(w -> w.startsWith("xml nameIdentifier"))
                .anyMatch(w -> w.startsWith("xml ORCID"))
                .anyMatch(w -> w.startsWith("json") && w.endsWith(".ORCID"))
                .anyMatch(w -> w.contains(".nameIdentifiers[].nameIdentifier"))
                .anyMatch(w -> w.contains(".attributes.xml nameIdentifier"));
    }

    @Test
    void everyOrcidValueIsParsedOrRejectedWithADocumentedReason() {
        for (Outcome o : orcids) {
            switch (o.result()) {
                case ParseResult.Valid<?> valid -> {
                    // The canonical digits really are in the raw value: the parser invents nothing.
                    String digits = ((OrcidId) valid.value()).value().replace("-", "");
                    assertThat(o.raw().toUpperCase().replaceAll("[^0-9X]", "")).as(o.toString()).endsWith(digits);
                }
                case ParseResult.Invalid<?> invalid -> assertThat(invalid.reason()).as(o.toString())
                        .isIn(OrcidId.BLANK, OrcidId.NOT_AN_ORCID_ID, OrcidId.BAD_CHECKSUM);
            }
        }
    }

    @Test
    void exactlyTheKnownBadOrcidValuesAreRejected() {
        assertThat(orcids).filteredOn(o -> !o.result().isValid())
                .extracting(o -> o.file().toString(), Outcome::raw, o -> o.result().rejection().orElseThrow())
                .containsExactlyInAnyOrder(
                        tuple("datacite/api-json/request/post-dois-user-example.json", BLANK_IN_DATA, "blank"),
                        tuple("datacite/api-json/request/post-dois-wrong-nameidentifiers.json",
                                "https://orcid.org/0000-0003-1419-2407", "bad checksum"),
                        tuple("datacite/api-json/single/10.21944_temis-ozone-msr2.json", ABSENT, "blank"),
                        tuple("datacite/api-json/single/10.21944_temis-ozone-msr2.json", ABSENT, "blank"),
                        tuple("datacite/xml/edge/blank-orcid-nameidentifier.xml", BLANK_IN_DATA, "blank"),
                        tuple("datacite/xml/edge/blank-orcid-nameidentifier.xml", BLANK_IN_DATA, "blank"),
                        tuple("datacite/xml/official/kernel-2.2-sample.xml", "xyz789", "not an ORCID iD"));
    }

    /** The spellings of doi-metadata.md §1.5 that the samples hold, each found and each parsed. */
    @Test
    void everySpellingOfSection15InTheSamplesParses() {
        assertParsed("datacite/xml/official/affiliation-v4.xml", "0000-0002-7285-027X", "0000-0002-7285-027X");
        assertParsed("datacite/xml/official/kernel-4.7-full.xml", " https://orcid.org/0000-0001-5727-2427", "0000-0001-5727-2427");
        assertParsed("datacite/xml/official/poster-v4.7.xml", "\n                https://orcid.org/0000-0001-5727-2427",
                "0000-0001-5727-2427");
        assertParsed("datacite/xml/official/relationtypeinformation-preprint-v4.7.xml",
                "\n                https://orcid.org/0000-0001-5727-2427", "0000-0001-5727-2427");
        assertParsed("datacite/xml/from-api/10.21944_temis-ozone-msr2.xml", "\n        0000-0002-0077-5338\n      ",
                "0000-0002-0077-5338");
        assertParsed("datacite/xml/official/project-v4.6.xml", "https://orcid.org/https://orcid.org/0009-0009-0223-2917",
                "0009-0009-0223-2917");
        assertParsed("datacite/xml/official/lupo-full-v4.7-copy.xml", "https://orcid.org/0000-0001-5727-2427/",
                "0000-0001-5727-2427");
        assertParsed("datacite/xml/from-api/10.4121_uuid-3926db30.xml", "0000-0002-3978-6464", "0000-0002-3978-6464");
        assertParsed("datacite/xml/edge/dash-schema-4.0-http-orcid.xml", "0000-0002-8862-1404", "0000-0002-8862-1404");
        assertParsed("crossref/unixsd/10.1155_2012_291294.xml", null, null);
        assertParsed("crossref/deposit/elife-12444-journal-article-5.5.0.xml", null, null);
        assertParsed("crossref/unixsd/10.1098_rspb.2017.0132.xml", null, null);
        // http and https mixed in one Crossref record
        assertThat(orcids).filteredOn(o -> o.file().toString().equals("crossref/unixsd/10.2737_rds-2018-0001.xml"))
                .allMatch(o -> o.result().isValid()).extracting(Outcome::raw)
                .anyMatch(r -> r.startsWith("http://")).anyMatch(r -> r.startsWith("https://"));
        assertThat(orcids).filteredOn(o -> o.found().where().endsWith(".ORCID") && o.file().startsWith("crossref/rest-json"))
                .isNotEmpty().allMatch(o -> o.result().isValid());

        OrcidId stageTestId = orcids.stream()
                .filter(o -> o.raw() != null && o.raw().endsWith("2220-0021-5000-0004"))
                .map(o -> (OrcidId) o.result().orElseThrow()).findFirst().orElseThrow();
        assertThat(stageTestId.isInIssuedRange()).isFalse();
    }

    @Test
    void everySpellingClassInTheSamplesIsCovered() {
        List<String> classes = orcids.stream().filter(o -> o.result().isValid()).map(o -> spellingClass(o.raw())).distinct().toList();

        assertThat(classes).containsExactlyInAnyOrder(
                "ID", "https://orcid.org/ID", "http://orcid.org/ID", " https://orcid.org/ID", "\\n ID\\n ",
                "\\n https://orcid.org/ID", "https://orcid.org/https://orcid.org/ID", "https://orcid.org/ID/");
    }

    @Test
    void everyDoiInTheSamplesParses() {
        assertThat(dois).filteredOn(o -> !o.result().isValid()).isEmpty();
        assertThat(dois).extracting(o -> spellingClass(o.raw())).contains(
                "DOI", "https://doi.org/DOI", "doi:DOI", "https://handle.test.datacite.org/DOI", "\\n DOI\\n ");
        assertThat(Doi.parse(raw("datacite/xml/edge/nist-kernel-3-doi-url-identifier.xml", "https://doi.org/10.5072/M32163")))
                .isEqualTo(new Doi("10.5072/m32163"));
    }

    /** ORCID would store the same {@code external-id-normalized} for the raw value as {@link Doi#value()}. */
    @Test
    void everyParsedDoiAgreesWithOrcidsNormalizer() {
        ExternalIdNormalizer orcid = ExternalIdNormalizer.standard();
        for (Outcome o : dois) {
            Doi doi = (Doi) o.result().orElseThrow();
            if (doi.suffix().chars().noneMatch(c -> c == '"' || c == '&' || c == '\'')) {
                assertThat(orcid.normalize("doi", o.raw())).as(o.toString()).isEqualTo(doi.value());
                assertThat(orcid.normalize("doi", doi.url())).as(o.toString()).isEqualTo(doi.value());
            }
        }
    }

    private static void assertParsed(String file, String rawValue, String expected) {
        List<Outcome> inFile = orcids.stream().filter(o -> o.file().toString().equals(file)).toList();
        assertThat(inFile).as(file).isNotEmpty().allMatch(o -> o.result().isValid());
        if (rawValue != null) {
            String raw = raw(file, rawValue);
            assertThat(OrcidId.parse(raw).value()).isEqualTo(expected);
        }
    }

    private static String raw(String file, String value) {
        return Stream.concat(orcids.stream(), dois.stream())
                .filter(o -> o.file().toString().equals(file) && value.equals(o.raw()))
                .map(Outcome::raw).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no value " + value.replace("\n", "\\n")));
    }

    /** The shape of a value: iDs and DOIs replaced by ID / DOI, runs of spaces after a line break folded. */
    private static String spellingClass(String raw) {
        return raw.replaceAll("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9Xx]", "ID")
                .replaceAll("10\\.[0-9]+/[^\\s]+", "DOI")
                .replaceAll("\n +", "\\\\n ");
    }

    static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Charset charset = StandardCharsets.UTF_8;
            int skip = 0;
            if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
                charset = StandardCharsets.UTF_16;
            } else if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
                skip = 3;
            }
            return new String(bytes, skip, bytes.length - skip, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
