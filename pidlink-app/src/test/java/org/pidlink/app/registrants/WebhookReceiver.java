package org.pidlink.app.registrants;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A registrant's webhook endpoint for tests: records each POST and answers the statuses it is told, then 200. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String signature, String event, String delivery, String body) {
        byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/pidlink", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Pidlink-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Pidlink-Event"),
                        exchange.getRequestHeaders().getFirst("X-Pidlink-Delivery"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? 200 : answers.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    /** The next requests are answered with these statuses, in order. */
    WebhookReceiver answering(Integer... statuses) {
        synchronized (answers) {
            answers.addAll(List.of(statuses));
        }
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/pidlink";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
