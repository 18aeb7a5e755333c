package org.pidlink.emulator.traffic;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many works the emulator refused because the record already held ORCID's 10,000 (409/9048): a single POST, each
 * item of a bulk, and every item of a bulk refused as a whole. A client that knows the records' counts never causes
 * one; benchmarks read it from the emulator's context ({@code context().shared(WorkLimitRefusals.class, ...)}).
 */
public final class WorkLimitRefusals {

    private final LongAdder works = new LongAdder();

    public void refused(int works) {
        this.works.add(works);
    }

    /** Works refused so far. */
    public long works() {
        return works.sum();
    }
}
