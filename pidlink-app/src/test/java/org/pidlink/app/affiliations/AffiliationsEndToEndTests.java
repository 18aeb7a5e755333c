package org.pidlink.app.affiliations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.pidlink.app.testsupport.Eventually.eventually;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.SharedFiles;
import org.pidlink.app.testsupport.WebSession;
import org.pidlink.core.affiliation.AffiliationKind;
import org.pidlink.emulator.state.StoredAffiliation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The issue's "Done when": the documented sample file for three people (one with a known iD, two by e-mail) is
 * uploaded on the admin page; each follows her permission link through the real sign-in and grant pages of the
 * emulator; each affiliation is then once on her record, valid against ORCID's XSDs; a second upload with an end
 * date updates it by PUT; an upload without a row (removal chosen) deletes it; a researcher's deletion on ORCID is
 * respected.
 */
class AffiliationsEndToEndTests extends AffiliationsTestSupport {

    private static Schema orcidSchemas;

    @BeforeAll
    static void compileOrcidsXsds() throws Exception {
        orcidSchemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(
                SharedFiles.path("orcid/orcid-model/record_3.0/record-3.0.xsd").toFile());
    }

    /** The sample with this test's people and keys of its own (tests share one database). */
    private String sample(Person known, Person ana, Person kenji, String run) throws Exception {
        return Files.readString(Path.of("../docs/affiliations-sample.csv"))
                .replace("0000-0002-1825-0097", known.orcid().value())
                .replace("josiah.carberry@example.edu", known.email())
                .replace("ana.lima@example.edu", ana.email())
                .replace("kenji.sato@example.edu", kenji.email())
                .replace("HR-", "HR-" + run + "-").replace("P-", "P-" + run + "-");
    }

    @Test
    void sampleFileToOrcidRecordsThenUpdateRemoveAndRespectTheResearchersDeletion() throws Exception {
        ConnectedResearchers emulatorPeople = new ConnectedResearchers(port, orcid);
        Person known = emulatorPeople.newResearcher("Josiah", "Known");
        Person ana = emulatorPeople.newResearcher("Ana", "Lima");
        Person kenji = emulatorPeople.newResearcher("Kenji", "Sato");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = sample(known, ana, kenji, run);

        WebSession admin = adminSession();
        HttpResponse<String> page = admin.get("/admin/affiliations");
        HttpResponse<String> uploaded = admin.submit(page, "/admin/affiliations",
                Map.of("content", csv, "source", "hr-" + run));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).contains("4 row(s) accepted: 4 new, 0 changed, 0 unchanged");
        assertThat(store.byLocalKey("HR-" + run + "-1001-EMP").orElseThrow().statusText())
                .isEqualTo("pending permission");

        // The links, as the institution downloads them for its own mailing.
        HttpResponse<String> linksCsv = admin.submit(admin.get("/admin/affiliations"), "/admin/affiliations/links.csv",
                Map.of("which", "new"));
        assertThat(linksCsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        Map<String, String> links = links(linksCsv.body());
        assertThat(links).containsKeys(known.email(), ana.email(), kenji.email());
        assertThat(store.byLocalKey("HR-" + run + "-1003-MEM").orElseThrow().statusText()).isEqualTo("link sent");

        for (Person person : List.of(known, ana, kenji)) {
            followLinkAndApprove(person, links.get(person.email()));
        }

        String emp = "HR-" + run + "-1001-EMP";
        String anaEmp = "HR-" + run + "-1002-EMP";
        String anaEdu = "HR-" + run + "-1002-EDU";
        String mem = "HR-" + run + "-1003-MEM";
        eventually(() -> {
            for (String key : List.of(emp, anaEmp, anaEdu, mem)) {
                assertThat(store.byLocalKey(key).orElseThrow().status()).as(key).isEqualTo(AffiliationStatus.WRITTEN);
            }
        });
        assertThat(onOrcid(known)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AffiliationKind.EMPLOYMENT);
            assertThat(a.sourceClientId()).isEqualTo(registrations.clientId(OrcidRegistrations.AUTO_UPDATE));
        });
        assertThat(onOrcid(ana)).extracting(StoredAffiliation::kind)
                .containsExactlyInAnyOrder(AffiliationKind.EMPLOYMENT, AffiliationKind.EDUCATION);
        assertThat(onOrcid(kenji)).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(AffiliationKind.MEMBERSHIP));
        for (String key : List.of(emp, anaEmp, anaEdu, mem)) {
            var row = store.byLocalKey(key).orElseThrow();
            assertXsdValid(row);
        }
        assertThat(store.byLocalKey(emp).orElseThrow().statusText()).matches("written \\(put-code \\d+\\)");

        // The same file again: nothing changes, nothing is written.
        var before = onOrcid(known).getFirst().lastModifiedDate();
        assertThat(upload(admin, csv, run, false).body()).contains("0 new, 0 changed, 4 unchanged");
        assertThat(onOrcid(known).getFirst().lastModifiedDate()).isEqualTo(before);

        // An end date: a PUT with the stored put-code, still one item.
        long empPutCode = store.byLocalKey(emp).orElseThrow().putCode();
        String withEnd = csv.replace("Professor,2019-09,,", "Professor,2019-09,2026-06,");
        assertThat(upload(admin, withEnd, run, false).body()).contains("0 new, 1 changed, 3 unchanged");
        eventually(() -> assertThat(store.byLocalKey(emp).orElseThrow().status()).isEqualTo(AffiliationStatus.UPDATED));
        assertThat(onOrcid(known)).singleElement().satisfies(a -> {
            assertThat(a.putCode()).isEqualTo(empPutCode);
            assertThat(a.affiliation().toString()).contains("2026");
        });
        assertXsdValid(store.byLocalKey(emp).orElseThrow());

        // Kenji's membership disappears from the file, removal chosen: deleted from ORCID.
        String withoutKenji = withEnd.lines().filter(l -> !l.contains(mem)).reduce("", (a, b) -> a + b + "\n");
        assertThat(upload(admin, withoutKenji, run, true).body()).contains("1 removed");
        eventually(() -> assertThat(store.byLocalKey(mem).orElseThrow().status()).isEqualTo(AffiliationStatus.REMOVED));
        assertThat(onOrcid(kenji)).isEmpty();

        // Ana deletes her education on ORCID; the institution then changes it: pidlink does not add it again.
        var edu = store.byLocalKey(anaEdu).orElseThrow();
        assertThat(orcid.emulator().control().deleteAffiliation(ana.orcid().value(), edu.putCode())).isTrue();
        String eduChanged = withoutKenji.replace("DPhil,2018-10,2022-07", "DPhil,2018-10,2022-09");
        assertThat(upload(admin, eduChanged, run, true).body()).contains("1 changed");
        eventually(() -> assertThat(store.byLocalKey(anaEdu).orElseThrow().status())
                .isEqualTo(AffiliationStatus.REMOVED_BY_RESEARCHER));
        assertThat(onOrcid(ana)).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(AffiliationKind.EMPLOYMENT));
        String tableCsv = admin.get("/admin/affiliations/status.csv").body();
        assertThat(tableCsv).contains(anaEdu).contains("removed by the researcher on ORCID")
                .contains(mem + ",").contains(",removed,");

        // Uploading it yet again changes nothing on ORCID: the researcher's deletion stands.
        upload(admin, eduChanged.replace("2022-09", "2022-10"), run, true);
        assertThat(store.byLocalKey(anaEdu).orElseThrow().action()).isNull();
        assertThat(onOrcid(ana)).hasSize(1);

        // Every call passed the shared rate limit and the audit, with its class.
        assertThat(jdbc.queryForList("SELECT method || ' ' || call_class FROM orcid_call WHERE orcid = ? "
                + "AND path LIKE '/v3.0/{orcid}/employment%' ORDER BY called_at", String.class, known.orcid().value()))
                .containsExactly("POST interactive", "PUT backfill");
        assertThat(jdbc.queryForList("SELECT method || ' ' || call_class FROM orcid_call WHERE orcid = ? "
                + "AND path LIKE '/v3.0/{orcid}/membership%' ORDER BY called_at", String.class, kenji.orcid().value()))
                .containsExactly("POST interactive", "DELETE backfill");

        // Her profile shows what was written and what she removed.
        WebSession anaBrowser = signedIn(ana);
        String profile = anaBrowser.follow(anaBrowser.get("/profile")).body();
        assertThat(profile).contains("Your affiliations").contains("on your ORCID record")
                .contains("you removed it on ORCID; pidlink will not add it again");
    }

    private HttpResponse<String> upload(WebSession admin, String csv, String run, boolean removeMissing) {
        Map<String, String> form = new HashMap<>(Map.of("content", csv, "source", "hr-" + run));
        if (removeMissing) {
            form.put("removeMissing", "true");
        }
        HttpResponse<String> response = admin.submit(admin.get("/admin/affiliations"), "/admin/affiliations", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** Sign-in (the link asks for it), the list, approval, then ORCID's consent page for the permission. */
    private void followLinkAndApprove(Person person, String link) {
        WebSession browser = new WebSession(port);
        HttpResponse<String> toSignIn = browser.get(link);
        assertThat(WebSession.location(toSignIn)).endsWith("/signin");
        HttpResponse<String> invitation = browser.follow(browser.throughOrcid(
                browser.get("/oauth2/authorization/orcid"), person.email(), "authorize"));
        assertThat(invitation.statusCode()).as(invitation.body()).isEqualTo(200);
        assertThat(invitation.body()).contains("Affiliations your institution wants to add")
                .contains("id=\"approve-all\"");
        HttpResponse<String> approved = browser.submit(invitation, "/affiliations/decide",
                approveAllFields(invitation.body()));
        assertThat(WebSession.location(approved)).endsWith("/oauth2/authorization/" + OrcidRegistrations.AUTO_UPDATE);
        HttpResponse<String> settings = browser.follow(browser.throughOrcid(browser.get(WebSession.location(approved)),
                person.email(), "authorize"));
        assertThat(settings.body()).contains("pidlink may now update your ORCID record");
    }

    private static Map<String, String> approveAllFields(String html) {
        String form = html.substring(html.indexOf("id=\"approve-all\""), html.indexOf("</form>", html.indexOf("id=\"approve-all\"")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"ids\" value=\"(\\d+)\"").matcher(form);
        StringBuilder ids = new StringBuilder();
        while (m.find()) {
            ids.append(ids.isEmpty() ? "" : ",").append(m.group(1));
        }
        return Map.of("ids", ids.toString(), "decision", "approve");
    }

    private WebSession adminSession() {
        return signedIn(ConnectedResearchers.demoAdministrator());
    }

    /** email (or iD) → link, from the downloaded CSV. */
    private static Map<String, String> links(String csv) {
        Map<String, String> links = new HashMap<>();
        for (String line : csv.lines().skip(1).toList()) {
            String[] v = line.split(",");
            links.put(v[2], v[5]);
        }
        return links;
    }

    private List<StoredAffiliation> onOrcid(Person person) {
        return orcid.emulator().control().affiliations(person.orcid().value());
    }

    private void assertXsdValid(org.pidlink.app.affiliations.StoredAffiliation row) throws Exception {
        String token = orcid.emulator().control().issueToken(row.orcid().value(),
                registrations.clientId(OrcidRegistrations.AUTO_UPDATE), "/read-limited").accessToken();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> xml = http.send(HttpRequest.newBuilder(URI.create(orcid.emulator().apiUrl() + "/"
                            + row.orcid().value() + "/" + row.kind().value() + "/" + row.putCode()))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.orcid+xml").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
            assertThat(xml.body()).contains(AffiliationWriter.KEY_PREFIX);
            assertThatCode(() -> orcidSchemas.newValidator().validate(new StreamSource(new StringReader(xml.body()))))
                    .as(xml.body()).doesNotThrowAnyException();
        }
    }
}
