package org.pidlink.bench.aggregate;

import java.io.IOException;
import java.net.URI;
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
 * Load on the public inverse lookup: {@code clients} clients, each with one keep-alive connection, for a fixed time
 * after a warm-up that is not counted, half {@code /api/v1/lookup/dois/{doi}} for DOIs chosen at random, half
 * {@code /api/v1/lookup/orcids/{orcid}} for researchers chosen at random. Every answer must be 200. Latencies are
 * kept per request (a million longs is 8 MB). Two kinds:
 * <ul>
 * <li>closed loop (rate 0): each client sends its next request as soon as the answer is read: the most the server
 * answers, and the latency of a saturated machine (by Little's law, clients ÷ throughput on average);</li>
 * <li>fixed rate: the clients together send {@code rate} requests a second on a fixed schedule (each client one
 * every {@code clients ÷ rate} seconds, the clients evenly staggered), and a request's latency counts from when
 * the schedule said to send it, so an answer that comes late also delays, and counts against, the requests that
 * should have followed it (no coordinated omission, as wrk2 measures): the latency at that throughput.</li>
 * </ul>
 */
final class LookupLoad {

    private LookupLoad() {
    }

    /** What the clients saw: requests/s and latency percentiles in ms, overall and per endpoint. */
    record Result(long requests, long failures, double seconds, Map<String, Object> figures) {
    }

    static Result run(String baseUrl, int clients, double rate, Duration warmup, Duration duration,
                      IntFunction<String> doi, int dois, IntFunction<String> orcid, int researchers, AtomicLong done)
            throws Exception {
        long interval = rate > 0 ? Math.round(clients * 1e9 / rate) : 0; // ns between one client's requests
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                Thread.ofPlatform().name(CLIENT_THREADS + "client-", 0).factory());
        AtomicLong failures = new AtomicLong();
        List<Future<long[][]>> jobs = new ArrayList<>();
        // The same load during the warm-up (the JIT compiles the hot paths, the pools fill), not counted.
        long started = System.nanoTime() + warmup.toNanos();
        long end = started + duration.toNanos();
        long scheduleStart = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(c);
            long offset = interval * c / clients;
            jobs.add(pool.submit(() -> {
                try (KeepAliveClient http = new KeepAliveClient(URI.create(baseUrl), 30_000)) {
                    long[][] latencies = {new long[1024], new long[1024]};
                    int[] count = new int[2];
                    long next = scheduleStart + offset;
                    // At a fixed rate every request the schedule holds before the end is sent, however late: one
                    // left out because the server fell behind would hide exactly the latency being measured.
                    while (interval > 0 ? next < end : System.nanoTime() < end) {
                        int kind = random.nextInt(2);
                        String path = kind == 0 ? "/api/v1/lookup/dois/" + doi.apply(random.nextInt(dois))
                                : "/api/v1/lookup/orcids/" + orcid.apply(random.nextInt(researchers));
                        long sent;
                        if (interval > 0) {
                            sent = next; // when the schedule said to send it, even if late
                            next += interval;
                            for (long wait = sent - System.nanoTime(); wait > 0; wait = sent - System.nanoTime()) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        } else {
                            sent = System.nanoTime();
                        }
                        try {
                            KeepAliveClient.Answer response = http.get(path);
                            if (response.status() != 200) {
                                if (failures.incrementAndGet() <= 3) {
                                    System.err.println("lookup " + path + " answered " + response.status() + ": "
                                            + response.text());
                                }
                                continue;
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            continue;
                        }
                        if (sent < started) {
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
                }
            }));
        }
        Thread.sleep(Math.max(0, (started - System.nanoTime()) / 1_000_000));
        CpuTimes cpuBefore = CpuTimes.now();
        List<long[]> byDoi = new ArrayList<>();
        List<long[]> byOrcid = new ArrayList<>();
        for (Future<long[][]> job : jobs) {
            long[][] l = job.get();
            byDoi.add(l[0]);
            byOrcid.add(l[1]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuTimes cpu = CpuTimes.now().minus(cpuBefore);
        pool.shutdown();
        long[] doiLatencies = concat(byDoi);
        long[] orcidLatencies = concat(byOrcid);
        long[] all = concat(List.of(doiLatencies, orcidLatencies));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", clients);
        figures.put("load", interval > 0 ? "fixed rate" : "closed loop");
        if (interval > 0) {
            figures.put("offeredRequestsPerSecond", rate);
        }
        figures.put("warmupSeconds", warmup.toSeconds());
        figures.put("seconds", round(seconds, 1));
        figures.put("requests", all.length);
        figures.put("failures", failures.get());
        figures.put("requestsPerSecond", round(all.length / seconds, 1));
        figures.put("p50Ms", percentile(all, 50));
        figures.put("p99Ms", percentile(all, 99));
        figures.put("p999Ms", percentile(all, 99.9));
        figures.put("maxMs", all.length == 0 ? null : round(all[all.length - 1] / 1e6, 2));
        figures.put("doi", endpoint(doiLatencies, seconds));
        figures.put("orcid", endpoint(orcidLatencies, seconds));
        // The clients run in this JVM on the same cores as pidlink: what they cost is what the server did not get.
        figures.put("clientCpuSeconds", round(cpu.client() / 1e9, 2));
        figures.put("clientCpuMicrosPerRequest", all.length == 0 ? null : round(cpu.client() / 1e3 / all.length, 1));
        figures.put("serverThreadsCpuMicrosPerRequest", all.length == 0 ? null
                : round(cpu.server() / 1e3 / all.length, 1));
        figures.put("jvmCpuSecondsWithoutClient", round((cpu.jvm() - cpu.client()) / 1e9, 2));
        figures.put("machineCpuSeconds", round(cpu.machineBusy() / 1e9, 2));
        figures.put("machineCpuSecondsAvailable", round(cpu.machineTotal() / 1e9, 2));
        figures.put("goalRequestsPerSecond", 5000);
        figures.put("goalP99Ms", 10);
        return new Result(all.length, failures.get(), seconds, figures);
    }

    /**
     * The threads that answer HTTP requests: Tomcat's poller and acceptor, and the carriers of its virtual threads
     * (the default scheduler's; pidlink's own background workers have named platform threads).
     */
    private static final java.util.regex.Pattern SERVER_THREADS =
            java.util.regex.Pattern.compile("http-nio-.*|ForkJoinPool-\\d+-worker-\\d+");

    /** The name prefix of the load's threads, to count their CPU. */
    private static final String CLIENT_THREADS = "lookup-load-";

    /**
     * CPU time in ns: the load's own threads, the threads answering HTTP requests, this whole JVM (pidlink and the
     * load), and the machine's busy and total time over all cores (/proc/stat; PostgreSQL and other processes too).
     */
    record CpuTimes(long client, long server, long jvm, long machineBusy, long machineTotal) {

        static CpuTimes now() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long client = 0;
            long server = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                String name = info.getThreadName();
                long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                if (name.startsWith(CLIENT_THREADS)) {
                    client += cpu;
                } else if (SERVER_THREADS.matcher(name).matches()) {
                    server += cpu;
                }
            }
            long jvm = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long busy = 0;
            long total = 0;
            try {
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst()
                        .trim().split("\\s+");
                long nanosPerTick = 1_000_000_000L / 100; // USER_HZ
                for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                    long ticks = Long.parseLong(cpu[i]);
                    total += ticks * nanosPerTick;
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += ticks * nanosPerTick;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the machine's figures stay 0
            }
            return new CpuTimes(client, server, jvm, busy, total);
        }

        CpuTimes minus(CpuTimes before) {
            return new CpuTimes(client - before.client, server - before.server, jvm - before.jvm, machineBusy - before.machineBusy,
                    machineTotal - before.machineTotal);
        }
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
