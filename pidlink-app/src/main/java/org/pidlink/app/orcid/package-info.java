/**
 * Which ORCID pidlink talks to, and how.
 *
 * <p>{@code pidlink.orcid.preset}: {@code emulator} (default: an ORCID emulator runs inside pidlink with demo
 * researchers, see {@link org.pidlink.app.orcid.DemoResearchers}; {@code pidlink.orcid.emulator.port}, 8089 or
 * a free one), {@code sandbox} or {@code production}. Outside the emulator preset, configure
 * {@code pidlink.orcid.clients.auto-update.client-id}/{@code .client-secret} and, for a second ORCID client that
 * writes researchers' own claims, {@code pidlink.orcid.clients.search-link.*}; with one client both
 * registrations use it. {@code pidlink.orcid.oauth-base} and {@code pidlink.orcid.api-base} override the hosts.
 * Redirect URIs to register with ORCID: {@code {base}/login/oauth2/code/orcid} and
 * {@code {base}/account/orcid/granted/{auto-update|search-link}}.
 *
 * <p>For other features: {@link org.pidlink.app.orcid.OrcidRegistrations} (registration ids, a ready
 * {@code OrcidClient} per registration, the ORCID hosts), {@link org.pidlink.app.orcid.OrcidConnection}; and
 * {@link org.pidlink.app.orcid.OrcidClientCustomizer}: every such bean customizes those clients before they are built
 * (the push feature adds ORCID's shared rate limit and the call audit this way).
 */
package org.pidlink.app.orcid;
