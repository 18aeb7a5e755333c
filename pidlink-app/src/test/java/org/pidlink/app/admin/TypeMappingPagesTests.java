package org.pidlink.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.core.types.TypeMapping;

/** Administrators download, replace (whole file, all lines valid or nothing) and reset the ORCID type mapping. */
class TypeMappingPagesTests extends AdminTestSupport {

    static final String CUSTOM = """
            # our repository's types
            source-type,orcid-type
            datacite:Dataset,software
            datacite:Text/Internal Report,working-paper
            "crossref:journal-article",journal-article
            """;

    @Test
    void theDownloadIsPidlinksDefaultsUntilSomeoneReplacesThem() throws Exception {
        Person admin = signedInAdmin();

        HttpResponse<String> page = people.page(admin, "/admin/type-mapping");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("built-in mapping is in force").contains("/admin/type-mapping.csv")
                .contains("datacite:Dataset").contains("data-set");

        HttpResponse<String> csv = people.page(admin, "/admin/type-mapping.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("pidlink-type-mapping.csv");
        try (InputStream resource = TypeMapping.class.getResourceAsStream("default-type-mapping.csv")) {
            assertThat(csv.body()).isEqualTo(new String(resource.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(TypeMapping.parseCsv(new StringReader(csv.body()))).isEqualTo(TypeMapping.defaults());
    }

    @Test
    void aValidCsvReplacesTheWholeMappingAndIsWhatTheDownloadGives() {
        Person admin = signedInAdmin();

        HttpResponse<String> after = people.submit(admin, people.page(admin, "/admin/type-mapping"),
                "/admin/type-mapping", Map.of("csv", CUSTOM));

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("The type mapping is replaced: the 3 mappings")
                .contains("Uploaded by").contains(admin.orcid().value()).contains("working-paper")
                .doesNotContain("datacite:Software");
        assertThat(people.page(admin, "/admin/type-mapping.csv").body()).isEqualTo(CUSTOM);
        assertThat(typeMappings.current()).isEqualTo(TypeMapping.parseCsv(new StringReader(CUSTOM)));
        assertThat(typeMappings.current().rows()).hasSize(3).doesNotContainKey("datacite:Software");
        assertThat(jdbc.queryForObject("SELECT replaced_by FROM type_mapping", String.class))
                .isEqualTo(admin.orcid().value());

        HttpResponse<String> reset = people.submit(admin, after, "/admin/type-mapping/reset", Map.of());
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("default type mapping is in force again");
        assertThat(typeMappings.current()).isEqualTo(TypeMapping.defaults());
        assertThat(people.page(admin, "/admin/type-mapping.csv").body()).contains("datacite:Dataset,data-set");
    }

    @Test
    void aCsvWithBadLinesIsRefusedWholeWithEachLineNamedAndChangesNothing() {
        Person admin = signedInAdmin();
        HttpResponse<String> page = people.page(admin, "/admin/type-mapping");
        people.submit(admin, page, "/admin/type-mapping", Map.of("csv", CUSTOM));
        TypeMapping before = typeMappings.current();
        String bad = """
                source-type,orcid-type
                datacite:Dataset,data-set
                datacite:Text,journal-articel
                crossref:book
                datacite:Software,
                ,software

                datacite:Image,image
                """;

        HttpResponse<String> refused = people.submit(admin, page, "/admin/type-mapping", Map.of("csv", bad));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing changed").contains("4 problems");
        assertThat(reportLine(refused, 3)).contains("datacite:Text,journal-articel")
                .contains("journal-articel\" is not an ORCID work type");
        assertThat(reportLine(refused, 4)).contains("crossref:book").contains("expected 2 fields");
        assertThat(reportLine(refused, 5)).contains("datacite:Software,").contains("is not an ORCID work type");
        assertThat(reportLine(refused, 6)).contains(",software").contains("has no scheme");
        assertThat(refused.body()).doesNotContain("data-line=\"2\"").doesNotContain("data-line=\"8\"");
        assertThat(typeMappings.current()).isEqualTo(before);
        assertThat(people.page(admin, "/admin/type-mapping.csv").body()).isEqualTo(CUSTOM);
    }

    @Test
    void anEmptyUploadIsRefused() {
        Person admin = signedInAdmin();

        HttpResponse<String> refused = people.submit(admin, people.page(admin, "/admin/type-mapping"),
                "/admin/type-mapping", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("the file is empty");
        assertThat(typeMappings.current()).isEqualTo(TypeMapping.defaults());
    }

    @Test
    void researchersWhoAreNotAdministratorsMayNeitherReadNorReplaceTheMapping() {
        Person researcher = people.newResearcher("Nadia", "Notadmin");
        people.signIn(researcher);

        assertThat(people.page(researcher, "/admin/type-mapping").statusCode()).isEqualTo(403);
        assertThat(people.page(researcher, "/admin/type-mapping.csv").statusCode()).isEqualTo(403);
        HttpResponse<String> settings = people.page(researcher, "/settings");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(people.submit(researcher, settings, "/admin/type-mapping", Map.of("csv", CUSTOM)).statusCode())
                .isEqualTo(403);
        assertThat(people.submit(researcher, settings, "/admin/type-mapping/reset", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(typeMappings.current()).isEqualTo(TypeMapping.defaults());
    }

    private Person signedInAdmin() {
        Person admin = ConnectedResearchers.demoAdministrator();
        people.signIn(admin);
        return admin;
    }

    /** The error report's row for a line of the upload, unescaped. */
    private static String reportLine(HttpResponse<String> page, int line) {
        Matcher row = Pattern.compile("<tr data-line=\"" + line + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page.body());
        assertThat(row.find()).as("report row for line %d in %s", line, page.body()).isTrue();
        return row.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
