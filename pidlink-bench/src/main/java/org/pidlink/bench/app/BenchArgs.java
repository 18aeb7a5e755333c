package org.pidlink.bench.app;

/** Command-line numbers of the benchmarks. */
public final class BenchArgs {

    private BenchArgs() {
    }

    /** The value after option {@code args[i - 1]}, a positive number. */
    public static double positiveNumber(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number");
        }
        double value = Double.parseDouble(args[i]);
        if (!(value > 0)) {
            throw new IllegalArgumentException(args[i - 1] + " must be positive, got " + args[i]);
        }
        return value;
    }

    /** The value after option {@code args[i - 1]}, a whole number of at least 1. */
    public static int positive(String[] args, int i) {
        double value = positiveNumber(args, i);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE || value < 1) {
            throw new IllegalArgumentException(args[i - 1] + " must be a whole number of at least 1, got " + args[i]);
        }
        return (int) value;
    }
}
