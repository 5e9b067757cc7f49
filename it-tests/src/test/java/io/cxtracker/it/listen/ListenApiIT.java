package io.cxtracker.it.listen;

import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Listen endpoints over HTTP, black-box, with real tokens: survey answers in bulk become exact NPS readings
 * and re-sending stores nothing new; a CSV import with good and bad rows answers the exact report and stores
 * nothing until validOnly; feedback in bulk and the insights grouped from it.
 */
@ExtendWith(ArquillianExtension.class)
class ListenApiIT {
    private static final LocalDate YESTERDAY = Plan.today().minusDays(1);

    private final HttpJson ingest = Api.as("cxtracker-ingest");
    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();
    private String department;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void npsMetric() {
        plan.demoDepartment("support");
        plan.surveyMetric("nps");
        department = plan.department("listen");
    }

    private String answers(int from, int to) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add("""
                    {"kind":"NPS","score":%d,"answeredAt":"%sT10:%02d:00Z","channel":"chat","departmentCode":"%s",
                     "source":"it-survey","idempotencyKey":"%s-%d"}""".formatted(i % 11, YESTERDAY, i % 60, department,
                    department, i));
        }
        return "[" + String.join(",", items) + "]";
    }

    /** promoters, passives, detractors of the department's NPS readings yesterday (all channels), as stored. */
    private List<Long> yesterday() {
        return sums("SELECT coalesce(sum(promoters), 0), coalesce(sum(passives), 0), coalesce(sum(detractors), 0) FROM reading "
                + "WHERE metric_id = (SELECT id FROM metric WHERE metric_key = 'nps') AND day = DATE '" + YESTERDAY
                + "' AND department_id = (SELECT id FROM department WHERE code = '" + department + "')");
    }

    private static List<Long> sums(String sql) {
        try (Connection c = Database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getLong(i));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Test
    void surveyAnswersBecomeExactReadingsAndResendingStoresNothingNew() {
        JsonNode first = ok(ingest.post("/api/survey-responses", answers(0, 22)), 200);
        assertEquals(22, first.get("accepted").asInt());
        // scores 0..10 twice: 4 promoters, 4 passives, 14 detractors, in one reading (one day, department, channel)
        assertEquals(List.of(4L, 4L, 14L), yesterday());

        JsonNode again = ok(ingest.post("/api/survey-responses", answers(0, 33)), 200);
        assertEquals(11, again.get("accepted").asInt());
        assertEquals(22, again.get("duplicates").asInt());
        assertEquals("DUPLICATE", again.get("items").get(0).get("status").asText());
        // 0..32: scores 0..10 three times
        assertEquals(List.of(6L, 6L, 21L), yesterday());
        assertEquals(33, Database.count("survey_response where idempotency_key like '" + department + "-%'"));
    }

    @Test
    void everyBadAnswerIsRejectedWithItsReasonsAndOnlyIngestionClientsSend() {
        JsonNode report = ok(ingest.post("/api/survey-responses", """
                [{"kind":"NPS","score":11,"answeredAt":"%sT10:00:00Z","idempotencyKey":"bad-1-%s"},
                 {"kind":"NPS","score":"ten","answeredAt":"%sT10:00:00Z","idempotencyKey":"bad-2-%s"},
                 {"kind":"STARS","score":4,"answeredAt":"%sT10:00:00Z","idempotencyKey":"bad-3-%s","extra":1}]"""
                .formatted(YESTERDAY, department, YESTERDAY, department, YESTERDAY, department)), 200);
        assertEquals(3, report.get("rejected").asInt());
        assertEquals("score", report.get("items").get(0).get("reasons").get(0).get("field").asText());
        assertEquals("score", report.get("items").get(1).get("reasons").get(0).get("field").asText());
        assertEquals(List.of("extra"), Api.fields(wrap(report.get("items").get(2))));

        problem(Api.as("lead-support").post("/api/survey-responses", answers(0, 1)), 403);
        problem(Api.as("exec").post("/api/survey-responses", answers(0, 1)), 403);
        problem(HttpJson.forBaseUrl().post("/api/survey-responses", answers(0, 1)), 401);
        problem(ingest.post("/api/survey-responses", "[]"), 400);
        problem(ingest.post("/api/survey-responses", "{\"kind\":\"NPS\"}"), 400);
    }

    private static JsonNode wrap(JsonNode item) {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.set("errors", item.get("reasons"));
        return node;
    }

    private HttpJson.Reply csv(String path, String body) {
        return Api.raw(ingest, "POST", path, "text/csv; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void aCsvWithBadRowsStoresNothingUntilValidOnlyAndReImportingStoresNothingNew() {
        String file = "Question,Rating,Answered,Team,Key\n"
                + "NPS,10," + YESTERDAY + "T09:00:00Z," + department + ",csv-1\n"
                + "NPS,eleven," + YESTERDAY + "T09:01:00Z," + department + ",csv-2\n"
                + "NPS,6," + YESTERDAY + "T09:02:00Z," + department + ",csv-3\n"
                + "NPS,9,not-a-time," + department + ",csv-4\n"
                + "NPS,8," + YESTERDAY + "T09:04:00Z,no-such-team,csv-5\n";
        String mapping = "map.kind=Question&map.score=Rating&map.answeredAt=Answered&map.departmentCode=Team"
                + "&map.idempotencyKey=Key&value.source=it-csv";
        long before = Database.count("survey_response");

        var refused = csv("/api/imports/survey-responses?" + mapping, file);
        problem(refused, 422);
        JsonNode report = refused.json().get("report");
        assertEquals(5, report.get("rows").asLong());
        assertEquals(2, report.get("accepted").asLong());
        assertEquals(3, report.get("rejected").asLong());
        assertEquals(false, report.get("stored").asBoolean());
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("line").asLong() + " " + e.get("field").asText() + " "
                + e.get("column").asText()));
        assertEquals(List.of("3 score Rating", "5 answeredAt Answered", "6 departmentCode Team"), errors);
        assertEquals(before, Database.count("survey_response"), "nothing of a refused file is stored");

        JsonNode kept = ok(csv("/api/imports/survey-responses?validOnly=true&" + mapping, file), 200);
        assertEquals(2, kept.get("accepted").asLong());
        assertEquals(true, kept.get("stored").asBoolean());
        assertEquals(before + 2, Database.count("survey_response"));

        JsonNode again = ok(csv("/api/imports/survey-responses?validOnly=true&" + mapping, file), 200);
        assertEquals(0, again.get("accepted").asLong());
        assertEquals(2, again.get("duplicates").asLong());
        assertEquals(before + 2, Database.count("survey_response"));

        assertEquals(List.of("map.score"), problem(csv("/api/imports/survey-responses?map.score=Stars", file), 400));
        assertEquals(List.of("colour"), problem(csv("/api/imports/survey-responses?colour=red&" + mapping, file), 400));
        problem(csv("/api/imports/survey-responses?" + mapping, "Question,Rating,Answered,Team,Key\n\"NPS\"x,1,2,3,4\n"), 400);
        problem(Api.raw(Api.as("exec"), "POST", "/api/imports/survey-responses?" + mapping, "text/csv",
                file.getBytes(StandardCharsets.UTF_8), null), 403);
    }

    @Test
    void readingsFromAContactCenterExport() {
        String fdr = plan.metric("RATIO", "HIGHER_IS_BETTER", department);
        String file = "date;resolved first day;contacts\n" + YESTERDAY.minusDays(1) + ";61;100\n" + YESTERDAY + ";70;100\n";
        JsonNode report = ok(csv("/api/imports/readings?delimiter=;&value.metricKey=" + fdr + "&map.day=date"
                + "&map.numerator=resolved%20first%20day&map.denominator=contacts&value.departmentCode=" + department, file), 200);
        assertEquals(2, report.get("accepted").asLong());
        assertEquals(List.of(131L, 200L), sums("SELECT sum(numerator), sum(denominator) FROM reading "
                + "WHERE metric_id = (SELECT id FROM metric WHERE metric_key = '" + fdr + "')"));
    }

    @Test
    void feedbackInBulkAndTheInsightsGroupedFromIt() {
        String theme = Plan.unique("hold");
        String items = """
                [{"channel":"CALL","text":"Waited 40 minutes","sentiment":-0.8,"themes":["%1$s"],"departmentCode":"%2$s",
                  "receivedAt":"%3$sT09:00:00Z","source":"calls","idempotencyKey":"%1$s-1"},
                 {"channel":"REVIEW","text":"On hold forever","sentiment":-0.4,"themes":["%1$s","callbacks"],
                  "departmentCode":"%2$s","receivedAt":"%3$sT10:00:00Z","source":"reviews","idempotencyKey":"%1$s-2"},
                 {"channel":"PIGEON","text":"","sentiment":2,"themes":["Not A Slug"],"receivedAt":"%3$sT10:00:00Z",
                  "idempotencyKey":"%1$s-3"}]""".formatted(theme, department, YESTERDAY);
        JsonNode report = ok(ingest.post("/api/feedback", items), 200);
        assertEquals(2, report.get("accepted").asInt());
        // the item's shape is wrong (bound before the service sees it): every field of it that breaks a rule
        assertEquals(List.of("sentiment", "text", "themes[0]"),
                Api.fields(wrap(report.get("items").get(2))));
        assertEquals(2, ok(ingest.post("/api/feedback", items), 200).get("duplicates").asInt());

        JsonNode page = ok(admin.get("/api/feedback?theme=" + theme + "&sort=sentiment"), 200);
        assertEquals(2, page.get("total").asLong());
        assertEquals(-0.8, page.get("items").get(0).get("sentiment").asDouble());

        JsonNode insights = ok(Api.as("exec").get("/api/insights?department=" + department + "&granularity=week"), 200);
        assertEquals(theme, insights.get(0).get("theme").asText());
        assertEquals(2, insights.get(0).get("volume").asLong());
        assertEquals(-0.6, insights.get(0).get("meanSentiment").asDouble(), 1e-9);
        assertEquals(department, insights.get(0).get("departments").get(0).get("departmentCode").asText());
        assertEquals(2, ok(admin.get("/api/insights/" + theme), 200).get("volume").asLong());
        problem(admin.get("/api/insights/nobody-said-this"), 404);
        assertEquals(List.of("granularity", "limit"), problem(admin.get("/api/insights?granularity=hourly&limit=0"), 400));

        // a lead records feedback for their own department only
        problem(Api.as("lead-support").post("/api/feedback", items), 403);
    }
}
