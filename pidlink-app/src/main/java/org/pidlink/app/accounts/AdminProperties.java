package org.pidlink.app.accounts;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * pidlink's first administrators ({@code pidlink.admin.orcids}): the iDs that are administrators as soon as they
 * sign in. With the embedded emulator and none configured, the demo researcher Josiah Carberry is.
 */
@ConfigurationProperties("pidlink.admin")
record AdminProperties(List<String> orcids) {

    public AdminProperties {
        orcids = orcids == null ? List.of() : List.copyOf(orcids);
    }
}
