/**
 * The mapping from DataCite and Crossref resource types to ORCID work types, replaceable by administrators as
 * a CSV: see {@link org.pidlink.core.types.TypeMapping} for the key syntax and
 * {@code org/pidlink/core/types/default-type-mapping.csv} for the defaults.
 */
package org.pidlink.core.types;
