package org.pidlink.emulator.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pidlink.emulator.Http;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;
import org.pidlink.emulator.junit.OrcidEmulatorExtension;
import org.pidlink.emulator.oauth.Browser;
import org.pidlink.emulator.oauth.OAuthDance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The notification-permission API (orcid-api.md §7) and the researcher's inbox, over real HTTP. */
class NotificationPermissionApiTest {

    @RegisterExtension
    static final OrcidEmulatorExtension ORCID = OrcidEmulatorExtension.builder().noRateLimit().build();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AGENCY_CB = "https://agency.example/orcid/cb";
    private static final String XML = "application/vnd.orcid+xml";

    record Setup(ClientInfo client, String token, ResearcherInfo researcher, Http http) {
        String base() {
            return "/v3.0/" + researcher.orcid() + "/notification-permission";
        }
    }

    private Setup setup() {
        ClientInfo c = ORCID.control().createClient(ClientSpec.member("Crossref Auto-update", AGENCY_CB));
        ResearcherInfo r = ORCID.control().createResearcher(ResearcherSpec.of("Josiah", "Carberry")
                .withEmail(UUID.randomUUID() + "@example.org").withPassword("pw"));
        String token = ORCID.control().token(null, c.clientId(), "/premium-notification").accessToken();
        return new Setup(c, token, r, new Http(ORCID.baseUrl()));
    }

    static String xmlNotification(String clientId, String intro, String extIdType) {
        return """
                <notification:notification xmlns:common="http://www.orcid.org/ns/common" xmlns:notification="http://www.orcid.org/ns/notification">
                  <notification:notification-type>permission</notification:notification-type>
                  <notification:authorization-url>
                    <notification:uri>https://orcid.org/oauth/authorize?client_id=%s&amp;response_type=code&amp;scope=/activities/update&amp;redirect_uri=%s</notification:uri>
                  </notification:authorization-url>
                  <notification:notification-subject>your recent publications</notification:notification-subject>
                  <notification:notification-intro>%s</notification:notification-intro>
                  <notification:items>
                    <notification:item>
                      <notification:item-type>work</notification:item-type>
                      <notification:item-name>Heat &lt;transfer&gt; in thin films</notification:item-name>
                      <common:external-id><common:external-id-type>%s</common:external-id-type><common:external-id-value>10.5555/12345</common:external-id-value><common:external-id-relationship>self</common:external-id-relationship></common:external-id>
                    </notification:item>
                  </notification:items>
                </notification:notification>
                """.formatted(clientId, AGENCY_CB, intro, extIdType);
    }

    private HttpResponse<String> postXml(Setup s, String body) {
        return s.http().post(s.base(), body, "Authorization", "Bearer " + s.token(), "Content-Type", XML);
    }

    private long created(HttpResponse<String> r, Setup s) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).isEmpty();
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(ORCID.baseUrl() + s.base() + "/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void postedXmlIsReadBackInOrcidsShapeAndValidAgainstTheXsd() throws Exception {
        Setup s = setup();
        long putCode = created(postXml(s, xmlNotification(s.client().clientId(), "We found works of yours", "doi")), s);

        HttpResponse<String> xml = s.http().get(s.base() + "/" + putCode, "Authorization", "Bearer " + s.token());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/vnd.orcid+xml;charset=UTF-8");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(sharedDir().resolve("orcid/orcid-model/notification_3.0/notification-permission-3.0.xsd").toFile())
                .newValidator().validate(new StreamSource(new StringReader(xml.body())));
        assertThat(xml.body()).contains("put-code=\"" + putCode + "\"", "<common:source-name>Crossref Auto-update</common:source-name>",
                "<common:path>" + s.client().clientId() + "</common:path>", "<notification:host>orcid.org</notification:host>",
                "<notification:path>/oauth/authorize?client_id=" + s.client().clientId(), "<common:created-date>",
                "Heat &lt;transfer&gt; in thin films").doesNotContain("<common:read-date>");

        HttpResponse<String> json = s.http().get(s.base() + "/" + putCode, "Authorization", "Bearer " + s.token(),
                "Accept", "application/json");
        // Labelled with the type asked for, as ORCID's JAX-RS resources (and the member API) answer.
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        JsonNode n = JSON.readTree(json.body());
        assertThat(n.get("notification-type").asString()).isEqualTo("permission");
        assertThat(n.get("put-code").asLong()).isEqualTo(putCode);
        assertThat(n.at("/items/item/0/external-id/external-id-value").asString()).isEqualTo("10.5555/12345");
        assertThat(n.at("/source/source-client-id/path").asString()).isEqualTo(s.client().clientId());
        assertThat(n.at("/created-date/value").isNumber()).isTrue();
        assertThat(n.get("read-date").isNull()).isTrue();

        HttpResponse<String> list = s.http().get(s.base(), "Authorization", "Bearer " + s.token(), "Accept", "application/json");
        assertThat(JSON.readTree(list.body()).get("notification").size()).isEqualTo(1);
    }

    @Test
    void aJsonBodyIsAcceptedAndCheckedByTheSameSchema() {
        Setup s = setup();
        String body = """
                {"notification-type":"permission",
                 "authorization-url":{"path":"/oauth/authorize?client_id=%s&response_type=code&scope=/activities/update&redirect_uri=%s"},
                 "notification-subject":"your datasets","notification-intro":"Hello",
                 "items":{"item":{"item-type":"work","item-name":"A dataset",
                   "external-id":{"external-id-type":"doi","external-id-value":"10.5555/x","external-id-relationship":"self"}}}}
                """.formatted(s.client().clientId(), AGENCY_CB);
        long putCode = created(s.http().post(s.base(), body, "Authorization", "Bearer " + s.token(),
                "Content-Type", "application/vnd.orcid+json"), s);
        JsonNode n = JSON.readTree(s.http().get(s.base() + "/" + putCode, "Authorization", "Bearer " + s.token(),
                "Accept", "application/vnd.orcid+json").body());
        // Only a path was given: ORCID completes the URI on its own host, here the emulator's.
        assertThat(n.at("/authorization-url/uri").asString()).startsWith(ORCID.baseUrl() + "/oauth/authorize?client_id=");

        HttpResponse<String> noSubject = s.http().post(s.base(), body.replace("\"notification-subject\":\"your datasets\",", ""),
                "Authorization", "Bearer " + s.token(), "Content-Type", "application/json", "Accept", "application/json");
        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noSubject.body()).get("error-code").asInt()).isEqualTo(9001);
        assertThat(JSON.readTree(noSubject.body()).get("developer-message").asString()).contains("notification-subject");
        HttpResponse<String> unknownField = s.http().post(s.base(), body.replace("\"notification-intro\"", "\"intro\""),
                "Authorization", "Bearer " + s.token(), "Content-Type", "application/json", "Accept", "application/json");
        assertThat(JSON.readTree(unknownField.body()).get("developer-message").asString()).contains("\"intro\"");
    }

    @Test
    void refusalsCarryOrcidsStatusesAndCodes() {
        Setup s = setup();
        String good = xmlNotification(s.client().clientId(), "Hi", "doi");
        assertThat(s.http().post(s.base(), good, "Content-Type", XML).body()).contains("\"error\":\"forbidden\"");
        String readPublic = ORCID.control().token(null, s.client().clientId(), "/read-public").accessToken();
        HttpResponse<String> wrongScope = s.http().post(s.base(), good, "Authorization", "Bearer " + readPublic, "Content-Type", XML);
        assertThat(wrongScope.statusCode()).isEqualTo(403);
        assertThat(wrongScope.body()).contains("<error:error-code>9038</error:error-code>");
        assertThat(s.http().post(s.base(), good, "Authorization", "Bearer " + s.token(), "Content-Type", "text/plain")
                .statusCode()).isEqualTo(415);
        assertError(postXml(s, xmlNotification(s.client().clientId(), "x".repeat(1001), "doi")), 400, 9001);
        assertError(postXml(s, xmlNotification(s.client().clientId(), "Hi", "not-a-type")), 400, 9023);
        assertError(postXml(s, good.replace("https://orcid.org/oauth", "https://exa mple/oauth")), 400, 9020);
        String pathOnly = good.replaceAll("<notification:uri>[^<]*</notification:uri>",
                "<notification:path>/oauth/authorize?x=1&#13;&#10;Set-Cookie: a=b</notification:path>");
        assertError(postXml(s, pathOnly), 400, 9020);
        assertError(postXml(s, good.replace("<!DOCTYPE", "").replaceFirst("<notification:notification ",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><notification:notification ")), 400, 9001);
        assertError(s.http().get(s.base() + "/999999", "Authorization", "Bearer " + s.token()), 404, 9029);
        assertError(s.http().post("/v3.0/0000-0001-5109-3700/notification-permission", good,
                "Authorization", "Bearer " + s.token(), "Content-Type", XML), 404, 9016);

        long putCode = created(postXml(s, good), s);
        ClientInfo other = ORCID.control().createClient(ClientSpec.member("Other agency", AGENCY_CB));
        String otherToken = ORCID.control().token(null, other.clientId(), "/premium-notification").accessToken();
        assertError(s.http().get(s.base() + "/" + putCode, "Authorization", "Bearer " + otherToken), 403, 9004);
        assertThat(s.http().get(s.base(), "Authorization", "Bearer " + otherToken).body())
                .doesNotContain("put-code=\"" + putCode + "\"");
    }

    private static void assertError(HttpResponse<String> r, int status, int code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("<error:response-code>" + status + "</error:response-code>",
                "<error:error-code>" + code + "</error:error-code>");
    }

    @Test
    void deletingArchivesUntilTheResearcherHasReadIt() {
        Setup s = setup();
        long first = created(postXml(s, xmlNotification(s.client().clientId(), "One", "doi")), s);
        HttpResponse<String> archived = s.http().delete(s.base() + "/" + first, "Authorization", "Bearer " + s.token());
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(archived.body()).contains("<common:archived-date>", "put-code=\"" + first + "\"");

        long second = created(postXml(s, xmlNotification(s.client().clientId(), "Two", "doi")), s);
        Browser browser = signedIn(s.researcher());
        assertThat(browser.get("/inbox/" + second).statusCode()).isEqualTo(200);
        assertError(s.http().delete(s.base() + "/" + second, "Authorization", "Bearer " + s.token()), 403, 9009);
        assertThat(s.http().get(s.base() + "/" + second, "Authorization", "Bearer " + s.token()).body())
                .contains("<common:read-date>");
    }

    @Test
    void theResearcherSeesItInTheInboxAndItsLinkStartsTheOAuthFlow() {
        Setup s = setup();
        long putCode = created(postXml(s, xmlNotification(s.client().clientId(), "We &lt;found&gt; works", "doi")), s);
        Browser browser = signedIn(s.researcher());

        HttpResponse<String> inbox = browser.get("/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Crossref Auto-update", "Add your recent publications to your ORCID record",
                "href=\"/inbox/" + putCode + "\"", "<strong>new</strong>");
        HttpResponse<String> opened = browser.get("/inbox/" + putCode);
        assertThat(opened.body()).contains("We &lt;found&gt; works", "Heat &lt;transfer&gt; in thin films", "10.5555/12345")
                .doesNotContain("We <found>");

        HttpResponse<String> grant = browser.get("/inbox/" + putCode + "/action");
        assertThat(grant.statusCode()).isEqualTo(302);
        String authorize = Browser.location(grant);
        assertThat(authorize).startsWith("/oauth/authorize?client_id=" + s.client().clientId());
        HttpResponse<String> consent = browser.get(authorize);
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("Crossref Auto-update", "value=\"authorize\"");
        String back = OAuthDance.finish(browser, consent, s.researcher(), "pw", "authorize");
        assertThat(back).startsWith(AGENCY_CB + "?code=");
        String code = Browser.parameters(back, false).get("code");
        JsonNode token = OAuthDance.exchange(ORCID.baseUrl(), s.client(), code);
        assertThat(token.get("scope").asString()).isEqualTo("/activities/update");
        assertThat(s.http().get(s.base() + "/" + putCode, "Authorization", "Bearer " + s.token()).body())
                .contains("<notification:actioned-date>");
    }

    @Test
    void aResearcherWhoStoppedPermissionRequestsGets409() {
        Setup s = setup();
        Browser browser = signedIn(s.researcher());
        HttpResponse<String> inbox = browser.get("/inbox");
        HttpResponse<String> stop = browser.post("/inbox/preferences", Map.of(
                "csrf", Browser.hidden(inbox.body(), "csrf"), "accept", Browser.hidden(inbox.body(), "accept")));
        assertThat(stop.statusCode()).isEqualTo(303);
        assertError(postXml(s, xmlNotification(s.client().clientId(), "Hi", "doi")), 409, 9032);
        assertThat(browser.post("/inbox/preferences", Map.of("accept", "true")).statusCode()).isEqualTo(403);
    }

    static Browser signedIn(ResearcherInfo r) {
        Browser browser = new Browser(ORCID.baseUrl());
        HttpResponse<String> signIn = browser.post("/signin", Map.of("username", r.email(), "password", "pw",
                "next", "/inbox"));
        assertThat(signIn.statusCode()).isEqualTo(303);
        return browser;
    }

    private static Path sharedDir() {
        String prop = System.getProperty("pidlink.shared.dir");
        for (String candidate : new String[] {prop, "../shared", "../../shared"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate, "orcid"))) {
                return Path.of(candidate);
            }
        }
        throw new AssertionError("shared reference directory not found");
    }
}
