/**
 * Read back and reconcile: pidlink registers an ORCID webhook for each researcher who lets it write to her record,
 * and when ORCID calls it (her record changed) reads her works and brings her claims in line: a work of pidlink's
 * that she deleted is marked removed by her (never added again unless she asks), a work of pidlink's that ORCID
 * now lists under another put-code is adopted. Reconciling never writes to ORCID.
 */
@NullMarked
package org.pidlink.app.reconcile;

import org.jspecify.annotations.NullMarked;
