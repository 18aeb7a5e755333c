package org.pidlink.app.accounts;

/**
 * Seals a secret other features must keep (a webhook's callback URL that carries a secret) with the token vault's
 * key: AES-256-GCM, bound to a context so a ciphertext copied elsewhere does not open, re-encrypted when the key
 * rotates like the tokens are.
 */
public interface SecretSealer {

    /** The secret sealed for {@code context}. */
    byte[] seal(String plaintext, String context);

    /**
     * @throws VaultException when the ciphertext was not sealed for {@code context} with a key of the vault
     */
    String open(byte[] sealed, String context);

    /** The id of the key sealing now (rows sealed with another key are due for re-encryption). */
    long primaryKeyId();
}
