package org.pidlink.bench.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line every end-to-end benchmark shares: named positive numbers with defaults, {@code --help}, and
 * the result printed as one JSON line last.
 */
public final class BenchCommand {

    /**
     * One {@code --name value} option.
     *
     * @param name         with its dashes, e.g. {@code --records}
     * @param meaning      what the usage line shows after the name, e.g. {@code N} or {@code R per second}
     * @param defaultValue used when the option is not given
     * @param whole        whether only whole numbers (at least 1) are allowed
     */
    public record Option(String name, String meaning, double defaultValue, boolean whole, boolean flag) {

        public static Option whole(String name, String meaning, int defaultValue) {
            return new Option(name, meaning, defaultValue, true, false);
        }

        public static Option number(String name, String meaning, double defaultValue) {
            return new Option(name, meaning, defaultValue, false, false);
        }

        /** An option without a value: 1 when given, 0 otherwise. */
        public static Option flag(String name, String meaning) {
            return new Option(name, meaning, 0, true, true);
        }

        String usage() {
            if (flag) {
                return "[" + name + " (" + meaning + ")]";
            }
            String value = whole || defaultValue == Math.rint(defaultValue)
                    ? Long.toString((long) defaultValue) : Double.toString(defaultValue);
            return "[" + name + " " + meaning + " (" + value + ")]";
        }
    }

    /** The options' values after parsing, by name. */
    public static final class Values {

        private final Map<String, Double> values;

        private Values(Map<String, Double> values) {
            this.values = values;
        }

        public boolean flag(String name) {
            return number(name) != 0;
        }

        public int whole(String name) {
            return (int) number(name);
        }

        public double number(String name) {
            Double value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no option " + name);
            }
            return value;
        }
    }

    /** A benchmark run: answers its result as one line of JSON, telling {@code progress} how far it has come. */
    @FunctionalInterface
    public interface Run {
        String run(Values values, Progress progress) throws Exception;
    }

    private BenchCommand() {
    }

    /**
     * The body of a benchmark's {@code main}: parses {@code args}, runs, prints the JSON line and exits (the
     * running pidlink leaves non-daemon threads behind). {@code --help} prints the usage instead.
     */
    public static void main(String bench, String[] args, List<Option> options, Run run) throws Exception {
        Values values = parse(bench, args, options);
        if (values == null) {
            return;
        }
        String result;
        try (Progress progress = Progress.start(bench)) {
            result = run.run(values, progress);
        }
        System.out.println(result);
        System.exit(0);
    }

    /** The values of {@code args}, or null after printing the usage for {@code --help}. */
    public static Values parse(String bench, String[] args, List<Option> options) {
        Map<String, Option> byName = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Option option : options) {
            byName.put(option.name(), option);
            values.put(option.name(), option.defaultValue());
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("Usage: ./pidlink bench " + bench + " "
                        + options.stream().map(Option::usage).collect(Collectors.joining(" ")));
                return null;
            }
            Option option = byName.get(args[i]);
            if (option == null) {
                throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            values.put(option.name(), option.flag() ? 1 : option.whole() ? positive(args, ++i) : positiveNumber(args, ++i));
        }
        return new Values(values);
    }

    /** The value after option {@code args[i - 1]}, a positive number. */
    static double positiveNumber(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number");
        }
        double value;
        try {
            value = Double.parseDouble(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(args[i - 1] + " needs a number, got " + args[i]);
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(args[i - 1] + " must be positive, got " + args[i]);
        }
        return value;
    }

    /** The value after option {@code args[i - 1]}, a whole number of at least 1. */
    static int positive(String[] args, int i) {
        double value = positiveNumber(args, i);
        if (value != Math.rint(value) || value > Integer.MAX_VALUE || value < 1) {
            throw new IllegalArgumentException(args[i - 1] + " must be a whole number of at least 1, got " + args[i]);
        }
        return (int) value;
    }
}
