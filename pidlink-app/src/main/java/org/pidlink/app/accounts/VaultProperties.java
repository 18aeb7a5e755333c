package org.pidlink.app.accounts;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that encrypts ORCID tokens at rest ({@code pidlink.vault.*}): a Tink keyset in JSON, given inline or as
 * a file. To rotate, configure a keyset whose primary is a new key and which still holds the old ones: pidlink
 * re-encrypts every token with the new key at start, after which the old keys may be dropped.
 * Production requires one; otherwise pidlink generates a keyset in its data directory (mode 600) and reuses it.
 *
 * @param keyset     the keyset as Tink JSON; takes precedence over {@code keysetFile}
 * @param keysetFile a file holding the keyset as Tink JSON
 */
@ConfigurationProperties("pidlink.vault")
record VaultProperties(String keyset, Path keysetFile) {

    @Override
    public String toString() {
        return "VaultProperties[keyset=" + (keyset == null ? "null" : "[redacted]") + ", keysetFile=" + keysetFile + "]";
    }
}
