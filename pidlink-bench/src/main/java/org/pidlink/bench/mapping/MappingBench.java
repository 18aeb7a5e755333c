package org.pidlink.bench.mapping;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.pidlink.bench.app.Progress;
import org.pidlink.core.metadata.DoiRecord;
import org.pidlink.core.metadata.MetadataFormat;
import org.pidlink.core.metadata.MetadataReader;
import org.pidlink.core.metadata.ReadResult;
import org.pidlink.core.work.OrcidWork;
import org.pidlink.core.work.WorkMapper;

/**
 * {@code ./pidlink bench mapping}: DOI records per second, read from bytes, extracted and mapped to ORCID works,
 * on one thread, for DataCite XML, DataCite JSON and Crossref XML. The documents are the real files in the
 * shared directory, cycled through in memory. Prints one JSON line last: JMH's wall-clock figures, then the same
 * work per second of CPU time (what one dedicated core gives, whatever else the machine runs) and the load.
 *
 * <p>Goals: at least 10,000 DataCite JSON and 5,000 DataCite XML records per second on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingBench {

    private static final String[] USAGE = {
        "Usage: ./pidlink bench mapping [--shared DIR] [--quick]",
        "  --shared DIR  the shared reference directory (default ../shared from the project root)",
        "  --quick       shorter warm-up and measurement (less precise)"};

    private final MetadataReader reader = MetadataReader.standard();
    private final WorkMapper mapper = WorkMapper.standard();

    private byte[][] dataciteXml;
    private byte[][] dataciteJson;
    private byte[][] crossrefXml;
    private int next;
    /** Keeps the CPU-time loop's results alive without JMH's Blackhole. */
    private long checksum;

    @Setup(Level.Trial)
    public void load() {
        dataciteXml = MappingCorpus.of(MetadataFormat.DATACITE_XML).documents.toArray(byte[][]::new);
        dataciteJson = MappingCorpus.of(MetadataFormat.DATACITE_JSON).documents.toArray(byte[][]::new);
        crossrefXml = MappingCorpus.of(MetadataFormat.CROSSREF_XML).documents.toArray(byte[][]::new);
    }

    @Benchmark
    public void dataciteXml(Blackhole sink) {
        mapNext(dataciteXml, sink);
    }

    @Benchmark
    public void dataciteJson(Blackhole sink) {
        mapNext(dataciteJson, sink);
    }

    @Benchmark
    public void crossrefXml(Blackhole sink) {
        mapNext(crossrefXml, sink);
    }

    /** One document per invocation: read, then map every record (the skip rules do not apply here). */
    private void mapNext(byte[][] documents, Blackhole sink) {
        // The CPU-time pass reuses one instance across corpora of different sizes.
        if (next >= documents.length) {
            next = 0;
        }
        byte[] document = documents[next];
        next++;
        ReadResult result = reader.read(document);
        for (DoiRecord record : result.records()) {
            OrcidWork work = mapper.map(record);
            if (sink != null) {
                sink.consume(work);
            } else {
                checksum += work.externalIds().size();
            }
        }
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shared" -> System.setProperty(MappingCorpus.SHARED_DIR_PROPERTY, args[++i]);
                case "--quick" -> quick = true;
                case "-h", "--help" -> {
                    System.out.println(String.join("\n", USAGE));
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + String.join("\n", USAGE));
                    System.exit(2);
                }
            }
        }
        String shared = MappingCorpus.sharedDir().toAbsolutePath().toString();
        Map<String, MetadataFormat> benchmarks = new LinkedHashMap<>();
        benchmarks.put("dataciteXml", MetadataFormat.DATACITE_XML);
        benchmarks.put("dataciteJson", MetadataFormat.DATACITE_JSON);
        benchmarks.put("crossrefXml", MetadataFormat.CROSSREF_XML);

        Options options = new OptionsBuilder()
                .include(MappingBench.class.getName() + "\\.")
                .forks(1)
                .threads(1)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.seconds(quick ? 1 : 3))
                .jvmArgsAppend("-D" + MappingCorpus.SHARED_DIR_PROPERTY + "=" + shared, "-Xmx1g")
                .build();
        try (Progress progress = Progress.start("mapping")) {
            progress.phase("JMH: " + benchmarks.size() + " benchmarks in a forked JVM, its iterations on stdout");
            Collection<RunResult> results = new Runner(options).run();
            report(results, benchmarks, quick, progress);
        }
    }

    private static void report(Collection<RunResult> results, Map<String, MetadataFormat> benchmarks, boolean quick,
                               Progress progress) {

        Map<String, Long> wallClock = new LinkedHashMap<>();
        Map<String, Long> cpuTime = new LinkedHashMap<>();
        MappingBench cpuRun = new MappingBench();
        for (Map.Entry<String, MetadataFormat> b : benchmarks.entrySet()) {
            progress.phase("CPU time of " + b.getKey());
            MappingCorpus corpus = MappingCorpus.of(b.getValue());
            double documentsPerSecond = results.stream()
                    .filter(r -> r.getParams().getBenchmark().endsWith("." + b.getKey()))
                    .mapToDouble(r -> r.getPrimaryResult().getScore())
                    .findFirst().orElseThrow(() -> new IllegalStateException("the " + b.getKey()
                            + " benchmark produced no result; its error is printed above"));
            byte[][] documents = corpus.documents.toArray(byte[][]::new);
            double documentsPerCpuSecond = CpuTimeThroughput.documentsPerCpuSecond(
                    () -> cpuRun.mapNext(documents, null), quick ? 300_000_000L : 1_000_000_000L);
            System.out.printf(Locale.ROOT, "%s: %d documents, %d records; %.0f documents/s (wall clock),"
                            + " %.0f documents per CPU second%n", b.getKey(), corpus.documents.size(),
                    corpus.records, documentsPerSecond, documentsPerCpuSecond);
            wallClock.put(b.getKey() + "RecordsPerSecond", Math.round(documentsPerSecond * corpus.recordsPerDocument()));
            cpuTime.put(b.getKey(), Math.round(documentsPerCpuSecond * corpus.recordsPerDocument()));
        }
        StringBuilder json = new StringBuilder("{");
        wallClock.forEach((k, v) -> json.append('"').append(k).append("\": ").append(v).append(", "));
        json.append("\"recordsPerCpuSecond\": {");
        cpuTime.forEach((k, v) -> json.append('"').append(k).append("\": ").append(v).append(", "));
        json.setLength(json.length() - 2);
        json.append("}, \"loadAverage\": ").append(String.format(Locale.ROOT, "%.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        json.append(", \"processors\": ").append(Runtime.getRuntime().availableProcessors());
        progress.close();
        System.out.println(json.append('}'));
    }
}
