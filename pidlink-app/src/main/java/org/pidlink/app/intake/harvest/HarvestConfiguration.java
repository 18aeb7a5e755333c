package org.pidlink.app.intake.harvest;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.pidlink.app.intake.Intake;
import org.pidlink.app.intake.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The DataCite harvest ({@code pidlink.intake.harvest.enabled=true}), run every {@code interval}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("pidlink.intake.harvest.enabled")
class HarvestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HarvestConfiguration.class);

    @Bean
    DataCiteHarvester dataCiteHarvester(DataSource dataSource, Intake intake, IntakeProperties properties,
                                        Clock clock) {
        return new DataCiteHarvester(dataSource, intake,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                        .followRedirects(HttpClient.Redirect.NORMAL).build(),
                clock, properties.harvest());
    }

    /** {@code harvest} in {@code /actuator/health}. */
    @Bean
    HarvestHealth harvestHealthIndicator(DataCiteHarvester harvester, IntakeProperties properties, Clock clock) {
        return new HarvestHealth(harvester, clock, properties.harvest().unreachableAfter());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService harvestSchedule() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("pidlink-harvest").factory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        DataCiteHarvester harvester = context.getBean(DataCiteHarvester.class);
        Duration interval = context.getBean(IntakeProperties.class).harvest().interval();
        context.getBean("harvestSchedule", ScheduledExecutorService.class).scheduleWithFixedDelay(() -> {
            try {
                harvester.runOnce();
            } catch (RuntimeException e) {
                log.error("DataCite harvest failed; the next run retries", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
