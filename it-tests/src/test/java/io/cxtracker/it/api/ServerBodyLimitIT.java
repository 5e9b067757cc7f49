package io.cxtracker.it.api;

import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bodies over the server's own size limit (ServerBodyLimitFilter, {@code cx.server.max-post-size}, default 12 MiB:
 * above the API's bulk limit of 10 MB) get a 413 problem naming the body, like bodies over the API's limits — not a
 * closed connection or a 500 — with or without a Content-Length, for JSON and for CSV imports, and nothing is written.
 */
@ExtendWith(ArquillianExtension.class)
class ServerBodyLimitIT {
    /** Over both the API's bulk limit (10,000,000 bytes) and the server's limit (12 MiB = 12,582,912 bytes). */
    private static final int OVER_BOTH = 13 * 1024 * 1024;

    private final HttpJson ingest = Api.as("cxtracker-ingest");

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    private static byte[] jsonBatch() {
        String reading = "{\"day\":\"2026-01-01\",\"departmentCode\":\"care\",\"channel\":\"%s\",\"idempotencyKey\":\"huge\","
                + "\"statistics\":{\"satisfied\":1,\"responses\":1}}";
        return ("[" + reading.formatted("x".repeat(OVER_BOTH)) + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] csv() {
        StringBuilder csv = new StringBuilder("kind,score,answeredAt,channel,comment\n");
        String row = "NPS,9,2026-01-01T10:00:00Z,phone," + "y".repeat(200) + "\n";
        while (csv.length() <= OVER_BOTH) {
            csv.append(row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpJson.Reply chunked(String path, String contentType, byte[] body) {
        return ingest.send(HttpRequest.newBuilder(ingest.uri(path)).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private static void over(HttpJson.Reply reply) {
        assertEquals(List.of("body"), problem(reply, 413));
        assertTrue(reply.json().get("detail").asText().contains("nothing was written"), reply::toString);
    }

    @Test
    void aJsonBodyOverBothLimitsIsA413Problem() {
        var before = RowCounts.now();
        byte[] body = jsonBatch();
        over(Api.raw(ingest, "POST", "/api/metrics/csat/readings", "application/json", body, null));
        over(chunked("/api/metrics/csat/readings", "application/json", body));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void aCsvImportOverTheServerLimitIsA413Problem() {
        var before = RowCounts.now();
        byte[] body = csv();
        over(Api.raw(ingest, "POST", "/api/imports/survey-responses", "text/csv", body, null));
        over(chunked("/api/imports/survey-responses", "text/csv", body));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void theConnectionServesTheNextRequestAfterA413() {
        over(Api.raw(ingest, "POST", "/api/metrics/csat/readings", "application/json", jsonBatch(), null));
        assertEquals(200, ingest.get("/api/metrics").status());
    }
}
