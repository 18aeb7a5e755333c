package org.pidlink.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import jakarta.servlet.http.HttpSessionEvent;

/** The ceilings on sessions: unfinished sign-ins make room, signed-in researchers are never dropped for it. */
class SessionLimitsTest {

    private final SessionLimits limits = new SessionLimits(new SessionProperties(2, 3, Duration.ofMinutes(10)));

    @Test
    void anAddressOverItsCeilingLosesItsOldestUnfinishedSignInNotASignedInSession() {
        MockHttpSession signedIn = open("10.0.0.1", true);
        MockHttpSession unfinished = open("10.0.0.1", false);

        MockHttpSession third = open("10.0.0.1", false);

        assertThat(unfinished.isInvalid()).isTrue();
        assertThat(signedIn.isInvalid()).isFalse();
        assertThat(third.isInvalid()).isFalse();
        assertThat(limits.count("10.0.0.1")).isEqualTo(2);
    }

    @Test
    void whenEverySessionOfTheAddressIsSignedInTheNewOneIsRefused() {
        List<MockHttpSession> both = List.of(open("10.0.0.1", true), open("10.0.0.1", true));

        assertThatThrownBy(() -> limits.makeRoom("10.0.0.1")).isInstanceOf(SessionLimits.Exceeded.class)
                .hasMessageContaining("pidlink.sessions.max-per-address = 2");
        assertThat(both).noneMatch(MockHttpSession::isInvalid);
        limits.makeRoom("10.0.0.2"); // another address still gets one
    }

    @Test
    void theTotalCeilingDropsTheOldestUnfinishedSignInOfAnyAddress() {
        MockHttpSession oldest = open("10.0.0.1", false);
        MockHttpSession signedIn = open("10.0.0.2", true);
        MockHttpSession newer = open("10.0.0.3", false);

        open("10.0.0.4", false);

        assertThat(oldest.isInvalid()).isTrue();
        assertThat(List.of(signedIn, newer)).noneMatch(MockHttpSession::isInvalid);
        assertThat(limits.count()).isEqualTo(3);
    }

    @Test
    void anExpiredSessionNoLongerCounts() {
        MockHttpSession session = open("10.0.0.1", true);
        open("10.0.0.1", true);
        limits.sessionDestroyed(new HttpSessionEvent(session));

        limits.makeRoom("10.0.0.1");

        assertThat(limits.count("10.0.0.1")).isEqualTo(1);
    }

    private MockHttpSession open(String address, boolean signedIn) {
        limits.makeRoom(address);
        MockHttpSession session = new MockHttpSession() {
            @Override
            public void invalidate() {
                super.invalidate();
                limits.sessionDestroyed(new HttpSessionEvent(this)); // as the servlet container tells its listeners
            }
        };
        if (signedIn) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    new SecurityContextImpl(new TestingAuthenticationToken("0000-0002-1825-0097", null, "ROLE_RESEARCHER")));
        }
        limits.add(session, address);
        return session;
    }
}
