package org.pidlink.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.pidlink.app.testsupport.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pidlink.app.orcid.DemoResearchers;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * No plaintext ORCID token anywhere but in memory: not in any table (every text, JSON and bytea column of the
 * database, read back whole), not in the logs (with pidlink's and Spring Security's debug logging on), not in
 * any page pidlink serves.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.org.pidlink=DEBUG", "logging.level.org.springframework.security=DEBUG",
        "logging.level.org.springframework.web=DEBUG"})
class TokenSecrecyTest extends AccountsTestSupport {

    @Autowired
    TokenVault vault;

    @Autowired
    WritePermissions permissions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noTokenInTheDatabaseTheLogsOrThePages(CapturedOutput output) {
        Person dorothy = newResearcher("Dorothy", "Hodgkin");
        WebSession browser = new WebSession(port);
        List<String> pages = new ArrayList<>();
        pages.add(signIn(browser, dorothy).body());
        pages.add(grant(browser, dorothy, OrcidRegistrations.AUTO_UPDATE).body());
        pages.add(grant(browser, dorothy, OrcidRegistrations.SEARCH_LINK).body());
        HttpResponse<String> settings = browser.get("/settings");
        pages.add(browser.follow(browser.submit(settings, "/settings",
                Map.of("autoUpdate", "true", "accessLevel", "READ_WRITE"))).body());
        pages.add(browser.get("/profile").body());

        List<String> secrets = new ArrayList<>();
        for (String registration : List.of(OrcidRegistrations.AUTO_UPDATE, OrcidRegistrations.SEARCH_LINK)) {
            GrantedTokens tokens = vault.open(dorothy.orcid(), registration).orElseThrow();
            secrets.add(tokens.accessToken());
            secrets.add(tokens.refreshToken());
            // A refresh writes new tokens and logs that it did.
            GrantedTokens fresh = permissions.refresh(dorothy.orcid(), registration, tokens).orElseThrow();
            secrets.add(fresh.accessToken());
            secrets.add(fresh.refreshToken());
        }
        assertThat(secrets).doesNotContainNull().hasSize(8).doesNotHaveDuplicates();

        WebSession admin = new WebSession(port);
        signIn(admin, new Person(DemoResearchers.JOSIAH.orcid(), DemoResearchers.JOSIAH.email(),
                DemoResearchers.JOSIAH.name()));
        pages.add(admin.get("/admin/orcid-permissions").body());
        pages.add(browser.get("/settings").body());

        String database = dumpDatabase();
        assertThat(database).as("the dump holds the sealed tokens").contains(dorothy.orcid().value());
        for (String secret : secrets) {
            assertThat(database).as("database").doesNotContain(secret);
            assertThat(output.getAll()).as("logs").doesNotContain(secret);
            assertThat(pages).as("pages").noneMatch(page -> page.contains(secret));
        }
        assertThat(output.getAll()).contains("Refreshed the ORCID token");
        checkLogs(output, secrets);
    }

    /** More checks of the logs for a log format (the text logs need none beyond the above). */
    void checkLogs(CapturedOutput output, List<String> secrets) {
    }

    /** Every row of every table, every text-like and binary column, as text. */
    private String dumpDatabase() {
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                          AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')""")
                .query().listOfRows();
        assertThat(columns).anyMatch(c -> "access_token".equals(c.get("column_name")));
        StringBuilder dump = new StringBuilder();
        for (Map<String, Object> c : columns) {
            String column = "\"" + c.get("column_name") + "\"";
            String table = "\"" + c.get("table_schema") + "\".\"" + c.get("table_name") + "\"";
            String read = "bytea".equals(c.get("data_type"))
                    ? "encode(" + column + ", 'escape') || ' ' || encode(" + column + ", 'hex') || ' ' || encode(" + column + ", 'base64')"
                    : column + "::text";
            jdbc.sql("SELECT " + read + " FROM " + table).query(String.class).list()
                    .forEach(v -> dump.append(v).append('\n'));
        }
        return dump.toString();
    }
}
