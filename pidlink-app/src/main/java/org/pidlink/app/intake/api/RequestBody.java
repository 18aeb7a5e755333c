package org.pidlink.app.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body of at most a limit. A body whose length the client declared is read into one array of that
 * length: reading an unknown length gathers the bytes in chunks and copies them into the result, twice the
 * allocation for a record of megabytes. The array made before any byte arrived is capped, so that a declared
 * length alone (a client that declares 64 MB and sends nothing) holds little memory.
 */
final class RequestBody {

    /** The most allocated on the strength of a declared length, before the bytes arrive. */
    static final int MAX_PRESIZED = 8 * 1024 * 1024;

    private RequestBody() {
    }

    /**
     * @param declared the Content-Length, or -1 when unknown (chunked)
     * @param max      the largest body accepted
     * @return the body, or its first {@code max + 1} bytes when it is larger than {@code max} (the caller refuses it)
     */
    static byte[] read(InputStream in, long declared, long max) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, max + 1);
        if (declared <= 0) {
            return in.readNBytes(limit);
        }
        byte[] body = new byte[(int) Math.min(Math.min(declared, limit), MAX_PRESIZED)];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            return Arrays.copyOf(body, read);
        }
        // More than declared or than presized: the rest as it comes, up to the limit.
        byte[] rest = in.readNBytes(limit - body.length);
        if (rest.length == 0) {
            return body;
        }
        byte[] all = Arrays.copyOf(body, body.length + rest.length);
        System.arraycopy(rest, 0, all, body.length, rest.length);
        return all;
    }
}
