package org.pidlink.app.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole app on a random port, with the embedded ORCID emulator on a random port, its own embedded PostgreSQL and
 * a {@link TestClock} the test can move, and the accounts events and the HTTP sessions recorded ({@link RecordedEvents},
 * {@link RecordedSessions}). Every test class with this annotation and no other configuration shares one
 * Spring context (started once per test JVM), so keep tests independent of each other's data: use fresh researchers
 * and DOIs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pidlink.orcid.emulator.port=0",
        "pidlink.intake.poll-interval=200ms",
        // Long enough that a delete and re-create milliseconds apart always land in one webhook settle window,
        // even on a slow CI machine; every wait on reconciliation allows 30 s.
        "pidlink.reconcile.settle=1500ms"})
@ActiveProfiles("test")
@Import({TestClock.class, RecordedEvents.class, RecordedSessions.class})
public @interface PidlinkSpringTest {
}
