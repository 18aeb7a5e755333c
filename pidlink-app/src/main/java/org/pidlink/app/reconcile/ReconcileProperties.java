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
 *                      (ORCID calls once per change) is read back once; a callback that comes while pidlink writes
 *                      to the record, or within this long after its write, is taken for the echo of that write
 * @param verifyAfterOwnWrites when callbacks were only echoes of pidlink's own writes, how long after its last
 *                      write the record is read once to verify it (instead of after every burst of writes)
 */
@ConfigurationProperties("pidlink.reconcile")
record ReconcileProperties(@Nullable Boolean enabled, @Nullable URI publicBaseUrl, Duration settle,
        Duration verifyAfterOwnWrites) {

    public ReconcileProperties {
        settle = settle == null ? Duration.ofSeconds(2) : settle;
        if (settle.isNegative()) {
            throw new IllegalArgumentException("pidlink.reconcile.settle must not be negative, got " + settle);
        }
        verifyAfterOwnWrites = verifyAfterOwnWrites == null ? Duration.ofHours(1) : verifyAfterOwnWrites;
        if (verifyAfterOwnWrites.isNegative()) {
            throw new IllegalArgumentException("pidlink.reconcile.verify-after-own-writes must not be negative, got "
                    + verifyAfterOwnWrites);
        }
        if (publicBaseUrl != null && (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null
                || !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme())))) {
            throw new IllegalArgumentException("pidlink.reconcile.public-base-url must be an absolute http(s) URL, got "
                    + publicBaseUrl);
        }
    }
}
