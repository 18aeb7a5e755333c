package org.pidlink.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./pidlink bench NAME [options]}: runs one benchmark. Each benchmark is a class with a {@code main}
 * that prints its result as one JSON line last; a benchmark whose issue has not landed is reported as such.
 */
public final class BenchMain {

    private static final Map<String, String> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("emulator", "org.pidlink.bench.emulator.EmulatorBench");
        BENCHMARKS.put("mapping", "org.pidlink.bench.mapping.MappingBench");
        BENCHMARKS.put("backfill", "org.pidlink.bench.backfill.BackfillBench");
        BENCHMARKS.put("latency", "org.pidlink.bench.latency.LatencyBench");
        BENCHMARKS.put("intake", "org.pidlink.bench.intake.IntakeBench");
        BENCHMARKS.put("aggregate", "org.pidlink.bench.aggregate.AggregateBench");
        BENCHMARKS.put("record-ids", "org.pidlink.bench.recordids.RecordIdsBench");
        BENCHMARKS.put("fuzz", "org.pidlink.bench.fuzz.FuzzBench");
        BENCHMARKS.put("chaos", "org.pidlink.bench.chaos.ChaosBench");
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("Usage: ./pidlink bench NAME [options]   (NAME --help for its options)");
            System.out.println("Benchmarks: " + String.join(", ", BENCHMARKS.keySet()));
            System.exit(args.length == 0 ? 1 : 0);
        }
        String className = BENCHMARKS.get(args[0]);
        if (className == null) {
            System.err.println("pidlink bench: unknown benchmark '" + args[0] + "'; known: "
                    + String.join(", ", BENCHMARKS.keySet()));
            System.exit(1);
        }
        Method main;
        try {
            main = Class.forName(className).getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            System.err.println("pidlink bench: '" + args[0] + "' is not available yet (its issue has not landed).");
            System.exit(2);
            return;
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
