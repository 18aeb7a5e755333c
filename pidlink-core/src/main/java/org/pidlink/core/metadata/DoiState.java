package org.pidlink.core.metadata;

/** DataCite's DOI states. Crossref DOIs are public once deposited, so Crossref readers report FINDABLE. */
public enum DoiState {
    DRAFT, REGISTERED, FINDABLE, UNKNOWN
}
