package org.pidlink.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReconcilePropertiesTest {

    @Test
    void unsetMeansThePresetDecidesAndCallbacksSettleTwoSeconds() {
        ReconcileProperties defaults = new ReconcileProperties(null, null, null, null);
        assertThat(defaults.enabled()).isNull();
        assertThat(defaults.publicBaseUrl()).isNull();
        assertThat(defaults.settle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.verifyAfterOwnWrites()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void thePublicBaseUrlMustBeAnAbsoluteHttpUrl() {
        assertThat(new ReconcileProperties(true, URI.create("https://pidlink.example.org/"), null, null).publicBaseUrl())
                .hasHost("pidlink.example.org");
        assertThatThrownBy(() -> new ReconcileProperties(true, URI.create("/relative"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public-base-url");
        assertThatThrownBy(() -> new ReconcileProperties(true, URI.create("ftp://pidlink.example.org"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://pidlink.example.org");
    }

    @Test
    void aNegativeSettleIsRefused() {
        assertThatThrownBy(() -> new ReconcileProperties(null, null, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settle");
        assertThatThrownBy(() -> new ReconcileProperties(null, null, null, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("verify-after-own-writes");
    }
}
