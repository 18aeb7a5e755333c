package org.pidlink.app.testsupport;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.pidlink.app.orcid.DemoResearchers;
import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.core.identifiers.OrcidId;
import org.pidlink.emulator.control.ResearcherSpec;

/**
 * For other features' tests: researchers who connect to pidlink the way a person does (sign in with ORCID on
 * the emulator's pages, grant the auto-update permission, switch auto-update in the settings), over real HTTP.
 */
public final class ConnectedResearchers {

    private final int pidlinkPort;
    private final Function<ResearcherSpec, OrcidId> createResearcher;
    private final Map<OrcidId, WebSession> sessions = new ConcurrentHashMap<>();

    public ConnectedResearchers(int pidlinkPort, EmbeddedOrcid orcid) {
        this(pidlinkPort, spec -> new OrcidId(orcid.emulator().control().createResearcher(spec).orcid()));
    }

    /** For an emulator in another process: {@code createResearcher} adds one through its control API. */
    public ConnectedResearchers(int pidlinkPort, Function<ResearcherSpec, OrcidId> createResearcher) {
        this.pidlinkPort = pidlinkPort;
        this.createResearcher = createResearcher;
    }

    /** A researcher in the emulator, unknown to pidlink. */
    public record Person(OrcidId orcid, String email) {
    }

    public Person newResearcher(String given, String family) {
        String email = given.toLowerCase(java.util.Locale.ROOT) + "." + UUID.randomUUID() + "@example.org";
        OrcidId created = createResearcher.apply(ResearcherSpec.of(given, family).withEmail(email)
                .withPassword(DemoResearchers.PASSWORD));
        return new Person(created, email);
    }

    /** The emulator's demo researcher Josiah Carberry, pidlink's administrator in the emulator preset. */
    public static Person demoAdministrator() {
        return new Person(DemoResearchers.JOSIAH.orcid(), DemoResearchers.JOSIAH.email());
    }

    /** Signs in with ORCID (the researcher must exist in the emulator). */
    public void signIn(Person person) {
        WebSession browser = new WebSession(pidlinkPort);
        sessions.put(person.orcid(), browser);
        browser.follow(browser.throughOrcid(browser.get("/oauth2/authorization/orcid"), person.email(), "authorize"));
    }

    /** Signs in with ORCID and answers her browser, for tests that walk pages themselves. */
    public WebSession signedIn(Person person) {
        signIn(person);
        return browser(person);
    }

    /** A pidlink page as the signed-in researcher sees it (after redirects). */
    public HttpResponse<String> page(Person person, String path) {
        return browser(person).follow(browser(person).get(path));
    }

    /** Submits a form of {@code page} (with its CSRF token) to {@code action}; answers the page after redirects. */
    public HttpResponse<String> submit(Person person, HttpResponse<String> page, String action,
                                       Map<String, String> fields) {
        return browser(person).follow(browser(person).submit(page, action, fields));
    }

    /** The browser session of a researcher who signed in in this test, to walk pages and ORCID's pages. */
    public WebSession browserOf(Person person) {
        return browser(person);
    }

    private WebSession browser(Person person) {
        WebSession browser = sessions.get(person.orcid());
        if (browser == null) {
            throw new IllegalStateException(person.orcid() + " has not signed in in this test");
        }
        return browser;
    }

    /** Signs in, grants the auto-update permission and sets auto-update as asked. */
    public void connect(Person person, boolean autoUpdate) {
        signIn(person);
        grant(person, OrcidRegistrations.AUTO_UPDATE);
        setAutoUpdate(person, autoUpdate);
    }

    /** Grants one of pidlink's ORCID permissions on the emulator's consent page (she must have signed in). */
    public void grant(Person person, String registrationId) {
        WebSession browser = browser(person);
        browser.follow(browser.throughOrcid(browser.get("/oauth2/authorization/" + registrationId), person.email(),
                "authorize"));
    }

    /** Switches auto-update in the researcher's settings page (she must have connected). */
    public void setAutoUpdate(Person person, boolean on) {
        WebSession browser = browser(person);
        HttpResponse<String> page = browser.get("/settings");
        HttpResponse<String> saved = browser.follow(browser.submit(page, "/settings",
                Map.of("autoUpdate", Boolean.toString(on), "accessLevel", "READ_WRITE", "publicProfile", "false")));
        if (saved.statusCode() != 200) {
            throw new IllegalStateException("saving the settings answered " + saved.statusCode());
        }
    }
}
