package org.pidlink.app.claims;

/**
 * What a change of her filters or write mode would do, before she saves it.
 *
 * @param removed  works pidlink put on her ORCID record that it would delete from it
 * @param added    works it would add to her record now
 * @param waiting  removals and additions that would wait until pidlink may make them (permission, auto-update off)
 * @param review   works that would wait for her review instead of being added
 * @param heldBack works not on her record yet (waiting, or never written) that the filters would hold back
 */
public record FilterPreview(long removed, long added, long waiting, long review, long heldBack) {

    /** Nothing would change. */
    public boolean none() {
        return removed == 0 && added == 0 && waiting == 0 && review == 0 && heldBack == 0;
    }

    /** In her words, e.g. "12 works will be removed from your ORCID record, 3 added." */
    public String sentence() {
        if (none()) {
            return "Nothing on your ORCID record changes.";
        }
        StringBuilder s = new StringBuilder(works(removed)).append(" will be removed from your ORCID record, ")
                .append(added).append(" added.");
        if (waiting > 0) {
            s.append(' ').append(works(waiting)).append(waiting == 1 ? " waits" : " wait")
                    .append(" to be changed until you allow pidlink to make the change.");
        }
        if (review > 0) {
            s.append(' ').append(works(review)).append(review == 1 ? " waits" : " wait")
                    .append(" for your review instead of being added.");
        }
        if (heldBack > 0) {
            s.append(' ').append(works(heldBack)).append(heldBack == 1 ? " that is" : " that are")
                    .append(" not on your record yet will not be sent.");
        }
        return s.toString();
    }

    private static String works(long n) {
        return n == 1 ? "1 work" : n + " works";
    }
}
