package io.cxtracker.it.targets;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Targets over HTTP: set and revised by the program admin with the ETag read; read with today's verdict. */
@ExtendWith(ArquillianExtension.class)
class TargetApiIT {

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();
    private String department;
    private String metric;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        department = plan.department("billing");
        metric = plan.metric("RATIO", "LOWER_IS_BETTER", department);
    }

    @Test
    void aTargetIsSetReadWithItsVerdictAndListed() {
        var created = admin.post("/api/targets", """
                {"metricKey":"%s","departmentCode":"%s","baseline":12.5,"targetValue":8,"due":"%s","amberTolerance":1}"""
                .formatted(metric, department, Plan.today().plusDays(120)));
        JsonNode target = ok(created, 201);
        long id = target.get("id").asLong();
        assertTrue(created.header("Location").endsWith("/api/targets/" + id), created::toString);
        assertEquals("\"0\"", etag(created));
        assertEquals(30, target.get("windowDays").asInt());

        var read = Api.as("exec").get("/api/targets/" + id);
        JsonNode withVerdict = ok(read, 200);
        assertEquals("\"0\"", etag(read));
        assertEquals("NO_DATA", withVerdict.get("evaluation").get("rag").asText());
        assertTrue(withVerdict.get("evaluation").get("reason").asText().startsWith("no readings"));

        JsonNode listed = ok(admin.get("/api/targets?metric=" + metric + "&department=" + department), 200);
        assertEquals(1, listed.get("total").asLong());
        assertEquals(id, listed.get("items").get(0).get("id").asLong());
        assertEquals(List.of("department", "metric", "sort"), problem(admin.get("/api/targets?metric=A!&department=B!&sort=value"), 400));
        problem(admin.get("/api/targets/999999999"), 404);
    }

    @Test
    void aTargetCanBeDueAtTheEndOfAPhase() {
        long program = plan.program();
        JsonNode target = ok(admin.post("/api/targets", """
                {"metricKey":"%s","baseline":12,"targetValue":9,"programId":%d,"phaseNumber":2}""".formatted(metric, program)), 201);
        JsonNode phase = ok(admin.get("/api/programs/" + program + "/phases/2"), 200);
        assertEquals(phase.get("end").asText(), target.get("due").asText());
        assertTrue(target.get("departmentCode").isNull());

        var before = RowCounts.now();
        assertEquals(List.of("due"), problem(admin.post("/api/targets", """
                {"metricKey":"%s","baseline":12,"targetValue":9,"due":"2027-01-01","programId":%d,"phaseNumber":2}"""
                .formatted(metric, program)), 400));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void everyBadFieldOfATargetIsNamed() {
        var before = RowCounts.now();
        assertEquals(List.of("amberTolerance", "baseline", "metricKey", "windowDays"), problem(admin.post("/api/targets", """
                {"metricKey":"Not A Key","baseline":"twelve","targetValue":9,"due":"2027-01-01","amberTolerance":-1,"windowDays":400}"""),
                400));
        assertEquals(List.of("targetValue"), problem(admin.post("/api/targets", """
                {"metricKey":"%s","baseline":12,"targetValue":150,"due":"2027-01-01"}""".formatted(metric)), 400));
        assertEquals(List.of("metricKey"), problem(admin.post("/api/targets", """
                {"metricKey":"no-such-metric","baseline":12,"targetValue":9,"due":"2027-01-01"}"""), 400));
        problem(Api.as("lead-support").post("/api/targets", """
                {"metricKey":"%s","baseline":12,"targetValue":9,"due":"2027-01-01"}""".formatted(metric)), 403);
        assertEquals(before, RowCounts.now());
    }

    @Test
    void aRevisionNeedsTheCurrentETag() {
        long id = plan.target(metric, department, 12, 8, Plan.today().plusDays(100), 0).get("id").asLong();
        String path = "/api/targets/" + id;
        String body = "{\"baseline\":12,\"targetValue\":7,\"due\":\"" + Plan.today().plusDays(200) + "\",\"amberTolerance\":0.5}";
        var before = RowCounts.now();
        problem(write(admin, "PUT", path, body, null), 428);
        problem(write(admin, "PUT", path, body, "\"3\""), 412);
        problem(write(Api.as("exec"), "PUT", path, body, "\"0\""), 403);
        assertEquals(List.of("due", "targetValue"), problem(write(admin, "PUT", path, "{\"baseline\":12,\"targetValue\":null}", "\"0\""), 400));
        problem(write(admin, "PUT", "/api/targets/999999999", body, "\"0\""), 404);
        assertEquals(before, RowCounts.now());

        var revised = write(admin, "PUT", path, body, "\"0\"");
        assertEquals(7.0, ok(revised, 200).get("targetValue").asDouble());
        assertEquals("\"1\"", etag(revised));
        assertEquals(0.5, ok(admin.get(path), 200).get("amberTolerance").asDouble());
    }
}
