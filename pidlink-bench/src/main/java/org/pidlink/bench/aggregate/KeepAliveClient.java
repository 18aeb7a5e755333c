package org.pidlink.bench.aggregate;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection for {@code GET}s, blocking, for the lookup load: a request is one write and the
 * answer is read as it comes (status line, headers, a {@code Content-Length} or chunked body). The JDK's
 * {@code java.net.http} client costs 0.5–0.7 ms of CPU per request (its selector thread, executor and futures),
 * about as much as pidlink spends answering, on the same two cores; this one costs a few tens of microseconds,
 * so that the load measures the server. Not thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {

    /**
     * An answer: its status and body, the first {@code length} bytes of {@code body}. The array is the client's
     * own and is reused by its next request: the load's garbage would otherwise be the collector's pauses in
     * pidlink's measured latency (a researcher's page is tens of kilobytes, and the clients share pidlink's heap).
     */
    record Answer(int status, byte[] body, int length) {

        String text() {
            return new String(body, 0, length, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private byte[] buffer = new byte[65536];

    KeepAliveClient(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    Answer get(String path) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        int read = 0;
        if (chunked) {
            while (true) {
                String size = line();
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                read = readInto(read, n);
                line();
            }
        } else if (length >= 0) {
            read = readInto(0, Math.toIntExact(length));
        } else if (status != 204 && status != 304) {
            byte[] rest = in.readAllBytes();
            read = rest.length;
            if (rest.length > buffer.length) {
                buffer = rest;
            } else {
                System.arraycopy(rest, 0, buffer, 0, read);
            }
            closing = true;
        }
        if (closing) {
            close();
        }
        return new Answer(status, buffer, read);
    }

    /** Reads {@code n} bytes of the body into the buffer at {@code at}; where the body read so far ends. */
    private int readInto(int at, int n) throws IOException {
        if (at + n > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.max(at + n, buffer.length * 2));
        }
        if (in.readNBytes(buffer, at, n) < n) {
            throw new EOFException("the connection ended inside the body");
        }
        return at + n;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("the connection ended");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
