/**
 * Intake: DOI metadata in, auto-update claims out. Whenever a DOI is registered or updated with researchers' ORCID
 * iDs in its metadata, their claims are asserted (and withdrawn when an iD disappears, the DOI stops being
 * findable or is deleted); claims and the push engine write the works to ORCID.
 *
 * <ul>
 * <li>{@link org.pidlink.app.intake.Intake} is the one entry point: {@code submit(bytes, contentType, source)}
 * (any DataCite or Crossref format, one record, a list or JSON Lines), {@code submitRecords(records, source)},
 * {@code deleted(doi, source)}. It reads, evaluates (skip rules, iDs of creators and, when configured,
 * contributors, the ORCID work per researcher) and records per DOI a content hash and the iD set in one
 * transaction ({@code intake_doi}), with the claim tasks that follow ({@code intake_task}). The same metadata twice
 * queues nothing. No network call happens here.</li>
 * <li>{@link org.pidlink.app.intake.IntakeWorker} turns tasks into {@code Claims.assertClaim(…, AUTO_UPDATE, …)}
 * and {@code Claims.withdraw(…)}, one transaction each, in arrival order per DOI and researcher.</li>
 * <li>Sources: {@code api} ({@code POST /api/v1/dois}, {@code DELETE /api/v1/dois/{doi}}, API keys per source,
 * the admin page {@code /admin/api-keys}); {@code harvest} (incremental DataCite REST harvest with a checkpoint);
 * {@code kafka} (optional consumer, at least once, deduplicated by offset and content hash).</li>
 * <li>{@code notify}: a permission request in the ORCID inbox for researchers pidlink does not know, one per
 * researcher with a resend policy; its link ({@code /connect}) starts pidlink's connect flow.</li>
 * </ul>
 * Configuration: {@link org.pidlink.app.intake.IntakeProperties} ({@code pidlink.intake.*}).
 */
package org.pidlink.app.intake;
