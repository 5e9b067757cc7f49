package io.cxtracker.it.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook receiver in the test JVM, on a free loopback port: {@code /ok} answers 200, {@code /fail} answers 500;
 * both keep every request (headers and the exact body bytes) for the test to check.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One request as it arrived; header names in lower case. */
    public record Received(String path, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String path : List.of("/ok", "/fail")) {
            int status = path.equals("/ok") ? 200 : 500;
            server.createContext(path, exchange -> {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
                received.add(new Received(exchange.getRequestURI().getPath(), headers, exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
        }
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until {@code count} requests match (or the time is up) and answers those that did. */
    public List<Received> await(Predicate<Received> which, int count, Duration atMost) {
        long end = System.nanoTime() + atMost.toNanos();
        while (received(which).size() < count && System.nanoTime() < end) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received(which);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
