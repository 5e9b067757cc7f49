package io.cxtracker.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A small HTTP client for black-box API tests. Anonymous unless given a bearer token with {@link #as};
 * {@link #asProgramAdmin()} is what tests of set-up endpoints use.
 */
public final class HttpJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** HTTP/1.1: no h2c upgrade attempts, so every request is exactly one request. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    /** Asked at every request: a caller's client renews its token (Tokens caches it until a minute before expiry). */
    private final Supplier<String> token;

    public HttpJson(String base) {
        this(base, () -> null);
    }

    private HttpJson(String base, Supplier<String> token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /** The app, anonymous. */
    public static HttpJson forBaseUrl() {
        return new HttpJson(System.getProperty("cx.it.base.url", "http://127.0.0.1:8280"));
    }

    /** The same client sending {@code Authorization: Bearer <token>} (none when token is null). */
    public HttpJson as(String bearerToken) {
        return new HttpJson(base, () -> bearerToken);
    }

    /**
     * The same client as a matrix caller ({@link Tokens#of}), whose token is renewed before it expires: a test that
     * keeps one client for longer than the realm's token lifetime (a slow machine) still calls as that caller.
     */
    public HttpJson asCaller(String caller) {
        return new HttpJson(base, () -> Tokens.of(caller));
    }

    /** The app as the demo program admin (user admin). */
    public static HttpJson asProgramAdmin() {
        return forBaseUrl().asCaller("admin");
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    public Reply post(String path, String body) {
        return post(path, body, "application/json");
    }

    public Reply post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method; a JSON body when body is not null. */
    public Reply request(String method, String path, String body) {
        return request(method, path, body, java.util.Map.of());
    }

    /** Any method with extra headers (e.g. If-Match); a JSON body when body is not null. */
    public Reply request(String method, String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        headers.forEach(builder::header);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                builder.header("Content-Type", "application/json");
            }
            builder.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(builder);
    }

    public Reply send(HttpRequest.Builder request) {
        String bearer = token.get();
        if (bearer != null) {
            request.setHeader("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + header("Content-Type") + " " + body();
        }
    }
}
