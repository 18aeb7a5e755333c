package org.pidlink.app.testsupport;

import org.pidlink.emulator.SettableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The app's one clock in Spring tests: the system's time (background work keeps going) that a test moves forward
 * with {@link SettableClock#advance}. Tests that move it must move it back ({@code advance(negative)}) or leave
 * later tests unaffected by what they moved.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    @Primary
    public SettableClock testClock() {
        return SettableClock.ticking();
    }
}
