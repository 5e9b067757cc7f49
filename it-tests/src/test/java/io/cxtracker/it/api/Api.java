package io.cxtracker.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls of the REST API as the demo callers, with the headers the writes need (If-Match), and the
 * assertions every API test makes on RFC 9457 problems.
 */
public final class Api {
    private Api() {
    }

    public static HttpJson admin() {
        return HttpJson.asProgramAdmin();
    }

    /** A demo caller of the realm: admin, exec, auditor, visitor, lead-support, lead-marketing, cxtracker-ingest. */
    public static HttpJson as(String caller) {
        return HttpJson.forBaseUrl().asCaller(caller);
    }

    /** A write with a JSON body (or none) and an If-Match header (or none). */
    public static HttpJson.Reply write(HttpJson client, String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request);
    }

    /** A request with any content type and raw body. */
    public static HttpJson.Reply raw(HttpJson client, String method, String path, String contentType, byte[] body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Accept", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return client.send(request);
    }

    public static JsonNode ok(HttpJson.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        return reply.json();
    }

    /** An RFC 9457 problem with the given status, and the fields its errors name (sorted, distinct). */
    public static List<String> problem(HttpJson.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
        JsonNode problem = reply.json();
        assertEquals(status, problem.get("status").asInt(), reply::toString);
        assertNotNull(problem.get("type"), reply::toString);
        assertTrue(problem.get("type").asText().startsWith("https://cxtracker.io/problems/"), reply::toString);
        assertNotNull(problem.get("title"), reply::toString);
        assertNotNull(problem.get("instance"), reply::toString);
        assertTrue(problem.get("instance").asText().startsWith("/api/"), reply::toString);
        return fields(problem);
    }

    public static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.path("errors").forEach(e -> names.add(e.get("field").asText()));
        return names.stream().distinct().sorted().toList();
    }

    public static String etag(HttpJson.Reply reply) {
        String tag = reply.header("ETag");
        assertNotNull(tag, () -> "no ETag: " + reply);
        return tag;
    }
}
