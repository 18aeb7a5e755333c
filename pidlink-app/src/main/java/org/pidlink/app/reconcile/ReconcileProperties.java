package org.pidlink.app.reconcile;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Read back and reconcile ({@code pidlink.reconcile.*}).
 *
 * @param enabled       whether pidlink registers ORCID webhooks; unset: on in the emulator preset, off otherwise
 * @param publicBaseUrl where ORCID reaches pidlink, when it differs from {@code pidlink.public-url} (which serves when
 *                      this is unset), e.g. {@code https://pidlink.example.org}; one of the two is required outside the
 *                      emulator preset (where pidlink's own local address serves)
 * @param settle        how long a researcher's reconciliation waits after a callback, so that a burst of changes
 *                      (ORCID calls once per change) is read back once
 */
@ConfigurationProperties("pidlink.reconcile")
record ReconcileProperties(@Nullable Boolean enabled, @Nullable URI publicBaseUrl, Duration settle) {

    public ReconcileProperties {
        settle = settle == null ? Duration.ofSeconds(2) : settle;
        if (settle.isNegative()) {
            throw new IllegalArgumentException("pidlink.reconcile.settle must not be negative, got " + settle);
        }
        if (publicBaseUrl != null && (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null
                || !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme())))) {
            throw new IllegalArgumentException("pidlink.reconcile.public-base-url must be an absolute http(s) URL, got "
                    + publicBaseUrl);
        }
    }
}
