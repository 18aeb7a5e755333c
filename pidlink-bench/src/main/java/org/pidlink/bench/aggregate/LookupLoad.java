package org.pidlink.bench.aggregate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Closed-loop load on the public inverse lookup: {@code clients} clients, each sending its next request as soon as
 * the answer is read, for a fixed time, half {@code /api/v1/lookup/dois/{doi}} for DOIs chosen at random, half
 * {@code /api/v1/lookup/orcids/{orcid}} for researchers chosen at random. Every answer must be 200. Latencies are
 * kept per request (a million longs is 8 MB).
 */
final class LookupLoad {

    private LookupLoad() {
    }

    /** What the clients saw: requests/s and latency percentiles in ms, overall and per endpoint. */
    record Result(long requests, long failures, double seconds, Map<String, Object> figures) {
    }

    static Result run(String baseUrl, int clients, Duration duration, IntFunction<String> doi,
                      int dois, IntFunction<String> orcid, int researchers, AtomicLong done) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong failures = new AtomicLong();
        List<Future<long[][]>> jobs = new ArrayList<>();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c);
            jobs.add(pool.submit(() -> {
                long[][] latencies = {new long[1024], new long[1024]};
                int[] count = new int[2];
                while (System.nanoTime() < end) {
                    int kind = random.nextInt(2);
                    String path = kind == 0 ? "/api/v1/lookup/dois/" + doi.apply(random.nextInt(dois))
                            : "/api/v1/lookup/orcids/" + orcid.apply(random.nextInt(researchers));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            if (failures.incrementAndGet() <= 3) {
                                System.err.println("lookup " + path + " answered " + response.statusCode() + ": "
                                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                            }
                            continue;
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        continue;
                    }
                    long latency = System.nanoTime() - sent;
                    if (count[kind] == latencies[kind].length) {
                        latencies[kind] = Arrays.copyOf(latencies[kind], count[kind] * 2);
                    }
                    latencies[kind][count[kind]++] = latency;
                    done.incrementAndGet();
                }
                return new long[][] {Arrays.copyOf(latencies[0], count[0]), Arrays.copyOf(latencies[1], count[1])};
            }));
        }
        List<long[]> byDoi = new ArrayList<>();
        List<long[]> byOrcid = new ArrayList<>();
        for (Future<long[][]> job : jobs) {
            long[][] l = job.get();
            byDoi.add(l[0]);
            byOrcid.add(l[1]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        http.close();
        long[] doiLatencies = concat(byDoi);
        long[] orcidLatencies = concat(byOrcid);
        long[] all = concat(List.of(doiLatencies, orcidLatencies));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("seconds", round(seconds, 1));
        figures.put("requests", all.length);
        figures.put("failures", failures.get());
        figures.put("requestsPerSecond", round(all.length / seconds, 1));
        figures.put("p50Ms", percentile(all, 50));
        figures.put("p99Ms", percentile(all, 99));
        figures.put("doi", endpoint(doiLatencies, seconds));
        figures.put("orcid", endpoint(orcidLatencies, seconds));
        figures.put("goalRequestsPerSecond", 5000);
        figures.put("goalP99Ms", 10);
        return new Result(all.length, failures.get(), seconds, figures);
    }

    private static Map<String, Object> endpoint(long[] latencies, double seconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", latencies.length);
        out.put("requestsPerSecond", round(latencies.length / seconds, 1));
        out.put("p50Ms", percentile(latencies, 50));
        out.put("p99Ms", percentile(latencies, 99));
        out.put("maxMs", latencies.length == 0 ? null : round(latencies[latencies.length - 1] / 1e6, 2));
        return out;
    }

    /** Concatenated and sorted. */
    private static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        return all;
    }

    private static Double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return round(sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6, 2);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
