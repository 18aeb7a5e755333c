package org.pidlink.app.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credential Prometheus scrapes {@code /actuator/prometheus} with ({@code pidlink.metrics.scrape.*}): HTTP Basic
 * for one configured user, who may read the metrics and nothing else. Unset, only signed-in administrators read them.
 *
 * @param username the scrape user's name, e.g. {@code prometheus}
 * @param password its password (give it as {@code PIDLINK_METRICS_SCRAPE_PASSWORD}, never on a command line); at
 *                 least 16 characters
 */
@ConfigurationProperties("pidlink.metrics.scrape")
public record ScrapeProperties(String username, String password) {

    public ScrapeProperties {
        boolean hasUser = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUser != hasPassword) {
            throw new IllegalArgumentException("pidlink.metrics.scrape.username and .password go together: set both "
                    + "(or neither, and only administrators read the metrics)");
        }
        if (hasPassword && password.length() < 16) {
            throw new IllegalArgumentException("pidlink.metrics.scrape.password must have at least 16 characters");
        }
    }

    public boolean configured() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "ScrapeProperties[username=" + username + ", password=[redacted]]";
    }
}
