package io.cxtracker.it.api;

import static io.cxtracker.it.api.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.milestone.EvidenceLink;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every endpoint shares: RFC 9457 problems for the HTTP-level refusals (404, 405, 413, 415), the body
 * limit, and the OpenAPI document describing every endpoint and schema of ARCHITECTURE §5 that exists — valid for an
 * outside linter (Spectral's core ruleset), with an operationId and the bearer security on every operation, every
 * refusal a problem, and the limits of the code stated in its schemas.
 */
@ExtendWith(ArquillianExtension.class)
class ApiContractIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

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

    @Test
    void spectralsCoreRulesetFindsNoErrorInTheLiveDocument() throws Exception {
        Path folder = Path.of(System.getProperty("cx.it.openapi.dir", "target/openapi"));
        Files.createDirectories(folder);
        Path document = folder.resolve("openapi.json");
        Files.writeString(document, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(liveDocument()));
        Path ruleset = folder.resolve(".spectral.yaml");
        Files.writeString(ruleset, "extends: [\"spectral:oas\"]\n");
        Path findings = folder.resolve("spectral.json");
        Files.deleteIfExists(findings);

        Path script = Path.of(System.getProperty("cx.it.root", "..")).resolve("scripts/spectral.sh");
        Process spectral = new ProcessBuilder("bash", script.toString(), document.toString(), ruleset.toString(), findings.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("spectral.log").toFile())
                .start();
        assertTrue(spectral.waitFor(20, TimeUnit.MINUTES), "Spectral did not finish in 20 minutes");
        int exit = spectral.exitValue();
        assertTrue(exit == 0 || exit == 1, () -> "Spectral could not run (exit " + exit + "): " + read(folder.resolve("spectral.log")));

        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        List<String> errorLines = new ArrayList<>();
        for (JsonNode finding : MAPPER.readTree(findings.toFile())) {
            String code = finding.path("code").asText();
            if (finding.path("severity").asInt() == 0) {
                errors.merge(code, 1, Integer::sum);
                errorLines.add(code + " at " + finding.path("path") + ": " + finding.path("message").asText());
            } else if (finding.path("severity").asInt() == 1) {
                warnings.merge(code, 1, Integer::sum);
            }
        }
        int errorCount = errors.values().stream().mapToInt(Integer::intValue).sum();
        int warningCount = warnings.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[openapi] Spectral spectral:oas on the live document: %d errors %s, %d warnings %s%n",
                errorCount, errors, warningCount, warnings);
        assertEquals(List.of(), errorLines.subList(0, Math.min(errorLines.size(), 30)));
        assertEquals(0, exit, "Spectral failed although it listed no error");
    }

    @Test
    void everyOperationHasItsOwnOperationIdAndTheApiNeedsABearerToken() {
        JsonNode document = liveDocument();
        assertEquals("3.1", document.path("openapi").asText().substring(0, 3), "OpenAPI version");
        JsonNode schemes = document.at("/components/securitySchemes");
        assertEquals("http", schemes.at("/bearer/type").asText());
        assertEquals("bearer", schemes.at("/bearer/scheme").asText());
        assertEquals("JWT", schemes.at("/bearer/bearerFormat").asText());
        assertEquals("openIdConnect", schemes.at("/oidc/type").asText());
        String discovery = schemes.at("/oidc/openIdConnectUrl").asText();
        assertTrue(discovery.endsWith("/realms/cxtracker/.well-known/openid-configuration"), discovery);
        // the URL the server itself trusts: the tests' Keycloak, so a client can really find the token endpoint there
        var discovered = HttpJson.forBaseUrl().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(discovery)));
        assertEquals(200, discovered.status(), discovered::toString);
        assertTrue(discovered.json().path("token_endpoint").asText().startsWith("http"), discovered::toString);

        List<String> withoutId = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            String id = operation.getValue().path("operationId").asText("");
            if (id.isEmpty()) {
                withoutId.add(name);
            } else if (!ids.add(id)) {
                duplicates.add(id);
            }
            Set<String> schemesUsed = new HashSet<>();
            operation.getValue().path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(schemesUsed::add));
            if (path.getKey().startsWith("/api/") && !schemesUsed.equals(Set.of("bearer", "oidc"))) {
                unsecured.add(name + " " + schemesUsed);
            }
        }));
        assertEquals(List.of(), withoutId, "operations without operationId");
        assertEquals(List.of(), duplicates, "operationIds used twice");
        assertEquals(List.of(), unsecured, "API operations without the bearer security");
        assertTrue(ids.size() >= 70, "only " + ids.size() + " operations");
        // names a generated client's methods carry: stable, named after the intent
        JsonNode paths = document.get("paths");
        assertEquals("listDepartments", paths.at("/~1api~1departments/get/operationId").asText());
        assertEquals("createMilestone", paths.at("/~1api~1milestones/post/operationId").asText());
        assertEquals("ingestReadings", paths.at("/~1api~1metrics~1{key}~1readings/post/operationId").asText());
        assertEquals("getProgramDashboard", paths.at("/~1api~1dashboards~1program~1{id}/get/operationId").asText());
    }

    @Test
    void everyRefusalTheApiCanGiveIsDocumentedAsAProblem() {
        JsonNode document = liveDocument();
        JsonNode problem = document.at("/components/schemas/Problem");
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "errors"), fieldNames(problem.path("properties")));
        List<String> missing = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (!METHODS.contains(entry.getKey()) || !path.getKey().startsWith("/api/")) {
                return;
            }
            JsonNode operation = entry.getValue();
            String name = entry.getKey().toUpperCase() + " " + path.getKey();
            List<String> expected = new ArrayList<>(List.of("401", "403", "500", "503"));
            if (path.getKey().contains("{")) {
                expected.add("404");
            }
            if (operation.has("requestBody")) {
                expected.addAll(List.of("400", "413", "415"));
            }
            if (!entry.getKey().equals("get")) {
                expected.add("409");
            }
            boolean ifMatch = false;
            for (JsonNode parameter : operation.path("parameters")) {
                ifMatch |= "header".equals(parameter.path("in").asText()) && "If-Match".equalsIgnoreCase(parameter.path("name").asText());
            }
            if (ifMatch) {
                expected.addAll(List.of("412", "428"));
            }
            JsonNode responses = operation.path("responses");
            for (String status : expected) {
                if (!responses.has(status)) {
                    missing.add(name + " " + status);
                }
            }
            responses.properties().forEach(response -> {
                String schema = response.getValue().at("/content/application~1problem+json/schema/$ref").asText();
                if (response.getKey().matches("[45]\\d\\d") && (response.getValue().path("content").size() != 1
                        || !isProblem(document, schema))) {
                    missing.add(name + " " + response.getKey() + " is not a problem: " + response.getValue());
                }
                response.getValue().path("headers").properties().forEach(header -> {
                    if (!header.getValue().has("schema")) {
                        missing.add(name + " " + response.getKey() + " header " + header.getKey() + " has no schema");
                    }
                });
            });
        }));
        assertEquals(List.of(), missing);
    }

    @Test
    void theLimitsInTheDocumentAreTheOnesTheCodeEnforces() {
        JsonNode document = liveDocument();
        JsonNode schemas = document.at("/components/schemas");
        JsonNode milestone = schemas.path("MilestoneRequest").path("properties");
        assertEquals(Milestone.TITLE_MAX_LENGTH, milestone.at("/title/maxLength").asInt(), milestone::toString);
        assertEquals(Milestone.DESCRIPTION_MAX_LENGTH, milestone.at("/description/maxLength").asInt(), milestone::toString);
        assertEquals(EvidenceLink.MAX_LINKS, milestone.at("/evidence/maxItems").asInt(), milestone::toString);
        assertEquals(EvidenceLink.MAX_LENGTH, milestone.at("/evidence/items/maxLength").asInt(), milestone::toString);
        assertEquals("date", milestone.at("/due/format").asText(), milestone::toString);

        JsonNode readings = document.at("/paths/~1api~1metrics~1{key}~1readings/post/requestBody/content/application~1json/schema");
        assertEquals(ReadingIngestionService.MAX_BATCH, readings.path("maxItems").asInt(), readings::toString);

        JsonNode list = document.at("/paths/~1api~1milestones/get");
        JsonNode limit = null;
        for (JsonNode parameter : list.path("parameters")) {
            if ("limit".equals(parameter.path("name").asText())) {
                limit = parameter.path("schema");
            }
        }
        assertTrue(limit != null, list::toString);
        assertEquals(1, limit.path("minimum").asInt(), limit::toString);
        assertEquals(PageRequest.MAX_LIMIT, limit.path("maximum").asInt(), limit::toString);
    }

    /**
     * The generated client (GeneratedClientIT) is built from a copy of the document kept in the sources
     * (src/test/openapi/cxtracker-openapi.json): every operation the copy names must still be served under the same
     * method and path, or the client calls what is no longer there. Refresh the copy from target/openapi/openapi.json.
     */
    @Test
    void theCopyTheClientIsGeneratedFromNamesOnlyOperationsTheServerServes() throws IOException {
        JsonNode copy = MAPPER.readTree(Path.of(System.getProperty("cx.it.openapi.copy",
                "src/test/openapi/cxtracker-openapi.json")).toFile());
        Map<String, String> live = operations(liveDocument());
        Map<String, String> copied = operations(copy);
        List<String> gone = new ArrayList<>();
        copied.forEach((id, where) -> {
            if (!where.equals(live.get(id))) {
                gone.add(id + " " + where + " is now " + live.get(id));
            }
        });
        assertEquals(List.of(), gone);
    }

    private static Map<String, String> operations(JsonNode document) {
        Map<String, String> operations = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                operations.put(operation.getValue().path("operationId").asText(), operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static JsonNode liveDocument() {
        var reply = HttpJson.forBaseUrl().get("/openapi?format=JSON");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** The shared Problem, or a problem that carries more (the import's report): RFC 9457's members at least. */
    private static boolean isProblem(JsonNode document, String ref) {
        if (!ref.startsWith("#/components/schemas/")) {
            return false;
        }
        JsonNode schema = document.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
        return fieldNames(schema.path("properties")).containsAll(Set.of("type", "title", "status", "detail", "instance"));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
