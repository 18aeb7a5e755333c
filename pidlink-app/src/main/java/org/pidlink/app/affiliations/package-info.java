/**
 * Affiliations (issue 13): an institution's list of its people's employment, education, qualification, invited
 * position, distinction, membership and service, written to their ORCID records once each person approves.
 *
 * <ul>
 * <li>In: {@code AffiliationsAdminController} ({@code /admin/affiliations}: upload, people and links, status table
 * and CSV export, template) and {@code AffiliationsApiController} ({@code POST|GET /api/v1/affiliations}, API key
 * permission {@code affiliations}). {@code AffiliationFileReader} reads CSV or JSON within limits,
 * {@code RowValidator} checks every row (a file with an error is refused whole: {@code FileRefused} with
 * {@code RowError}s by line and column), {@code AffiliationUploads} stores the rows by local key.</li>
 * <li>Permission: {@code PermissionLinks} (one hashed, expiring, revocable link per person), handed out as CSV, by
 * {@code InboxInvitations} (ORCID inbox) or {@code MailInvitations} (SMTP, off by default);
 * {@code ResearcherAffiliationsController} (the link's page, approve/decline) and {@code AffiliationsProfileSection}.</li>
 * <li>Out: {@code AffiliationWriter} on {@code AffiliationsWriterWorker} POSTs, PUTs and DELETEs with the
 * researcher's token, one call at a time per researcher; {@code PermissionGrantedListener} resumes what waited for
 * her permission.</li>
 * </ul>
 * Tables {@code affiliation_person} and {@code affiliation} (V10_1); configuration {@code pidlink.affiliations.*}.
 * Format and flow: {@code docs/affiliations.md}.
 */
package org.pidlink.app.affiliations;
