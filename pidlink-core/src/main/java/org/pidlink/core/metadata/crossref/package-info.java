/** Readers for Crossref metadata: deposit XML, query output (unixsd/unixref) and REST JSON. Internal. */
package org.pidlink.core.metadata.crossref;
