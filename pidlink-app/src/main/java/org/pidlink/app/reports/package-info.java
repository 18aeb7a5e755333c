/**
 * Observability and reports for administrators: Micrometer meters that need a query (claims by status, the push
 * queue's depth and oldest due claim; the meters of ORCID calls, works and intake are recorded where they happen,
 * in {@code push} and {@code intake}), the push engine's health, and {@code /admin/reports}: charts drawn on the
 * server as inline SVG (no script, strict CSP) from the claims' figures ({@code ClaimsOverview}), the accounts'
 * counts and the push audit's read side ({@code OrcidCallStatistics}, {@code OrcidCallsCsv}), and its CSV download.
 * Reports read other features only through their APIs; it has no public API of its own.
 */
@NullMarked
package org.pidlink.app.reports;

import org.jspecify.annotations.NullMarked;
