package io.cxtracker.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 item 4: how long a lead's check-in takes while a {@link ImportBenchmark#ROWS}-row CSV import
 * runs (one transaction that writes an audit record per batch), beside the same check-in with no import and
 * the import's own time. With the audit chain appended under one transaction-long lock, the check-in waits
 * for the whole import; with unsealed appends and a sealer, it should not wait at all. Not part of the test
 * suite; {@code bench/run.sh checkin} runs it.
 */
@ExtendWith(ArquillianExtension.class)
class CheckInDuringImportBenchmark {
    private static final String CHECK_IN = "{\"status\":\"IN_PROGRESS\",\"progress\":%d}";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpJson admin = Api.admin();
    private final HttpJson lead = Api.as("lead-support");
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void checkInLatencyDuringA100kRowImport() throws Exception {
        String support = plan.demoDepartment("support");
        ImportBenchmark.ensureNpsMetric(admin, support);
        String department = plan.department("bench");
        long initiative = plan.initiative(plan.program(), 1, "LISTEN", support);
        JsonNode milestone = plan.milestone(initiative, support, Plan.today().plusDays(30));
        String path = "/api/milestones/" + milestone.get("id").asLong() + "/check-ins";
        String[] etag = {"\"" + milestone.get("version").asLong() + "\""};
        int[] progress = {0};
        String token = Tokens.of("lead-support");
        Runnable checkIn = () -> {
            // its own client: HttpJson gives up after 30 s, and a check-in stuck behind the import may wait longer
            HttpRequest request = HttpRequest.newBuilder(lead.uri(path)).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("If-Match", etag[0])
                    .POST(HttpRequest.BodyPublishers.ofString(CHECK_IN.formatted(++progress[0] % 100))).build();
            try {
                HttpResponse<String> reply = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                assertEquals(201, reply.statusCode(), reply::body);
                etag[0] = reply.headers().firstValue("ETag").orElseThrow();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };

        // warm-up, not measured: the JIT, the pool, a small import
        for (int i = 0; i < 20; i++) {
            checkIn.run();
        }
        String warm = ImportBenchmark.surveyCsv(department, "warm-");
        ImportBenchmark.post("/api/imports/survey-responses", warm.substring(0, nthLine(warm, 2001)));

        List<Long> idle = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            idle.add(timed(checkIn));
        }

        // the import alone, nothing else running: its own time
        long alone = System.nanoTime();
        JsonNode first = ImportBenchmark.post("/api/imports/survey-responses", ImportBenchmark.surveyCsv(department, "alone-"));
        alone = System.nanoTime() - alone;
        assertEquals(ImportBenchmark.ROWS, first.get("accepted").asLong(), first::toString);

        String csv = ImportBenchmark.surveyCsv(department, "during-");
        long started = System.nanoTime();
        CompletableFuture<JsonNode> running = CompletableFuture.supplyAsync(() -> {
            try {
                return ImportBenchmark.post("/api/imports/survey-responses", csv);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // let the import get into its transaction (its first batches, and their audit records, are written): a fifth
        // of its time alone, at most 2 s, so that a small import (bench/run.sh quick) still has check-ins inside it
        Thread.sleep(Math.min(2_000, alone / 5_000_000));
        List<Long> during = new ArrayList<>();
        do {
            during.add(timed(checkIn));
            Thread.sleep(Math.min(250, alone / 20_000_000));
        } while (!running.isDone());
        JsonNode report = running.get();
        long importNanos = System.nanoTime() - started;
        assertEquals(ImportBenchmark.ROWS, report.get("accepted").asLong(), report::toString);

        System.out.println("[benchmark] " + ImportBenchmark.ROWS + "-row survey CSV import (one transaction), alone: "
                + String.format(Locale.ROOT, "%.1f s; with the check-ins below running: %.1f s", alone / 1e9, importNanos / 1e9));
        System.out.println("[benchmark] check-in, no import running:     " + summary(idle));
        System.out.println("[benchmark] check-in while the import runs:  " + summary(during));
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "n=%d, median %.0f ms, max %.0f ms", sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.getLast() / 1e6);
    }

    private static int nthLine(String text, int lines) {
        int at = 0;
        for (int i = 0; i < lines; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }
}
