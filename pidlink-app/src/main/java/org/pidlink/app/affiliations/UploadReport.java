package org.pidlink.app.affiliations;

/**
 * What an accepted upload changed.
 *
 * @param added     new rows (waiting for the person's permission)
 * @param changed   rows whose content changed (an update goes to ORCID where the affiliation is written)
 * @param unchanged rows exactly as stored: nothing is written for them
 * @param removed   rows missing from the file and taken away (only when the upload asked for it)
 */
record UploadReport(int rows, int added, int changed, int unchanged, int removed) {

    String summary() {
        return rows + " row(s) accepted: " + added + " new, " + changed + " changed, " + unchanged + " unchanged"
                + (removed > 0 ? ", " + removed + " removed" : "") + ".";
    }
}
