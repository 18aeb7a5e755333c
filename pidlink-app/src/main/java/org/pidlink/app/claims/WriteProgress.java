package org.pidlink.app.claims;

/**
 * How far pidlink has come writing a researcher's works, e.g. during her backfill.
 *
 * @param written works on her ORCID record now
 * @param toWrite works queued to be added or updated that may be written now (not waiting for permission)
 */
public record WriteProgress(long written, long toWrite) {

    /** Whether pidlink is still writing. */
    public boolean writing() {
        return toWrite > 0;
    }

    /** Written and still to write. */
    public long total() {
        return written + toWrite;
    }
}
