/**
 * Read back and reconcile: the public inverse lookup (which ORCID iDs a DOI is linked to, and which DOIs an iD
 * is linked to), honouring each researcher's choice to show in public lookups.
 */
@NullMarked
package org.pidlink.app.lookup;

import org.jspecify.annotations.NullMarked;
