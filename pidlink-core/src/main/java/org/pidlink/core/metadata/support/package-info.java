/**
 * Building blocks shared by the format readers (drafts of records and persons, ORCID resolution, dates, text).
 * Internal to the metadata readers: callers use {@link org.pidlink.core.metadata.MetadataReader}.
 */
package org.pidlink.core.metadata.support;
