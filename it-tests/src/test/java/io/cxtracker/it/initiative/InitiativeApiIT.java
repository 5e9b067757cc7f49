package io.cxtracker.it.initiative;

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

/** Initiatives with their RACI over HTTP. */
@ExtendWith(ArquillianExtension.class)
class InitiativeApiIT {

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();
    private long program;
    private String billing;
    private String support;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeEach
    void setUp() {
        program = plan.program();
        billing = plan.department("billing");
        support = plan.department("support");
    }

    @Test
    void anInitiativeIsAddedWithItsRaciAndFoundByAnyOfItsDepartments() {
        var created = admin.post("/api/initiatives", """
                {"programId":%d,"phaseNumber":2,"pillar":"CHANGE","title":"Fix the top three billing complaints",
                 "accountableDepartment":"%s","raci":{"%s":"RESPONSIBLE"}}""".formatted(program, billing, support));
        JsonNode initiative = ok(created, 201);
        long id = initiative.get("id").asLong();
        assertTrue(created.header("Location").endsWith("/api/initiatives/" + id));
        assertEquals("\"0\"", etag(created));
        assertEquals("Optimize", initiative.get("phaseName").asText());
        assertEquals("ACCOUNTABLE", initiative.get("raci").get(billing).asText());
        assertEquals("RESPONSIBLE", initiative.get("raci").get(support).asText());

        assertEquals(id, ok(Api.as("exec").get("/api/initiatives/" + id), 200).get("id").asLong());
        JsonNode bySupport = ok(admin.get("/api/initiatives?program=" + program + "&department=" + support), 200);
        assertEquals(1, bySupport.get("total").asLong());
        assertEquals(1, ok(admin.get("/api/initiatives?program=" + program + "&pillar=change&phase=2"), 200).get("total").asLong());
        assertEquals(0, ok(admin.get("/api/initiatives?program=" + program + "&phase=1"), 200).get("total").asLong());
        assertEquals(List.of("department", "phase", "pillar", "program"),
                problem(admin.get("/api/initiatives?program=x&department=X!&pillar=SHOUT&phase=0"), 400));
        problem(admin.get("/api/initiatives/999999999"), 404);
    }

    @Test
    void everyBadFieldOfAnInitiativeIsNamed() {
        var before = RowCounts.now();
        assertEquals(List.of("accountableDepartment", "phaseNumber", "pillar", "title"), problem(admin.post("/api/initiatives", """
                {"programId":%d,"phaseNumber":13,"pillar":"SHOUT","title":"","accountableDepartment":null}""".formatted(program)), 400));
        assertEquals(List.of("raci.no-such-dept"), problem(admin.post("/api/initiatives", """
                {"programId":%d,"phaseNumber":1,"pillar":"LISTEN","title":"t","accountableDepartment":"%s",
                 "raci":{"no-such-dept":"CONSULTED"}}""".formatted(program, billing)), 400));
        assertEquals(List.of("raci." + support), problem(admin.post("/api/initiatives", """
                {"programId":%d,"phaseNumber":1,"pillar":"LISTEN","title":"t","accountableDepartment":"%s",
                 "raci":{"%s":"GUESSING"}}""".formatted(program, billing, support)), 400));
        problem(admin.post("/api/initiatives", """
                {"programId":999999999,"phaseNumber":1,"pillar":"LISTEN","title":"t","accountableDepartment":"%s"}"""
                .formatted(billing)), 404);
        problem(Api.as("lead-support").post("/api/initiatives", """
                {"programId":%d,"phaseNumber":1,"pillar":"LISTEN","title":"t","accountableDepartment":"%s"}"""
                .formatted(program, billing)), 403);
        assertEquals(before, RowCounts.now());
    }

    @Test
    void aRevisionAndARaciChangeNeedTheCurrentETag() {
        long id = plan.initiative(program, 1, "LISTEN", billing);
        String path = "/api/initiatives/" + id;
        String body = "{\"phaseNumber\":3,\"pillar\":\"MEASURE\",\"title\":\"Hear every customer\",\"description\":\"all channels\"}";
        var before = RowCounts.now();
        problem(write(admin, "PUT", path, body, null), 428);
        problem(write(admin, "PUT", path, body, "\"1\""), 412);
        assertEquals(List.of("phaseNumber"), problem(write(admin, "PUT", path, body.replace(":3", ":9"), "\"0\""), 400));
        assertEquals(before, RowCounts.now());

        var revised = write(admin, "PUT", path, body, "\"0\"");
        JsonNode initiative = ok(revised, 200);
        assertEquals(List.of("Sustain", "MEASURE", "Hear every customer"), List.of(initiative.get("phaseName").asText(),
                initiative.get("pillar").asText(), initiative.get("title").asText()));

        problem(write(admin, "PUT", path + "/raci/" + support, "{\"role\":\"CONSULTED\"}", "\"0\""), 412);
        assertEquals(List.of("role"), problem(write(admin, "PUT", path + "/raci/" + support, "{\"role\":\"BOSS\"}", etag(revised)), 400));
        var assigned = write(admin, "PUT", path + "/raci/" + support, "{\"role\":\"ACCOUNTABLE\"}", etag(revised));
        JsonNode handedOver = ok(assigned, 200);
        assertEquals(support, handedOver.get("accountableDepartment").asText());
        assertEquals("\"2\"", etag(assigned));
        problem(write(Api.as("lead-support"), "PUT", path + "/raci/" + billing, "{\"role\":\"INFORMED\"}", "\"2\""), 403);
    }
}
