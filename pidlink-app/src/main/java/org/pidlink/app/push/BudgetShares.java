package org.pidlink.app.push;

import org.pidlink.app.orcid.CallClass;

/**
 * The minimum share of ORCID's budget each of the later classes keeps however busy the earlier ones are (fractions
 * of the requests a second), so that none starves: a backfill keeps moving while fresh DOIs pour in, reads and
 * housekeeping still happen during a backfill. Interactive and fresh calls need none: they come first.
 *
 * @param backfill     default 0.10
 * @param read         default 0.05
 * @param housekeeping default 0.02
 */
public record BudgetShares(double backfill, double read, double housekeeping) {

    public static final BudgetShares DEFAULTS = new BudgetShares(0.10, 0.05, 0.02);

    public BudgetShares {
        for (double share : new double[] {backfill, read, housekeeping}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("pidlink.push.min-share.* must be between 0 and 1, got " + share);
            }
        }
        if (backfill + read + housekeeping > 0.5) {
            throw new IllegalArgumentException("pidlink.push.min-share.* may add up to at most 0.5 of ORCID's budget, "
                    + "so that fresh work always comes first; got " + (backfill + read + housekeeping));
        }
    }

    /** The minimum share of {@code callClass} (0 for interactive and fresh, which come first anyway). */
    public double of(CallClass callClass) {
        return switch (callClass) {
            case INTERACTIVE, FRESH -> 0;
            case BACKFILL -> backfill;
            case READ -> read;
            case HOUSEKEEPING -> housekeeping;
        };
    }
}
