package org.pidlink.app.accounts;

import java.util.List;

/**
 * What pidlink may do with the researcher's ORCID record, in one sentence that agrees with her settings: her
 * permission (none, revoked, granted), the access level she chose, and auto-update.
 */
record AccountSummary(String sentence) {

    static AccountSummary of(Researcher researcher, List<StoredPermission> permissions) {
        boolean revoked = permissions.stream().anyMatch(p -> p.status() == PermissionStatus.REVOKED);
        boolean active = permissions.stream().anyMatch(p -> p.status() == PermissionStatus.ACTIVE);
        String autoUpdate = researcher.autoUpdate()
                ? "Auto-update is on: pidlink adds the works whose DOI metadata names your iD."
                : "Auto-update is off: pidlink adds only the works you claim in search & link.";
        if (!active) {
            return new AccountSummary(revoked
                    ? "You revoked pidlink's permission on ORCID: pidlink changes nothing on your record until you"
                            + " reconnect in your settings."
                    : "pidlink may not change your ORCID record yet: you have not granted it permission. Grant it in"
                            + " your settings.");
        }
        return new AccountSummary(switch (researcher.accessLevel()) {
            case READ_WRITE -> "You granted pidlink permission and chose \"Read and write\": pidlink may add, update"
                    + " and remove the works it finds for you. " + autoUpdate;
            case READ_ONLY -> "You chose \"Read only\": pidlink reads your ORCID record but changes nothing on it;"
                    + " changes wait until you choose \"Read and write\".";
            case MATCH_ONLY -> "You chose \"Only match works to me\": pidlink neither reads nor changes your ORCID"
                    + " record; changes wait until you choose \"Read and write\".";
        });
    }
}
