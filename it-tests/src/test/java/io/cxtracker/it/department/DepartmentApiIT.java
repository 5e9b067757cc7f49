package io.cxtracker.it.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The department slice over HTTP: the real WAR in the provisioned WildFly on PostgreSQL, called with a
 * real Keycloak token of the demo program admin (who may register departments).
 */
@ExtendWith(ArquillianExtension.class)
class DepartmentApiIT {

    private final HttpJson api = HttpJson.asProgramAdmin();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void registersAndReadsADepartment() {
        // codes of this class's own: other classes of the run make departments too
        String care = Plan.unique("care");
        var created = api.post("/api/departments", """
                {"code":"%s","name":"Customer Care"}""".formatted(care));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").endsWith("/api/departments/" + care), created.header("Location"));
        assertEquals("Customer Care", created.json().get("name").asText());

        String emea = care + "-emea";
        var child = api.post("/api/departments", """
                {"code":"%s","name":"Care EMEA","parentCode":"%s"}""".formatted(emea, care));
        assertEquals(201, child.status(), child::toString);

        var read = api.get("/api/departments/" + emea);
        assertEquals(200, read.status(), read::toString);
        assertEquals(care, read.json().get("parentCode").asText());
        assertEquals("Care EMEA", read.json().get("name").asText());
    }

    @Test
    void duplicateCodeIsAConflictAndWritesNothing() {
        String billing = Plan.unique("billing");
        assertEquals(201, api.post("/api/departments", """
                {"code":"%s","name":"Billing"}""".formatted(billing)).status());
        long before = Database.count("department");

        var again = api.post("/api/departments", """
                {"code":"%s","name":"Billing again"}""".formatted(billing));

        assertProblem(again, 409);
        assertEquals(before, Database.count("department"));
    }

    @Test
    void everyBadFieldIsNamed() {
        long before = Database.count("department");

        var bad = api.post("/api/departments", """
                {"code":"Not A Slug!","name":"","parentCode":"NOPE"}""");

        assertProblem(bad, 400);
        assertEquals(List.of("code", "name", "parentCode"), fields(bad.json()));
        assertEquals(before, Database.count("department"));
    }

    @Test
    void unknownParentIsNamed() {
        var bad = api.post("/api/departments", """
                {"code":"orphans","name":"Orphans","parentCode":"no-such-dept"}""");
        assertProblem(bad, 400);
        assertEquals(List.of("parentCode"), fields(bad.json()));
    }

    @Test
    void malformedAndMisshapenBodiesAreProblems() {
        assertProblem(api.post("/api/departments", "{\"code\": \"x"), 400);
        var unknown = api.post("/api/departments", """
                {"code":"sales","name":"Sales","budget":12}""");
        assertProblem(unknown, 400);
        assertEquals(List.of("budget"), fields(unknown.json()));
        var wrongType = api.post("/api/departments", """
                {"code":"sales","name":{"first":"Sales"}}""");
        assertProblem(wrongType, 400);
        assertEquals(List.of("name"), fields(wrongType.json()));
        var duplicateKey = api.post("/api/departments", """
                {"code":"sales","code":"sales2","name":"Sales"}""");
        assertProblem(duplicateKey, 400);
        assertProblem(api.post("/api/departments", ""), 400);
        assertProblem(api.post("/api/departments", "null"), 400);
        assertProblem(api.post("/api/departments", "code=sales", "application/x-www-form-urlencoded"), 415);
        assertEquals(0, Database.count("department where code in ('sales', 'sales2')"));
    }

    @Test
    void unknownDepartmentIsNotFound() {
        assertProblem(api.get("/api/departments/nobody-here"), 404);
        assertProblem(api.get("/api/departments/NOT%20A%20SLUG"), 404);
    }

    @Test
    void listIsPagedSortedAndCounted() {
        // a search word no other department of the run contains
        String team = Plan.unique("team");
        for (String code : List.of("zeta-" + team, "alpha-" + team, "mid-" + team)) {
            assertEquals(201, api.post("/api/departments", "{\"code\":\"" + code + "\",\"name\":\"Team " + code + "\"}").status());
        }
        var page = api.get("/api/departments?limit=2&sort=-code&q=" + team);
        assertEquals(200, page.status(), page::toString);
        JsonNode json = page.json();
        assertEquals(3, json.get("total").asLong());
        assertEquals(2, json.get("items").size());
        assertEquals("zeta-" + team, json.get("items").get(0).get("code").asText());
        assertEquals("mid-" + team, json.get("items").get(1).get("code").asText());

        var bad = api.get("/api/departments?limit=0&offset=abc&sort=budget");
        assertProblem(bad, 400);
        assertEquals(List.of("limit", "offset"), fields(bad.json()));
        var badSort = api.get("/api/departments?sort=budget");
        assertProblem(badSort, 400);
        assertEquals(List.of("sort"), fields(badSort.json()));
    }

    static void assertProblem(HttpJson.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
        JsonNode problem = reply.json();
        assertEquals(status, problem.get("status").asInt(), reply::toString);
        assertNotNull(problem.get("type"), reply::toString);
        assertNotNull(problem.get("title"), reply::toString);
        assertNotNull(problem.get("instance"), reply::toString);
    }

    static List<String> fields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.path("errors").forEach(e -> names.add(e.get("field").asText()));
        return names.stream().distinct().sorted().toList();
    }
}
