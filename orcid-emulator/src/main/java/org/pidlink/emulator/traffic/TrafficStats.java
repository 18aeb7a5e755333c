package org.pidlink.emulator.traffic;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per client: request counts by method, path template and status (503s from the rate limiter included), and
 * the most requests admitted in any one-second (sliding) window.
 */
public final class TrafficStats {

    private final Map<String, ClientStats> byClient = new ConcurrentHashMap<>();

    public void record(String clientKey, String method, String template, int status, boolean admitted,
                       long nanoTime) {
        ClientStats s = byClient.computeIfAbsent(clientKey, k -> new ClientStats());
        s.counts.computeIfAbsent(method + " " + template + " " + status, k -> new LongAdder()).increment();
        if (admitted) {
            s.admitted(nanoTime);
        }
    }

    public void reset() {
        byClient.clear();
    }

    /**
     * A JSON-ready snapshot: {@code {clientKey: {requests: [{method, path, status, count}], maxAdmittedPerSecond}}}.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new TreeMap<>();
        byClient.forEach((client, s) -> {
            java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
            new TreeMap<>(s.counts).forEach((key, n) -> {
                String[] p = key.split(" ", 3);
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("method", p[0]);
                row.put("path", p[1]);
                row.put("status", Integer.parseInt(p[2]));
                row.put("count", n.sum());
                rows.add(row);
            });
            Map<String, Object> c = new java.util.LinkedHashMap<>();
            c.put("requests", rows);
            c.put("total", rows.stream().mapToLong(r -> (Long) r.get("count")).sum());
            c.put("maxAdmittedPerSecond", s.maxPerSecond());
            out.put(client, c);
        });
        return out;
    }

    private static final class ClientStats {
        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final ArrayDeque<Long> window = new ArrayDeque<>();
        private int max;

        synchronized void admitted(long now) {
            window.addLast(now);
            long from = now - 1_000_000_000L;
            while (!window.isEmpty() && window.peekFirst() <= from) {
                window.pollFirst();
            }
            max = Math.max(max, window.size());
        }

        synchronized int maxPerSecond() {
            return max;
        }
    }
}
