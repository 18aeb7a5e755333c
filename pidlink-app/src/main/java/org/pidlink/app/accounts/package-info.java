/**
 * Researcher accounts: sign in with ORCID, the permission to update a record, and what the researcher lets
 * pidlink do.
 *
 * <h2>For other features</h2>
 * <ul>
 *   <li>{@link org.pidlink.app.accounts.WritePermissions#find} gives the push engine a researcher's
 *       {@link org.pidlink.app.accounts.WritePermission} per registration ({@code auto-update}, {@code search-link}),
 *       its token decrypted in memory only; {@link org.pidlink.app.accounts.WritePermissions#markRevoked} is what
 *       claims call when ORCID rejects a token; {@link org.pidlink.app.accounts.WritePermissions#all} lists who holds
 *       which permission ({@link org.pidlink.app.accounts.StoredPermission}, never the tokens).</li>
 *   <li>Events: {@link org.pidlink.app.accounts.WritePermissionGranted}, {@link org.pidlink.app.accounts.WritePermissionRevoked}
 *       (per registration; both when one client serves both), {@link org.pidlink.app.accounts.AutoUpdateChanged}, {@link org.pidlink.app.accounts.AccessLevelChanged},
 *       {@link org.pidlink.app.accounts.ResearcherDisconnected} (published before the tokens are revoked and erased).
 *       Each is published inside the transaction that makes the change.</li>
 *   <li>{@link org.pidlink.app.accounts.ProfileSection}: a bean that adds a fragment to the profile page.</li>
 *   <li>{@link org.pidlink.app.accounts.Researchers}: accounts by iD; {@code findPublic(limit)} for public lookups;
 *       {@code counts()} for the reports.</li>
 *   <li>{@link org.pidlink.app.accounts.SecretSealer}: seals another feature's secret with the vault's key (the
 *       webhook callback URLs).</li>
 *   <li>{@link org.pidlink.app.accounts.SignedIn}: the signed-in researcher of a request.</li>
 * </ul>
 *
 * <h2>Tokens</h2>
 * {@code TokenVault} keeps ORCID tokens sealed with AES-256-GCM from a Tink keyset
 * ({@code pidlink.vault.keyset} or {@code pidlink.vault.keyset-file}; required with ORCID production, generated in
 * the data directory otherwise), each ciphertext bound to its iD, registration and column. A keyset whose primary
 * is a new key makes pidlink re-encrypt every token at start.
 */
package org.pidlink.app.accounts;
