package org.pidlink.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pidlink.emulator.control.ClientInfo;
import org.pidlink.emulator.control.ClientSpec;
import org.pidlink.emulator.control.EmulatorControl;
import org.pidlink.emulator.control.ResearcherInfo;
import org.pidlink.emulator.control.ResearcherSpec;

/** Shared reference material and helpers for the conformance tests. */
public final class Fixtures {

    public static final String XML = "application/vnd.orcid+xml";
    public static final String JSON = "application/vnd.orcid+json";

    private Fixtures() {
    }

    /** {@code ../shared} as the parent POM tells surefire, else relative fallbacks. */
    public static Path shared() {
        String prop = System.getProperty("pidlink.shared.dir");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
        }
        for (String c : new String[] {"../shared", "../../shared", "../../../shared"}) {
            if (Files.isDirectory(Path.of(c))) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("cannot find the shared reference directory");
    }

    public static Path orcidModel() {
        return shared().resolve("orcid/orcid-model");
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeSample(String name) {
        return read(orcidModel().resolve("record_3.0/samples/write_samples").resolve(name));
    }

    public static String postFile(String name) {
        return read(shared().resolve("orcid/orcid-independent-tests/post_files").resolve(name));
    }

    /** A member client (premium) and a researcher with a read-limited + activities/update token. */
    public record Setup(ClientInfo client, ResearcherInfo researcher, String token) {
        public String orcid() {
            return researcher.orcid();
        }

        public String bearer() {
            return "Bearer " + token;
        }
    }

    public static Setup setup(EmulatorControl control, String clientName) {
        ClientInfo client = control.createClient(ClientSpec.member(clientName, "https://app.example/cb"));
        ResearcherInfo r = control.createResearcher(ResearcherSpec.of("Josiah", "Carberry"));
        String token = control.token(r.orcid(), client.clientId(), "/read-limited /activities/update").accessToken();
        return new Setup(client, r, token);
    }

    public static String token(EmulatorControl control, Setup s, String scope) {
        return control.token(s.orcid(), s.client().clientId(), scope).accessToken();
    }

    /** A schema-valid permission notification (XML) for the inbox, from {@code clientId}. */
    public static String permissionNotification(String clientId) {
        return """
                <notification:notification xmlns:common="http://www.orcid.org/ns/common" xmlns:notification="http://www.orcid.org/ns/notification">
                  <notification:notification-type>permission</notification:notification-type>
                  <notification:authorization-url>
                    <notification:path>/oauth/authorize?client_id=%s&amp;response_type=code&amp;scope=/activities/update</notification:path>
                  </notification:authorization-url>
                  <notification:notification-subject>Your article</notification:notification-subject>
                  <notification:notification-intro>We found your article</notification:notification-intro>
                  <notification:items>
                    <notification:item>
                      <notification:item-type>work</notification:item-type>
                      <notification:item-name>Heat transfer in thin films</notification:item-name>
                      <common:external-id><common:external-id-type>doi</common:external-id-type><common:external-id-value>10.5555/12345</common:external-id-value><common:external-id-relationship>self</common:external-id-relationship></common:external-id>
                    </notification:item>
                  </notification:items>
                </notification:notification>
                """.formatted(clientId);
    }

    /** A minimal valid JSON work with one self DOI. */
    public static String jsonWork(String title, String doi) {
        return """
                {"title":{"title":{"value":"%s"}},"type":"journal-article",
                 "publication-date":{"year":{"value":"2021"},"month":{"value":"03"}},
                 "external-ids":{"external-id":[{"external-id-type":"doi","external-id-value":"%s",
                   "external-id-url":{"value":"https://doi.org/%s"},"external-id-relationship":"self"}]}}
                """.formatted(title, doi, doi);
    }

    /** A minimal valid XML work with one self DOI. */
    public static String xmlWork(String title, String doi) {
        return """
                <work:work xmlns:common="http://www.orcid.org/ns/common" xmlns:work="http://www.orcid.org/ns/work">
                  <work:title><common:title>%s</common:title></work:title>
                  <work:type>journal-article</work:type>
                  <common:external-ids><common:external-id>
                    <common:external-id-type>doi</common:external-id-type>
                    <common:external-id-value>%s</common:external-id-value>
                    <common:external-id-relationship>self</common:external-id-relationship>
                  </common:external-id></common:external-ids>
                </work:work>
                """.formatted(title, doi);
    }

    private static final Pattern PUT_CODE = Pattern.compile("/(\\d+)$");

    public static long putCodeOf(String location) {
        Matcher m = PUT_CODE.matcher(location);
        if (!m.find()) {
            throw new AssertionError("no put-code in Location " + location);
        }
        return Long.parseLong(m.group(1));
    }
}
