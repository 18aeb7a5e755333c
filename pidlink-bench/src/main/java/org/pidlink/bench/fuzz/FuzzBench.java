package org.pidlink.bench.fuzz;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pidlink.bench.app.BenchCommand;
import org.pidlink.bench.app.Progress;

/**
 * {@code ./pidlink bench fuzz [--seconds S]}: every Jazzer fuzz target of pidlink-core (the metadata readers, the
 * content sniffing of a document, the type-mapping CSV) and of pidlink-app (the affiliation file reader, the intake
 * endpoint's split of a body into documents) fuzzed for S seconds each, instead of the few seconds
 * {@code ./pidlink test} gives them. Runs each module's {@code fuzz} surefire execution with
 * {@code -Djazzer.max_duration}; a crash Jazzer finds is saved under the target's {@code …Inputs/<method>/}
 * directory in the module's test resources, where every later {@code ./pidlink test} replays it. Prints the targets,
 * the inputs run and the findings.
 */
public final class FuzzBench {

    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs in (\\d+) second");
    private static final Pattern RESULT = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+)");

    private static final List<BenchCommand.Option> OPTIONS = List.of(
            BenchCommand.Option.whole("--seconds", "S per target", 60));

    private FuzzBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchCommand.main("fuzz", args, OPTIONS, (v, progress) -> run(v.whole("--seconds"), progress));
    }

    /** The modules with fuzz targets, each with its own {@code fuzz} surefire execution. */
    private static final List<String> MODULES = List.of("pidlink-core", "pidlink-app");

    static String run(int seconds, Progress progress) throws Exception {
        Path root = root();
        progress.phase("fuzzing each target for " + seconds + " s");
        int targets = 0;
        int findings = 0;
        int exit = 0;
        long inputs = 0;
        long started = System.nanoTime();
        for (String module : MODULES) {
            List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-o", "-pl",
                    module, "test-compile", "surefire:test@fuzz", "-Djacoco.skip=true",
                    "-Djazzer.max_duration=" + seconds + "s"));
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher result = RESULT.matcher(line);
                    int in = line.indexOf(" -- in ");
                    if (in >= 0 && result.find()) {
                        targets++;
                        findings += Integer.parseInt(result.group(2)) + Integer.parseInt(result.group(3));
                        progress.phase("fuzzed " + line.substring(in + 7));
                    }
                }
            }
            exit = Math.max(exit, process.waitFor());
            inputs += inputsRun(root.resolve(module));
        }
        return String.format(Locale.ROOT, "{\"benchmark\":\"fuzz\",\"secondsPerTarget\":%d,\"targets\":%d,"
                        + "\"inputsRun\":%d,\"findings\":%d,\"exitCode\":%d,\"seconds\":%.1f}",
                seconds, targets, inputs, findings, exit, (System.nanoTime() - started) / 1e9);
    }

    /** The inputs libFuzzer ran, summed over the targets' reports. */
    private static long inputsRun(Path module) throws IOException {
        Path dir = module.resolve("target/surefire-reports");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long runs = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path report : files.filter(f -> f.getFileName().toString().endsWith("FuzzTest-output.txt")).toList()) {
                for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                    Matcher done = DONE.matcher(line);
                    if (done.find()) {
                        runs += Long.parseLong(done.group(1));
                    }
                }
            }
        }
        return runs;
    }

    /** The checkout: the directory holding {@code mvnw}, from where the benchmark was started upwards. */
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("pidlink-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run ./pidlink bench fuzz from the pidlink checkout (no mvnw found)");
    }
}
