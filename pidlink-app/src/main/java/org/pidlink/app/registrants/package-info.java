/**
 * Registrants: the opposite direction of auto-update. Data centres and publishers (registrants) own DOI prefixes;
 * pidlink tells each which researchers claim its DOIs (Search &amp; Link, import, ORCID read back) while its
 * metadata does not carry their iDs, and which iDs in its metadata are broken (bad checksum, a deprecated or
 * deactivated ORCID record), with the evidence to trust a suggestion: the name match against the metadata's creators
 * and contributors, the provenance, whether the iD came from an ORCID sign-in, and the trust markers of ORCID's
 * record summary.
 *
 * <ul>
 * <li>Administrators register registrants at {@code /admin/registrants} (prefixes, DataCite client id, webhook URL,
 * an API key that reads only its own suggestions, the webhook delivery log).</li>
 * <li>{@code RegistrantMetadata} keeps, from intake ({@link org.pidlink.app.intake.RecordsStored}), who the latest
 * metadata of each registrant DOI names; {@code SuggestionScanner} follows the claims on registrant DOIs
 * ({@code Claims.changedUnderPrefixes}) and the record states of the iDs in the metadata.</li>
 * <li>Delivery: {@code GET /api/v1/registrants/{id}/suggestions} (and JSON Lines/CSV export, accept/reject), a signed
 * webhook and, when configured, a Kafka topic, both through a PostgreSQL outbox with retries
 * ({@code DeliveryWorker}).</li>
 * <li>Researchers see on their profile which registrants were told about their claims; only researchers who show in
 * public lookups are suggested, unless the registrant's own metadata names them.</li>
 * </ul>
 * Configuration: {@link org.pidlink.app.registrants.RegistrantsProperties} ({@code pidlink.registrants.*}).
 */
@NullMarked
package org.pidlink.app.registrants;

import org.jspecify.annotations.NullMarked;
