package io.cxtracker.it.metric;

import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Metric definitions and their series over HTTP. Care's CSAT: Monday 30 satisfied of 40 (75 %), Tuesday 90 of
 * 100 (90 %); sales' Monday by chat 10 of 10. The week for care is 120 of 140 = 85.714…% (not the 82.5 % an
 * average of the two days would say); for everyone 130 of 150 = 86.666…%.
 */
@ExtendWith(ArquillianExtension.class)
class MetricApiIT {
    private static final LocalDate MONDAY = Plan.today().minusDays(14).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();
    private String care;
    private String sales;
    private String csat;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void readings() {
        care = plan.department("care");
        sales = plan.department("sales");
        csat = plan.metric("CSAT", "HIGHER_IS_BETTER", care);
        String batch = """
                [{"day":"%s","departmentCode":"%s","channel":"phone","idempotencyKey":"m","statistics":{"satisfied":30,"responses":40}},
                 {"day":"%s","departmentCode":"%s","channel":"phone","idempotencyKey":"t","statistics":{"satisfied":90,"responses":100}},
                 {"day":"%s","departmentCode":"%s","channel":"chat","idempotencyKey":"s","statistics":{"satisfied":10,"responses":10}}]"""
                .formatted(MONDAY, care, TUESDAY, care, MONDAY, sales);
        assertEquals(3, ok(Api.as("cxtracker-ingest").post("/api/metrics/" + csat + "/readings", batch), 200).get("accepted").asInt());
    }

    private String series(String query) {
        return "/api/metrics/" + csat + "/series?from=" + MONDAY.minusDays(7) + "&to=" + Plan.today() + query;
    }

    @Test
    void aMetricIsDefinedOnceAndReadBack() {
        JsonNode metric = ok(admin.get("/api/metrics/" + csat), 200);
        assertEquals("CSAT", metric.get("kind").asText());
        assertEquals(care, metric.get("ownerDepartment").asText());
        assertTrue(ok(admin.get("/api/metrics?limit=500"), 200).get("total").asLong() >= 1);

        var before = RowCounts.now();
        problem(admin.post("/api/metrics", """
                {"key":"%s","name":"Again","unit":"%%","kind":"CSAT","direction":"HIGHER_IS_BETTER","ownerDepartment":"%s",
                 "expectedFrequency":"DAILY"}""".formatted(csat, care)), 409);
        assertEquals(List.of("direction", "expectedFrequency", "key", "kind"), problem(admin.post("/api/metrics", """
                {"key":"Bad Key","name":"x","unit":"%","kind":"PERCENT","direction":"UP","ownerDepartment":"care"}"""), 400));
        problem(Api.as("lead-support").post("/api/metrics", """
                {"key":"lead-metric","name":"x","unit":"%","kind":"CSAT","direction":"HIGHER_IS_BETTER","ownerDepartment":"support",
                 "expectedFrequency":"DAILY"}"""), 403);
        assertEquals(before, RowCounts.now());
        problem(admin.get("/api/metrics/no-such-metric"), 404);
    }

    @Test
    void aDailySeriesHasTheExactValueOfEachDay() {
        JsonNode series = ok(admin.get(series("&department=" + care)), 200);
        JsonNode points = series.get("points");
        assertEquals(2, points.size());
        assertEquals(MONDAY.toString(), points.get(0).get("start").asText());
        assertEquals(75.0, points.get(0).get("value").asDouble(), 1e-9);
        assertEquals(40, points.get(0).get("count").asLong());
        assertEquals(30, points.get(0).get("statistics").get("satisfied").asLong());
        assertEquals(90.0, points.get(1).get("value").asDouble(), 1e-9);
        assertEquals("DAY", series.get("granularity").asText());
        assertEquals(care, series.get("department").asText());
    }

    @Test
    void aWeekMergesTheStatisticsItNeverAveragesPercentages() {
        JsonNode careWeek = ok(admin.get(series("&department=" + care + "&granularity=week")), 200).get("points");
        assertEquals(1, careWeek.size());
        assertEquals(120.0 / 140.0 * 100, careWeek.get(0).get("value").asDouble(), 1e-9);
        assertEquals(MONDAY.plusDays(6).toString(), careWeek.get(0).get("end").asText());

        JsonNode everyone = ok(admin.get(series("&granularity=WEEK")), 200).get("points");
        assertEquals(130.0 / 150.0 * 100, everyone.get(0).get("value").asDouble(), 1e-9);
        assertEquals(150, everyone.get(0).get("count").asLong());

        JsonNode chat = ok(admin.get(series("&channel=chat&granularity=month")), 200).get("points");
        assertEquals(100.0, chat.get(0).get("value").asDouble(), 1e-9);
        JsonNode quarter = ok(admin.get(series("&department=" + care + "&granularity=quarter")), 200).get("points");
        double total = 0;
        long count = 0;
        for (JsonNode point : quarter) {
            total += point.get("statistics").get("satisfied").asLong();
            count += point.get("count").asLong();
        }
        assertEquals(List.of(120.0, 140.0), List.of(total, (double) count), "the quarters hold both days' statistics");
    }

    @Test
    void theSeriesCarriesItsScopesTargetsWithForecastAndRag() {
        long careTarget = plan.target(csat, care, 70, 80, Plan.today().plusDays(90), 2).get("id").asLong();
        long companyTarget = plan.target(csat, null, 70, 95, Plan.today().plusDays(30), 0).get("id").asLong();

        JsonNode careTargets = ok(admin.get(series("&department=" + care)), 200).get("targets");
        assertEquals(1, careTargets.size());
        JsonNode mine = careTargets.get(0);
        assertEquals(careTarget, mine.get("id").asLong());
        assertEquals(80.0, mine.get("targetValue").asDouble());
        assertEquals("GREEN", mine.get("evaluation").get("rag").asText());
        assertTrue(mine.get("evaluation").get("met").asBoolean());
        assertEquals(120.0 / 140.0 * 100, mine.get("evaluation").get("current").asDouble(), 1e-9);
        assertEquals((120.0 / 140.0 * 100 - 70) / 10, mine.get("evaluation").get("progress").asDouble(), 1e-9);

        JsonNode company = ok(admin.get(series("")), 200).get("targets");
        assertEquals(1, company.size());
        assertEquals(companyTarget, company.get(0).get("id").asLong());
        JsonNode verdict = company.get(0).get("evaluation");
        assertFalse(verdict.get("met").asBoolean(), verdict::toString);
        assertEquals(130.0 / 150.0 * 100, verdict.get("current").asDouble(), 1e-9);
        // the daily values 80 % then 90 % rise ten points a day: the trend passes 95 long before the due date
        assertTrue(verdict.get("forecast").asDouble() > 95, verdict::toString);
        assertEquals("GREEN", verdict.get("rag").asText());

        assertEquals(1, ok(admin.get("/api/metrics/" + csat + "/targets?department=" + care), 200).size());
    }

    @Test
    void badSeriesParametersAreNamed() {
        String base = "/api/metrics/" + csat + "/series";
        assertEquals(List.of("from", "to"), problem(admin.get(base), 400));
        assertEquals(List.of("from", "granularity"), problem(admin.get(base + "?from=yesterday&to=2026-01-01&granularity=hourly"), 400));
        assertEquals(List.of("to"), problem(admin.get(base + "?from=2026-05-01&to=2026-04-01"), 400));
        assertEquals(List.of("department"), problem(admin.get(base + "?from=2026-04-01&to=2026-05-01&department=Not!"), 400));
        assertEquals(List.of("granularity"), problem(admin.get(base + "?from=2020-01-01&to=2026-01-01&granularity=day"), 400));
        problem(admin.get("/api/metrics/no-such-metric/series?from=2026-04-01&to=2026-05-01"), 404);
    }
}
