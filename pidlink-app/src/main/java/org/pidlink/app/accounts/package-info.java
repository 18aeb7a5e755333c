/**
 * Researcher accounts: sign in with ORCID, the permission to update a record, and what the researcher lets
 * pidlink do.
 *
 * <h2>For other features</h2>
 * <ul>
 *   <li>{@link org.pidlink.app.accounts.WritePermissions#find} gives the push engine a researcher's
 *       {@link org.pidlink.app.accounts.WritePermission} per registration ({@code auto-update}, {@code search-link}),
 *       its token decrypted in memory only; {@link org.pidlink.app.accounts.WritePermissions#markRevoked} is what the
 *       engine calls on a 401 from ORCID.</li>
 *   <li>Events: {@link org.pidlink.app.accounts.WritePermissionGranted}, {@link org.pidlink.app.accounts.WritePermissionRevoked}
 *       (per registration; both when one client serves both), {@link org.pidlink.app.accounts.AutoUpdateChanged},
 *       {@link org.pidlink.app.accounts.ResearcherDisconnected} (published before the tokens are revoked and erased).</li>
 *   <li>{@link org.pidlink.app.accounts.ProfileSection}: a bean that adds a fragment to the profile page.</li>
 *   <li>{@link org.pidlink.app.accounts.Researchers}: accounts by iD; {@code findPublic()} for public lookups.</li>
 * </ul>
 *
 * <h2>Tokens</h2>
 * {@link org.pidlink.app.accounts.TokenVault} keeps ORCID tokens sealed with AES-256-GCM from a Tink keyset
 * ({@code pidlink.vault.keyset} or {@code pidlink.vault.keyset-file}; required with ORCID production, generated in
 * the data directory otherwise), each ciphertext bound to its iD, registration and column. A keyset whose primary
 * is a new key makes pidlink re-encrypt every token at start.
 */
package org.pidlink.app.accounts;
