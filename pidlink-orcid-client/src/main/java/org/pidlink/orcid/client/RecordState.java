package org.pidlink.orcid.client;

/**
 * Why an ORCID record refuses writes (ORCID answers 409 on writes, 301 on reads of a deprecated record), or
 * permission requests.
 */
public enum RecordState {
    /** 9007: merged into another record; the researcher must reconnect with the primary iD. */
    DEPRECATED,
    /** 9018: locked by ORCID. */
    LOCKED,
    /** 9044: deactivated by its owner. */
    DEACTIVATED,
    /** 9036: created by a member but not yet claimed by the researcher. */
    UNCLAIMED,
    /** 9032: the researcher takes no notifications from member organizations (only the inbox API answers this). */
    NOTIFICATIONS_DECLINED
}
