package org.pidlink.emulator.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.pidlink.emulator.oauth.Browser;
import org.pidlink.emulator.oauth.Sessions;

/** The pages for people: sign-in session, record page with sources, trusted organizations with revoke. */
class PeoplePagesTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private ResearcherInfo researcher() {
        return ORCID.control().createResearcher(ResearcherSpec.of("Ada", "Lovelace")
                .withEmail(UUID.randomUUID() + "@example.org").withPassword("pw"));
    }

    private static Browser signIn(ResearcherInfo r) {
        Browser b = new Browser(ORCID.baseUrl());
        HttpResponse<String> page = b.get("/my-orcid");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(Browser.location(page)).isEqualTo("/signin?next=%2Fmy-orcid");
        HttpResponse<String> form = b.get(Browser.location(page));
        assertThat(form.body()).contains("name=\"username\"", "name=\"password\"");
        HttpResponse<String> done = b.post("/signin", Map.of("username", r.orcid(), "password", "pw",
                "next", Browser.hidden(form.body(), "next")));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(Browser.location(done)).isEqualTo("/my-orcid");
        return b;
    }

    private static void addWork(ResearcherInfo r, ClientInfo c, String title) {
        String token = ORCID.control().token(r.orcid(), c.clientId(), "/activities/update").accessToken();
        String body = """
                {"title":{"title":{"value":"%s"}},"type":"journal-article",
                 "journal-title":{"value":"Journal of Tests"},
                 "publication-date":{"year":{"value":"2024"},"month":{"value":"05"}},
                 "external-ids":{"external-id":[{"external-id-type":"doi","external-id-value":"10.5555/%s",
                   "external-id-relationship":"self"}]}}
                """.formatted(title.replace("\"", "\\\""), UUID.randomUUID());
        HttpResponse<String> r2 = new Http(ORCID.baseUrl()).post("/v3.0/" + r.orcid() + "/work", body,
                "Authorization", "Bearer " + token, "Content-Type", "application/vnd.orcid+json");
        assertThat(r2.statusCode()).as(r2.body()).isEqualTo(201);
    }

    @Test
    void theRecordPageListsWorksWithTheirSourceAndEscapesThem() {
        ResearcherInfo r = researcher();
        ClientInfo c = ORCID.control().createClient(ClientSpec.member("Repository <One> & Co", "https://repo.example/cb"));
        addWork(r, c, "On <script>alert(1)</script> heat");
        // As on ORCID, a new work takes the researcher's default visibility.
        ORCID.control().setDefaultVisibility(r.orcid(), "private");
        addWork(r, c, "A private draft");

        HttpResponse<String> anonymous = new Browser(ORCID.baseUrl()).get("/" + r.orcid());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("Ada Lovelace", "On &lt;script&gt;alert(1)&lt;/script&gt; heat",
                        "Source: <span class=\"source\">Repository &lt;One&gt; &amp; Co</span>", "Journal of Tests",
                        "2024-05", "https://doi.org/10.5555/", "Works (1)")
                .doesNotContain("<script>", "A private draft");

        HttpResponse<String> own = signIn(r).get("/" + r.orcid());
        assertThat(own.body()).contains("A private draft", "Visibility: private", "Works (2)");
        assertThat(new Browser(ORCID.baseUrl()).get("/0000-0001-5109-3700").statusCode()).isEqualTo(404);
    }

    private static void addAffiliation(ResearcherInfo r, ClientInfo c, String kind, String body) {
        String token = ORCID.control().token(r.orcid(), c.clientId(), "/activities/update").accessToken();
        HttpResponse<String> created = new Http(ORCID.baseUrl()).post("/v3.0/" + r.orcid() + "/" + kind, body,
                "Authorization", "Bearer " + token, "Content-Type", "application/vnd.orcid+json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void theRecordPageListsAffiliationsInOrcidsSectionsWithTheirSource() {
        ResearcherInfo r = researcher();
        ClientInfo c = ORCID.control().createClient(ClientSpec.member("Institution <HR>", "https://hr.example/cb"));
        addAffiliation(r, c, "employment", """
                {"department-name":"Physics & <Astronomy>","role-title":"Professor",
                 "start-date":{"year":{"value":"2019"},"month":{"value":"09"}},
                 "organization":{"name":"Boston University","address":{"city":"Boston","region":"MA","country":"US"},
                   "disambiguated-organization":{"disambiguated-organization-identifier":"https://ror.org/05qwgg493",
                     "disambiguation-source":"ROR"}}}""");
        ORCID.control().setDefaultVisibility(r.orcid(), "private");
        addAffiliation(r, c, "service", """
                {"role-title":"Reviewer","end-date":{"year":{"value":"2020"}},
                 "organization":{"name":"ORCID","address":{},
                   "disambiguated-organization":{"disambiguated-organization-identifier":"https://ror.org/04fa4r544",
                     "disambiguation-source":"ROR"}}}""");

        String page = new Browser(ORCID.baseUrl()).get("/" + r.orcid()).body();
        assertThat(page).contains("Employment (1)", "Boston University", "Boston, MA, US", "2019-09 to present",
                "Professor (Physics &amp; &lt;Astronomy&gt;)", "ROR: <a href=\"https://ror.org/05qwgg493\">",
                "Source: <span class=\"source\">Institution &lt;HR&gt;</span>", "Membership and service (0)",
                "Education and qualifications (0)").doesNotContain("<Astronomy>", "Reviewer");
        String own = signIn(r).get("/" + r.orcid()).body();
        assertThat(own).contains("Membership and service (1)", "Reviewer", "to 2020", "<span class=\"kind\">Service</span>",
                "Visibility: private");
    }

    @Test
    void signingOutNeedsThePagesTokenAndEndsTheSession() {
        ResearcherInfo r = researcher();
        Browser b = signIn(r);
        HttpResponse<String> page = b.get("/my-orcid");
        assertThat(Browser.location(page)).isEqualTo("/" + r.orcid());
        String record = b.get("/" + r.orcid()).body();
        assertThat(b.post("/signout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        HttpResponse<String> out = b.post("/signout", Map.of("csrf", Browser.hidden(record, "csrf")));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(v ->
                assertThat(v).startsWith(Sessions.COOKIE + "=;").contains("Max-Age=0"));
        assertThat(b.get("/inbox").statusCode()).isEqualTo(302);
    }

    @Test
    void signInRefusesBadPasswordsAndForeignNextUrls() {
        ResearcherInfo r = researcher();
        Browser b = new Browser(ORCID.baseUrl());
        HttpResponse<String> bad = b.post("/signin", Map.of("username", r.email(), "password", "nope"));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.body()).contains("Invalid email or ORCID iD or password");
        for (String next : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            HttpResponse<String> ok = b.post("/signin", Map.of("username", r.email(), "password", "pw", "next", next));
            assertThat(Browser.location(ok)).as(next).isEqualTo("/my-orcid");
        }
    }

    @Test
    void revokingATrustedOrganizationStopsItsTokens() {
        ResearcherInfo r = researcher();
        ClientInfo c = ORCID.control().createClient(ClientSpec.member("Trusted Repository", "https://repo.example/cb"));
        String token = ORCID.control().token(r.orcid(), c.clientId(), "/read-limited").accessToken();
        Http http = new Http(ORCID.baseUrl());
        assertThat(http.get("/v3.0/" + r.orcid() + "/works", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);

        Browser b = signIn(r);
        HttpResponse<String> page = b.get("/trusted-parties");
        assertThat(page.body()).contains("Trusted Repository", c.clientId(), "/read-limited", "Revoke access");
        assertThat(b.post("/trusted-parties/revoke", Map.of("client_id", c.clientId())).statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = b.post("/trusted-parties/revoke", Map.of(
                "csrf", Browser.hidden(page.body(), "csrf"), "client_id", Browser.hidden(page.body(), "client_id")));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(b.get(Browser.location(revoked)).body()).contains("Access revoked", "not granted access to any")
                .doesNotContain("Trusted Repository");
        HttpResponse<String> after = http.get("/v3.0/" + r.orcid() + "/works", "Authorization", "Bearer " + token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("invalid_token");
    }
}
