package org.pidlink.app.affiliations;

import org.pidlink.app.orcid.EmbeddedOrcid;
import org.pidlink.app.orcid.OrcidRegistrations;
import org.pidlink.app.testsupport.ConnectedResearchers;
import org.pidlink.app.testsupport.ConnectedResearchers.Person;
import org.pidlink.app.testsupport.PidlinkSpringTest;
import org.pidlink.app.testsupport.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole app with the emulator, for the affiliations' tests; each test uses rows and people of its own. */
@PidlinkSpringTest
abstract class AffiliationsTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOrcid orcid;

    @Autowired
    OrcidRegistrations registrations;

    @Autowired
    AffiliationStore store;

    @Autowired
    JdbcTemplate jdbc;

    /** A browser signed in to pidlink as {@code person}, through the emulator's ORCID pages. */
    WebSession signedIn(Person person) {
        return new ConnectedResearchers(port, orcid).signedIn(person);
    }
}
