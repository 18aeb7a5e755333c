/** Which DOIs pidlink does not write to ORCID, each with its reason: see {@link org.pidlink.core.skip.SkipRules}. */
package org.pidlink.core.skip;
