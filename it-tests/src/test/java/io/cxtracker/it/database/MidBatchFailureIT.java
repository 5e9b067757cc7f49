package io.cxtracker.it.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "A 5xx stores nothing", proven by a failure the database raises in the middle of a batch: the test's
 * administrator connection adds a CHECK constraint (NOT VALID, so rows already stored are not looked at) that
 * only the 500th row of a 1,000-row batch breaks. The application cannot see it coming — every row is valid by
 * its rules — so the insert fails half-way: the answer must be a 5xx problem document and not one row of the
 * batch may be stored (no table of the schema changes). With the constraint dropped, the same batch is
 * stored whole, so the rows were really on their way to the database.
 */
@ExtendWith(ArquillianExtension.class)
class MidBatchFailureIT {
    private static final int BATCH = 1_000;
    private static final int FAILING_ROW = 500;
    /** Fixed past days of their own: 1,000 consecutive days from here never reach the present. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);

    private final Plan plan = new Plan();
    private final List<String> constraints = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @AfterEach
    void dropTheInjectedFailure() {
        constraints.forEach(Database::execute);
        constraints.clear();
    }

    private void failOn(String table, String name, String condition) {
        Database.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " CHECK (" + condition + ") NOT VALID");
        constraints.add("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + name);
    }

    @Test
    void aFeedbackBatchThatFailsAtItsFiveHundredthItemStoresNoneOfIt() {
        String department = plan.department("midbatch");
        String prefix = Plan.unique("mb");
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= BATCH; i++) {
            items.add("""
                    {"channel":"CHAT","text":"Item %d","sentiment":0.1,"themes":["%s"],"departmentCode":"%s",
                     "receivedAt":"%sT09:00:00Z","source":"it-midbatch","idempotencyKey":"%s-%d"}"""
                    .formatted(i, prefix, department, FIRST_DAY.plusDays(i % 300), prefix, i));
        }
        String batch = "[" + String.join(",", items) + "]";
        String stored = "feedback where idempotency_key like '" + prefix + "-%'";
        failOn("feedback", "it_fail_" + prefix.replace('-', '_'), "idempotency_key <> '" + prefix + "-" + FAILING_ROW + "'");

        Map<String, Long> before = RowCounts.now();
        HttpJson.Reply failed = Api.admin().post("/api/feedback", batch);
        assertServerProblem(failed);
        assertEquals(0, Database.count(stored), "not one item of a batch that failed may be stored");
        assertEquals(before, RowCounts.now(), "a 5xx leaves every table as it was");

        dropTheInjectedFailure();
        JsonNode report = Api.ok(Api.admin().post("/api/feedback", batch), 200);
        assertEquals(BATCH, report.get("accepted").asInt(), report::toString);
        assertEquals(BATCH, Database.count(stored));
    }

    @Test
    void aCsvImportThatFailsAtItsFiveHundredthRowStoresNoneOfIt() {
        String department = plan.department("midbatch");
        String metric = plan.metric("RATIO", "HIGHER_IS_BETTER", department);
        StringBuilder file = new StringBuilder("day,numerator,denominator\n");
        for (int i = 1; i <= BATCH; i++) {
            file.append(FIRST_DAY.plusDays(i)).append(',').append(i).append(',').append(BATCH).append('\n');
        }
        byte[] csv = file.toString().getBytes(StandardCharsets.UTF_8);
        String path = "/api/imports/readings?value.metricKey=" + metric + "&value.departmentCode=" + department;
        String metricId = Database.value("select id from metric where metric_key = '" + metric + "'");
        String stored = "reading where metric_id = " + metricId;
        failOn("reading", "it_fail_" + metric.replace('-', '_'), "metric_id <> " + metricId + " OR numerator <> " + FAILING_ROW);

        Map<String, Long> before = RowCounts.now();
        HttpJson.Reply failed = Api.raw(Api.admin(), "POST", path, "text/csv", csv, null);
        assertServerProblem(failed);
        assertEquals(0, Database.count(stored), "not one row of an import that failed may be stored");
        assertEquals(before, RowCounts.now(), "a 5xx leaves every table as it was");

        dropTheInjectedFailure();
        JsonNode report = Api.ok(Api.raw(Api.admin(), "POST", path, "text/csv", csv, null), 200);
        assertEquals(BATCH, report.get("accepted").asLong(), report::toString);
        assertEquals(BATCH, Database.count(stored));
    }

    /** A 5xx answered as a problem document that tells nothing of the database's insides. */
    private static void assertServerProblem(HttpJson.Reply reply) {
        assertTrue(reply.status() >= 500 && reply.status() < 600, () -> "the injected failure must give a 5xx: " + reply);
        assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
        assertEquals(reply.status(), reply.json().get("status").asInt(), reply::toString);
        String body = reply.body().toLowerCase(java.util.Locale.ROOT);
        assertTrue(!body.contains("it_fail_") && !body.contains("sql") && !body.contains("constraint"),
                () -> "a server error must not leak the database's message: " + reply);
    }
}
