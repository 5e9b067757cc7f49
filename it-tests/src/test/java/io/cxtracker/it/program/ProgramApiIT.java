package io.cxtracker.it.program;

import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.problem;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Programs and their phases over HTTP: set up by the program admin, read by everyone signed in. */
@ExtendWith(ArquillianExtension.class)
class ProgramApiIT {

    private final HttpJson admin = Api.admin();
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void aProgramIsSetUpWithItsDefaultPhasesAndReadBack() {
        var created = admin.post("/api/programs", """
                {"name":"CX Transformation 2026–2028","startDate":"2026-01-01"}""");
        JsonNode program = ok(created, 201);
        long id = program.get("id").asLong();
        assertTrue(created.header("Location").endsWith("/api/programs/" + id), created::toString);
        assertEquals("\"0\"", etag(created));
        assertEquals(List.of("Transform", "Optimize", "Sustain"), names(program.get("phases")));
        assertEquals("2028-12-31", program.get("end").asText());

        var read = Api.as("exec").get("/api/programs/" + id);
        assertEquals("CX Transformation 2026–2028", ok(read, 200).get("name").asText());
        assertEquals("\"0\"", etag(read));

        JsonNode phases = ok(admin.get("/api/programs/" + id + "/phases"), 200);
        assertEquals(3, phases.size());
        JsonNode second = ok(admin.get("/api/programs/" + id + "/phases/2"), 200);
        assertEquals("Optimize", second.get("name").asText());
        assertEquals("2027-01-01", second.get("start").asText());
        problem(admin.get("/api/programs/" + id + "/phases/4"), 404);
        problem(admin.get("/api/programs/999999999"), 404);
        problem(admin.get("/api/programs/not-a-number"), 404);
    }

    @Test
    void configuredPhasesAreCheckedAsAPlanAndEveryBadOneNamed() {
        var custom = admin.post("/api/programs", """
                {"name":"Two phases","startDate":"2026-07-01","phases":[
                  {"name":"Pilot","start":"2026-07-01","end":"2026-12-31"},
                  {"name":"Roll-out","start":"2027-01-01","end":"2028-06-30"}]}""");
        assertEquals(List.of("Pilot", "Roll-out"), names(ok(custom, 201).get("phases")));

        var before = RowCounts.now();
        var bad = admin.post("/api/programs", """
                {"name":"Gaps","startDate":"2026-07-01","phases":[
                  {"name":"Pilot","start":"2026-07-01","end":"2026-12-31"},
                  {"name":"pilot","start":"2027-02-01","end":"2026-01-01"}]}""");
        assertEquals(List.of("phases[1].end", "phases[1].name", "phases[1].start"), problem(bad, 400));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void aBodyWithThreeBadFieldsNamesTheThree() {
        var before = RowCounts.now();
        var bad = admin.post("/api/programs", """
                {"name":"","startDate":"2026-02-30","budget":1000000}""");
        assertEquals(List.of("budget", "name", "startDate"), problem(bad, 400));
        assertEquals(before, RowCounts.now());
    }

    @Test
    void listsArePagedAndSorted() {
        long a = plan.program();
        long b = plan.program();
        JsonNode page = ok(admin.get("/api/programs?sort=-id&limit=1"), 200);
        assertEquals(b, page.get("items").get(0).get("id").asLong());
        assertTrue(page.get("total").asLong() >= 2);
        assertEquals(1, page.get("limit").asInt());
        JsonNode next = ok(admin.get("/api/programs?sort=-id&limit=1&offset=1"), 200);
        assertEquals(a, next.get("items").get(0).get("id").asLong());
        assertEquals(List.of("limit", "offset"), problem(admin.get("/api/programs?limit=501&offset=-1"), 400));
        assertEquals(List.of("sort"), problem(admin.get("/api/programs?sort=budget"), 400));
    }

    @Test
    void aRenameNeedsTheCurrentETag() {
        long id = plan.program();
        String path = "/api/programs/" + id;
        String tag = etag(admin.get(path));
        var before = RowCounts.now();

        problem(write(admin, "PUT", path, "{\"name\":\"No tag\"}", null), 428);
        problem(write(admin, "PUT", path, "{\"name\":\"Star\"}", "*"), 428);
        problem(write(Api.as("lead-support"), "PUT", path, "{\"name\":\"Not mine\"}", tag), 403);
        problem(write(admin, "PUT", path, "{\"name\":\"Weak\"}", "W/" + tag), 412);
        assertEquals(before, RowCounts.now());

        var renamed = write(admin, "PUT", path, "{\"name\":\"Renamed\"}", tag);
        assertEquals("Renamed", ok(renamed, 200).get("name").asText());
        assertNotEquals(tag, etag(renamed));

        var stale = write(admin, "PUT", path, "{\"name\":\"Stale\"}", tag);
        assertEquals(List.of("If-Match"), problem(stale, 412));
        assertEquals(etag(renamed), etag(stale), "a 412 carries the current ETag");
        assertEquals("Renamed", ok(admin.get(path), 200).get("name").asText());
        problem(write(admin, "PUT", "/api/programs/999999999", "{\"name\":\"Nobody\"}", "\"0\""), 404);
    }

    @Test
    void onlyProgramAdminsSetUpPrograms() {
        var before = RowCounts.now();
        for (String caller : List.of("exec", "auditor", "lead-support", "visitor", "cxtracker-ingest")) {
            problem(Api.as(caller).post("/api/programs", "{\"name\":\"Mine\",\"startDate\":\"2026-01-01\"}"), 403);
        }
        problem(HttpJson.forBaseUrl().post("/api/programs", "{\"name\":\"Mine\",\"startDate\":\"2026-01-01\"}"), 401);
        assertEquals(before, RowCounts.now());
    }

    private static List<String> names(JsonNode phases) {
        return java.util.stream.StreamSupport.stream(phases.spliterator(), false).map(p -> p.get("name").asText()).toList();
    }
}
