package org.pidlink.bench.aggregate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The seeded shape of DataCite's aggregation: which researchers each DOI names. The number of DOIs per researcher is
 * Zipf-like (rank k gets a share proportional to {@code (k + }{@value #OFFSET}{@code )^-}{@value #EXPONENT}), so that
 * at DataCite's scale (205,000 DOIs, a million links, 2,500 iDs) a few researchers hold more than 10,000 DOIs, the
 * largest about 50,000, and most fewer than 100; the counts add up to exactly the links asked for. Each DOI names
 * 1 to {@value #MAX_IDS_PER_DOI} of the researchers (about links ÷ DOIs on average). Some researchers appear only as
 * contributors, never as creators. The same seed gives the same population.
 *
 * <p>Researchers are indices {@code 0..researchers-1} and DOIs {@code 0..dois-1}: the benchmark gives them iDs
 * and DOI names.
 */
public final class Population {

    static final double EXPONENT = 1.1;
    static final double OFFSET = 3;
    static final int MAX_IDS_PER_DOI = 50;
    /** One researcher in this many appears only as a contributor. */
    static final int CONTRIBUTOR_ONLY_EVERY = 20;
    /** One record in this many also names a creator whose iD fails its checksum. */
    static final int BAD_CHECKSUM_EVERY = 50;

    private final int dois;
    private final int researchers;
    private final long seed;
    private final int[] doisOf;
    private final int[] start;
    private final int[] members;
    private final boolean[] contributorOnly;

    private Population(int dois, int researchers, long seed, int[] doisOf, int[] start, int[] members,
                       boolean[] contributorOnly) {
        this.dois = dois;
        this.researchers = researchers;
        this.seed = seed;
        this.doisOf = doisOf;
        this.start = start;
        this.members = members;
        this.contributorOnly = contributorOnly;
    }

    /**
     * A population of {@code links} DOI–researcher links over {@code dois} DOIs and {@code researchers} researchers.
     *
     * @throws IllegalArgumentException when no such population exists (fewer links than DOIs or researchers, more
     *                                  than 50 per DOI, or more than every researcher on every DOI)
     */
    public static Population generate(int dois, int researchers, int links, long seed) {
        if (links < dois || links < researchers || (long) dois * MAX_IDS_PER_DOI < links
                || (long) dois * researchers < links) {
            throw new IllegalArgumentException(String.format(
                    "no population has %d links over %d DOIs and %d researchers: each DOI names 1 to %d researchers "
                            + "and each researcher has at least one DOI", links, dois, researchers, MAX_IDS_PER_DOI));
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] doisOf = shuffled(perResearcher(researchers, links, dois), random);
        int[] sizes = perDoi(dois, links, Math.min(MAX_IDS_PER_DOI, researchers), random);
        int[] start = new int[dois + 1];
        for (int d = 0; d < dois; d++) {
            start[d + 1] = start[d] + sizes[d];
        }
        int[] members = assign(doisOf, sizes, start, random);
        boolean[] contributorOnly = new boolean[researchers];
        for (int r = 0; r < researchers; r++) {
            contributorOnly[r] = random.nextInt(CONTRIBUTOR_ONLY_EVERY) == 0;
        }
        return new Population(dois, researchers, seed, doisOf, start, members, contributorOnly);
    }

    /** The Zipf-like counts by rank, largest first: at least 1 and at most {@code dois} each, adding up to links. */
    static int[] perResearcher(int researchers, int links, int dois) {
        double[] share = new double[researchers];
        double sum = 0;
        for (int k = 0; k < researchers; k++) {
            share[k] = Math.pow(k + 1 + OFFSET, -EXPONENT);
            sum += share[k];
        }
        int[] counts = new int[researchers];
        long total = 0;
        for (int k = 0; k < researchers; k++) {
            counts[k] = (int) Math.max(1, Math.min(dois, Math.floor(links * share[k] / sum)));
            total += counts[k];
        }
        // Rounding (and the bounds) leave a few links over or missing: spread them from the top ranks down, one each,
        // so the shape stays monotonic.
        while (total != links) {
            boolean moved = false;
            for (int k = 0; k < researchers && total != links; k++) {
                if (total < links && counts[k] < dois) {
                    counts[k]++;
                    total++;
                    moved = true;
                } else if (total > links && counts[k] > 1) {
                    counts[k]--;
                    total--;
                    moved = true;
                }
            }
            if (!moved) {
                throw new IllegalStateException("cannot spread " + links + " links over " + researchers);
            }
        }
        return counts;
    }

    /** How many researchers each DOI names: 1 plus a geometric-like number, at most {@code max}, adding up to links. */
    static int[] perDoi(int dois, int links, int max, SplittableRandom random) {
        double extraMean = (double) links / dois - 1;
        int[] sizes = new int[dois];
        long total = 0;
        for (int d = 0; d < dois; d++) {
            int extra = extraMean <= 0 ? 0 : (int) Math.floor(-Math.log(1 - random.nextDouble()) * extraMean);
            sizes[d] = Math.min(max, 1 + extra);
            total += sizes[d];
        }
        while (total != links) {
            int d = random.nextInt(dois);
            if (total < links && sizes[d] < max) {
                sizes[d]++;
                total++;
            } else if (total > links && sizes[d] > 1) {
                sizes[d]--;
                total--;
            }
        }
        return sizes;
    }

    private static int[] shuffled(int[] values, SplittableRandom random) {
        int[] out = values.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /**
     * Puts each researcher on her number of distinct DOIs, largest researcher first, each time on the DOIs with the
     * most places left (at random among equals): the greedy that realizes any feasible pair of degree sequences
     * (Gale–Ryser), so every DOI ends up with exactly its size.
     */
    private static int[] assign(int[] doisOf, int[] sizes, int[] start, SplittableRandom random) {
        int dois = sizes.length;
        int max = Arrays.stream(sizes).max().orElse(1);
        // bucket[c] holds the DOIs with c places left.
        int[][] bucket = new int[max + 1][];
        int[] bucketSize = new int[max + 1];
        for (int c = 0; c <= max; c++) {
            bucket[c] = new int[4];
        }
        for (int d = 0; d < dois; d++) {
            add(bucket, bucketSize, sizes[d], d);
        }
        int[] filled = new int[dois];
        int[] members = new int[start[dois]];
        Integer[] order = new Integer[doisOf.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(doisOf[b], doisOf[a]) != 0
                ? Integer.compare(doisOf[b], doisOf[a]) : Integer.compare(a, b));
        int[] chosen = new int[Arrays.stream(doisOf).max().orElse(0)];
        for (int researcher : order) {
            int need = doisOf[researcher];
            int c = max;
            for (int i = 0; i < need; i++) {
                while (c > 0 && bucketSize[c] == 0) {
                    c--;
                }
                if (c == 0) {
                    throw new IllegalStateException("the DOIs have no places left for researcher " + researcher);
                }
                int at = random.nextInt(bucketSize[c]);
                int doi = bucket[c][at];
                bucket[c][at] = bucket[c][--bucketSize[c]];
                chosen[i] = doi;
            }
            for (int i = 0; i < need; i++) {
                int doi = chosen[i];
                members[start[doi] + filled[doi]++] = researcher;
                int left = sizes[doi] - filled[doi];
                if (left > 0) {
                    add(bucket, bucketSize, left, doi);
                }
            }
        }
        return members;
    }

    private static void add(int[][] bucket, int[] bucketSize, int c, int doi) {
        if (bucketSize[c] == bucket[c].length) {
            bucket[c] = Arrays.copyOf(bucket[c], bucket[c].length * 2);
        }
        bucket[c][bucketSize[c]++] = doi;
    }

    public int dois() {
        return dois;
    }

    public int researchers() {
        return researchers;
    }

    public long seed() {
        return seed;
    }

    public int links() {
        return members.length;
    }

    /** How many DOIs name the researcher. */
    public int doisOf(int researcher) {
        return doisOf[researcher];
    }

    /** The researchers DOI {@code doi} names, each once. */
    public int[] researchersOf(int doi) {
        return Arrays.copyOfRange(members, start[doi], start[doi + 1]);
    }

    /** Whether the researcher appears only as a contributor, never as a creator. */
    public boolean contributorOnly(int researcher) {
        return contributorOnly[researcher];
    }

    /** Whether DOI {@code doi}'s record also names a creator whose iD fails its checksum. */
    public boolean hasBadChecksumId(int doi) {
        return mix(doi, 1) % BAD_CHECKSUM_EVERY == 0;
    }

    /** Whether DOI {@code doi} arrives as DataCite XML (inside the REST JSON's {@code xml}) rather than JSON. */
    public boolean asXml(int doi) {
        return mix(doi, 2) % 4 == 0;
    }

    /** The DOI's publication year, 2000–2026. */
    public int year(int doi) {
        return 2000 + (int) (mix(doi, 3) % 27);
    }

    /** Per-DOI properties that need no state: a hash of the seed, the DOI and the property. */
    private long mix(int doi, int property) {
        long z = seed * 0x9E3779B97F4A7C15L + doi * 0xBF58476D1CE4E5B9L + property * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
