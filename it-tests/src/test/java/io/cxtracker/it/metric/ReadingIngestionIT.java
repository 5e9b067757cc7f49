package io.cxtracker.it.metric;

import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk ingestion of readings, {@code POST /api/metrics/{key}/readings}: per item accepted, duplicate or rejected
 * with reasons; good items stored whole, bad ones not at all; a resent batch changes nothing; racing batches
 * with overlapping keys store each reading once.
 */
@ExtendWith(ArquillianExtension.class)
class ReadingIngestionIT {
    private static final LocalDate DAY = Plan.today().minusDays(3);

    private final HttpJson ingest = Api.as("cxtracker-ingest");
    private final Plan plan = new Plan();
    private String department;
    private String metric;
    private String path;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        department = plan.department("care");
        metric = plan.metric("CSAT", "HIGHER_IS_BETTER", department);
        path = "/api/metrics/" + metric + "/readings";
    }

    private String reading(String key, int satisfied, int responses) {
        return """
                {"day":"%s","departmentCode":"%s","channel":"phone","idempotencyKey":"%s","statistics":{"satisfied":%d,"responses":%d}}"""
                .formatted(DAY, department, key, satisfied, responses);
    }

    private long stored() {
        return Database.count("reading r join metric m on m.id = r.metric_id where m.metric_key = '" + metric + "'");
    }

    private static List<String> statuses(JsonNode report) {
        List<String> statuses = new ArrayList<>();
        report.get("items").forEach(i -> statuses.add(i.get("status").asText()));
        return statuses;
    }

    private static List<String> reasons(JsonNode item) {
        List<String> fields = new ArrayList<>();
        item.get("reasons").forEach(r -> fields.add(r.get("field").asText()));
        return fields.stream().sorted().toList();
    }

    @Test
    void aBatchWithSomeBadItemsStoresTheGoodOnesWholeAndRejectsTheRestWithReasons() {
        String batch = "[" + String.join(",",
                reading("a", 8, 10),
                reading("b", 45, 50),
                """
                {"day":"%s","idempotencyKey":"c","mood":"happy","statistics":{"satisfied":1,"responses":"ten"}}""".formatted(DAY),
                reading("d", 11, 10),
                reading("a", 8, 10),
                "42") + "]";

        JsonNode report = ok(ingest.post(path, batch), 200);
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "DUPLICATE", "REJECTED"), statuses(report));
        assertEquals(List.of(2, 1, 3), List.of(report.get("accepted").asInt(), report.get("duplicates").asInt(),
                report.get("rejected").asInt()));
        assertEquals(List.of("mood", "statistics.responses"), reasons(report.get("items").get(2)));
        assertEquals("c", report.get("items").get(2).get("idempotencyKey").asText());
        assertEquals(List.of("statistics.satisfied"), reasons(report.get("items").get(3)));
        assertEquals(5, report.get("items").get(5).get("index").asInt());
        assertEquals(2, stored());
        assertEquals(1, Database.count("reading r join metric m on m.id = r.metric_id where m.metric_key = '" + metric
                + "' and r.idempotency_key = 'b' and r.satisfied = 45 and r.responses = 50"), "stored whole");

        var before = RowCounts.now();
        JsonNode again = ok(ingest.post(path, batch), 200);
        assertEquals(List.of("DUPLICATE", "DUPLICATE", "REJECTED", "REJECTED", "DUPLICATE", "REJECTED"), statuses(again));
        assertEquals(0, again.get("accepted").asInt());
        assertEquals(before, RowCounts.now(), "the same batch again changes nothing");
    }

    @Test
    void aBatchHoldsUpToTenThousandReadings() {
        String batch = IntStream.range(0, 10_000).mapToObj(i -> reading("bulk-" + i, i % 10, 10))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        assertTrue(batch.length() > 1_000_000, "larger than an ordinary body may be");
        JsonNode report = ok(ingest.post(path, batch), 200);
        assertEquals(10_000, report.get("accepted").asInt());
        assertEquals(10_000, stored());

        var before = RowCounts.now();
        String tooMany = batch.substring(0, batch.length() - 1) + "," + reading("bulk-10000", 1, 1) + "]";
        assertEquals(List.of("body"), problem(ingest.post(path, tooMany), 400));
        assertEquals(List.of("body"), problem(ingest.post(path, "[]"), 400));
        assertEquals(List.of("body"), problem(ingest.post(path, reading("single", 1, 1)), 400));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void aBodyOverTheBulkLimitIsRefusedWith413() {
        var before = RowCounts.now();
        // over the 10 MB bulk limit, under the server's own 12 MiB limit (ServerBodyLimitIT: over both)
        String huge = "[" + reading("huge", 1, 1).replace("\"phone\"", "\"" + "x".repeat(10_200_000) + "\"") + "]";
        assertEquals(List.of("body"), problem(ingest.post(path, huge), 413));

        // the same without a Content-Length (chunked): counted while read, refused as it passes the limit
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        var chunked = ingest.send(HttpRequest.newBuilder(ingest.uri(path)).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertEquals(List.of("body"), problem(chunked, 413));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void twoRacingBatchesWithOverlappingKeysStoreEachReadingOnce() throws Exception {
        String first = IntStream.range(0, 300).mapToObj(i -> reading("race-" + i, 5, 10))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        String second = IntStream.range(150, 450).mapToObj(i -> reading("race-" + i, 5, 10))
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpJson.Reply>> replies = new ArrayList<>();
        try {
            for (String batch : List.of(first, second, first, second)) {
                Callable<HttpJson.Reply> call = () -> {
                    go.await();
                    return ingest.post(path, batch);
                };
                replies.add(pool.submit(call));
            }
            go.countDown();
            int accepted = 0;
            for (Future<HttpJson.Reply> reply : replies) {
                JsonNode report = ok(reply.get(), 200);
                assertEquals(300, report.get("accepted").asInt() + report.get("duplicates").asInt());
                assertEquals(0, report.get("rejected").asInt());
                accepted += report.get("accepted").asInt();
            }
            assertEquals(450, accepted, "every key accepted by exactly one request");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(450, stored());
        assertEquals(450, Database.count("(select distinct r.idempotency_key from reading r join metric m on m.id = r.metric_id"
                + " where m.metric_key = '" + metric + "') k"));
    }

    @Test
    void onlyIngestClientsAndProgramAdminsPushReadings() {
        String batch = "[" + reading("who", 1, 2) + "]";
        var before = RowCounts.now();
        for (String caller : List.of("exec", "auditor", "lead-support", "visitor")) {
            problem(Api.as(caller).post(path, batch), 403);
        }
        problem(HttpJson.forBaseUrl().post(path, batch), 401);
        problem(ingest.post("/api/metrics/no-such-metric/readings", batch), 404);
        assertEquals(List.of("body"), problem(ingest.post(path, "{\"readings\":[]}"), 400));
        assertEquals(before, RowCounts.now());
        assertEquals(1, ok(Api.admin().post(path, batch), 200).get("accepted").asInt());
    }
}
