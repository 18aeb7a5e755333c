package org.pidlink.emulator.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last {@code capacity} requests, for {@code GET /_emulator/requests}. Query strings are not kept (they may hold tokens). */
public final class RequestLog {

    /** One logged request. */
    public record Entry(Instant at, String clientId, String method, String path, String template, int status,
                        long micros) {
    }

    private final Entry[] ring;
    private long next;

    public RequestLog(int capacity) {
        this.ring = new Entry[capacity];
    }

    public synchronized void add(Entry e) {
        ring[(int) (next % ring.length)] = e;
        next++;
    }

    /** The latest {@code limit} entries, oldest first. */
    public synchronized List<Entry> latest(int limit) {
        int n = (int) Math.min(Math.min(limit, ring.length), next);
        List<Entry> out = new ArrayList<>(n);
        for (long i = next - n; i < next; i++) {
            out.add(ring[(int) (i % ring.length)]);
        }
        return out;
    }

    public synchronized void clear() {
        java.util.Arrays.fill(ring, null);
        next = 0;
    }
}
