package io.cxtracker.it.api;

import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every endpoint shares: RFC 9457 problems for the HTTP-level refusals (404, 405, 413, 415), the body
 * limit, and the OpenAPI document describing every endpoint and schema of ARCHITECTURE §5 that exists.
 */
@ExtendWith(ArquillianExtension.class)
class ApiContractIT {

    private final HttpJson admin = Api.admin();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void httpLevelRefusalsAreProblems() {
        problem(admin.get("/api/no-such-resource"), 404);
        problem(Api.raw(admin, "PATCH", "/api/programs", "application/json", "{}".getBytes(StandardCharsets.UTF_8), null), 405);
        problem(Api.raw(admin, "POST", "/api/programs", "text/plain", "name=x".getBytes(StandardCharsets.UTF_8), null), 415);
        problem(Api.raw(admin, "POST", "/api/targets", "application/xml", "<target/>".getBytes(StandardCharsets.UTF_8), null), 415);
    }

    @Test
    void anOrdinaryBodyOverItsLimitIs413AndWritesNothing() {
        var before = RowCounts.now();
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"startDate\":\"2026-01-01\"}";
        assertEquals(List.of("body"), problem(admin.post("/api/programs", big), 413));
        assertEquals(before, RowCounts.now());
        // under the limit, a long name is only too long
        assertEquals(List.of("name"), problem(admin.post("/api/programs",
                "{\"name\":\"" + "x".repeat(900_000) + "\",\"startDate\":\"2026-01-01\"}"), 400));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndSchema() {
        var reply = HttpJson.forBaseUrl().get("/openapi?format=JSON");
        assertEquals(200, reply.status(), reply::toString);
        JsonNode document = reply.json();
        JsonNode paths = document.get("paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/api/programs", List.of("get", "post")),
                Map.entry("/api/programs/{id}", List.of("get", "put")),
                Map.entry("/api/programs/{id}/phases", List.of("get")),
                Map.entry("/api/programs/{id}/phases/{number}", List.of("get")),
                Map.entry("/api/initiatives", List.of("get", "post")),
                Map.entry("/api/initiatives/{id}", List.of("get", "put")),
                Map.entry("/api/initiatives/{id}/raci/{department}", List.of("put")),
                Map.entry("/api/milestones", List.of("get", "post")),
                Map.entry("/api/milestones/{id}", List.of("get", "put")),
                Map.entry("/api/milestones/{id}/check-ins", List.of("get", "post")),
                Map.entry("/api/milestones/{id}/check-ins/{sequence}", List.of("get")),
                Map.entry("/api/milestones/{id}/history", List.of("get")),
                Map.entry("/api/milestones/{id}/targets", List.of("get", "post")),
                Map.entry("/api/milestones/{id}/targets/{targetId}", List.of("delete")),
                Map.entry("/api/milestones/{id}/override", List.of("post", "delete")),
                Map.entry("/api/override-requests", List.of("get")),
                Map.entry("/api/override-requests/{id}", List.of("get")),
                Map.entry("/api/override-requests/{id}/approval", List.of("post")),
                Map.entry("/api/override-requests/{id}/rejection", List.of("post")),
                Map.entry("/api/metrics", List.of("get", "post")),
                Map.entry("/api/metrics/{key}", List.of("get")),
                Map.entry("/api/metrics/{key}/readings", List.of("post")),
                Map.entry("/api/metrics/{key}/series", List.of("get")),
                Map.entry("/api/metrics/{key}/targets", List.of("get")),
                Map.entry("/api/targets", List.of("get", "post")),
                Map.entry("/api/targets/{id}", List.of("get", "put")),
                Map.entry("/api/dashboards/program/{id}", List.of("get")),
                Map.entry("/api/dashboards/departments/{code}", List.of("get")),
                Map.entry("/api/departments", List.of("get", "post")),
                Map.entry("/api/departments/{code}", List.of("get")),
                Map.entry("/api/survey-responses", List.of("post")),
                Map.entry("/api/feedback", List.of("get", "post")),
                Map.entry("/api/insights", List.of("get")),
                Map.entry("/api/insights/{theme}", List.of("get")),
                Map.entry("/api/commitments", List.of("get", "post")),
                Map.entry("/api/commitments/{id}", List.of("get", "put")),
                Map.entry("/api/commitments/{id}/loop", List.of("get")),
                Map.entry("/api/assessments", List.of("get", "post")),
                Map.entry("/api/assessments/{id}", List.of("get")),
                Map.entry("/api/assessments/distribution", List.of("get")),
                Map.entry("/api/assessments/questions", List.of("get")),
                Map.entry("/api/imports/readings", List.of("post")),
                Map.entry("/api/imports/survey-responses", List.of("post")),
                Map.entry("/api/audit", List.of("get")),
                Map.entry("/api/audit/verify", List.of("get")),
                Map.entry("/api/audit/state", List.of("get")),
                Map.entry("/api/reports/accountability", List.of("get")),
                Map.entry("/api/reports/verify", List.of("post")),
                Map.entry("/api/reports/{reportId}", List.of("get")));
        List<String> missing = new ArrayList<>();
        expected.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            if (operation.isMissingNode()) {
                missing.add(method.toUpperCase() + " " + path);
            } else if (!operation.has("summary") || !operation.has("responses")) {
                missing.add(method.toUpperCase() + " " + path + " (no summary or responses)");
            }
        }));
        assertEquals(List.of(), missing);

        JsonNode schemas = document.path("components").path("schemas");
        for (String schema : List.of("ProgramRequest", "ProgramResponse", "PhaseRequest", "InitiativeRequest", "InitiativeResponse",
                "MilestoneRequest", "MilestoneUpdateRequest", "MilestoneResponse", "MilestoneStatusResponse", "CheckInRequest",
                "CheckInResponse", "OverrideRequest", "TargetLinkRequest", "MetricRequest", "MetricResponse", "ReadingRequest",
                "StatisticsRequest", "IngestionResponse", "SeriesResponse", "TargetRequest", "TargetUpdateRequest", "TargetResponse",
                "EvaluationResponse", "ProgramDashboardResponse", "DepartmentDashboardResponse", "RollUpResponse",
                "ApprovalRequestResponse", "DecisionRequest", "PendingRequestResponse")) {
            assertTrue(schemas.has(schema), "no schema " + schema);
        }
        JsonNode ingest = paths.get("/api/metrics/{key}/readings").get("post").get("requestBody");
        assertEquals("array", ingest.at("/content/application~1json/schema/type").asText(), ingest::toString);
    }
}
