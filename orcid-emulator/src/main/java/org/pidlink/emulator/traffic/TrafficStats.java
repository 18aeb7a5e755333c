package org.pidlink.emulator.traffic;

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

    /**
     * Admissions are counted in 10 ms slots; the one-second window is the sum of the last 100 slots, so the
     * maximum is exact to within a slot, in constant time and memory per request.
     */
    private static final class ClientStats {
        private static final long SLOT_NANOS = 10_000_000L;
        private static final int SLOTS_PER_WINDOW = 100;

        final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        private final int[] slots = new int[SLOTS_PER_WINDOW];
        private long currentSlot = Long.MIN_VALUE;
        private int windowSum;
        private int max;

        synchronized void admitted(long now) {
            long slot = now / SLOT_NANOS;
            if (slot != currentSlot) {
                if (currentSlot == Long.MIN_VALUE || slot - currentSlot >= SLOTS_PER_WINDOW) {
                    java.util.Arrays.fill(slots, 0);
                    windowSum = 0;
                } else {
                    for (long s = currentSlot + 1; s <= slot; s++) {
                        int i = (int) Math.floorMod(s, (long) SLOTS_PER_WINDOW);
                        windowSum -= slots[i];
                        slots[i] = 0;
                    }
                }
                currentSlot = slot;
            }
            slots[(int) Math.floorMod(slot, (long) SLOTS_PER_WINDOW)]++;
            windowSum++;
            if (windowSum > max) {
                max = windowSum;
            }
        }

        synchronized int maxPerSecond() {
            return max;
        }
    }
}
