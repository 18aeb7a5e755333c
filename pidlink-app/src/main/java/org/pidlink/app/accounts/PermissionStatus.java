package org.pidlink.app.accounts;

/** Whether a researcher's ORCID permission can still be used. */
public enum PermissionStatus {
    /** The token works, as far as pidlink knows. */
    ACTIVE,
    /** ORCID rejected the token (the researcher revoked it there): writes wait until she reconnects. */
    REVOKED
}
