package io.cxtracker.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.client.ApiClient;
import io.cxtracker.client.ApiException;
import io.cxtracker.client.api.DashboardsApi;
import io.cxtracker.client.api.DepartmentsApi;
import io.cxtracker.client.api.InitiativesApi;
import io.cxtracker.client.api.MetricsApi;
import io.cxtracker.client.api.MilestonesApi;
import io.cxtracker.client.api.ProgramsApi;
import io.cxtracker.client.model.DepartmentRequest;
import io.cxtracker.client.model.Direction;
import io.cxtracker.client.model.IngestionResponse;
import io.cxtracker.client.model.InitiativeRequest;
import io.cxtracker.client.model.MetricKind;
import io.cxtracker.client.model.MetricRequest;
import io.cxtracker.client.model.MilestoneRequest;
import io.cxtracker.client.model.MilestoneResponse;
import io.cxtracker.client.model.PageResponseDepartmentResponse;
import io.cxtracker.client.model.Pillar;
import io.cxtracker.client.model.ProgramDashboardResponse;
import io.cxtracker.client.model.ProgramRequest;
import io.cxtracker.client.model.ReadingRequest;
import io.cxtracker.client.model.ReportingFrequency;
import io.cxtracker.client.model.StatisticsRequest;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.Tokens;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client generated from the OpenAPI document (openapi-generator 7.25.0, Java, java.net.http; see it-tests/pom.xml)
 * calls the main endpoints as an outside integrator would: with the identity provider's tokens, the operationIds as
 * method names, the schemas as classes. If the document and the server disagree (a path, a field, a type, a status),
 * this is where it shows.
 */
@ExtendWith(ArquillianExtension.class)
class GeneratedClientIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(System.getProperty("cx.it.base.url"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void theGeneratedClientPlansAMilestoneFeedsReadingsAndReadsTheDashboard() throws ApiException {
        ApiClient admin = client(Tokens.programAdmin());
        String code = Plan.unique("gen");

        // list departments, after registering one
        new DepartmentsApi(admin).createDepartment(new DepartmentRequest().code(code).name("Generated " + code));
        PageResponseDepartmentResponse page = new DepartmentsApi(admin).listDepartments(500, 0, code, null);
        assertEquals(1L, page.getTotal(), page::toString);
        assertEquals(code, page.getItems().getFirst().getCode());

        // create + read a milestone (of a program and initiative made the same way)
        long program = new ProgramsApi(admin).createProgram(new ProgramRequest().name("Generated " + code)
                .startDate(Plan.programStart())).getId();
        long initiative = new InitiativesApi(admin).createInitiative(new InitiativeRequest().programId(program).phaseNumber(1)
                .pillar(Pillar.MEASURE).title("Generated initiative").accountableDepartment(code)).getId();
        LocalDate due = Plan.today().plusDays(30);
        MilestoneResponse created = new MilestonesApi(admin).createMilestone(new MilestoneRequest().initiativeId(initiative)
                .title("Generated milestone").ownerDepartment(code).ownerPerson("Gen Erated").due(due)
                .evidence(List.of("https://example.org/evidence")));
        MilestoneResponse read = new MilestonesApi(admin).getMilestone(created.getId());
        assertEquals("Generated milestone", read.getTitle());
        assertEquals(due, read.getDue());
        assertEquals(List.of("https://example.org/evidence"), read.getEvidence());
        assertEquals(created.getVersion(), read.getVersion());

        // post readings, as the metrics-ingest client
        String metric = Plan.unique("gencsat");
        new MetricsApi(admin).createMetric(new MetricRequest().key(metric).name("Generated CSAT").unit("%")
                .kind(MetricKind.CSAT).direction(Direction.HIGHER_IS_BETTER).ownerDepartment(code)
                .expectedFrequency(ReportingFrequency.DAILY));
        MetricsApi ingest = new MetricsApi(client(Tokens.of(Tokens.INGEST)));
        List<ReadingRequest> readings = List.of(
                reading(Plan.today().minusDays(2), code, "k1", 8),
                reading(Plan.today().minusDays(1), code, "k2", 9));
        IngestionResponse first = ingest.ingestReadings(metric, readings);
        assertEquals(2, first.getAccepted(), first::toString);
        IngestionResponse again = ingest.ingestReadings(metric, readings);
        assertEquals(0, again.getAccepted(), again::toString);
        assertEquals(2, again.getDuplicates(), again::toString);

        // read a dashboard of now (no asOf)
        ProgramDashboardResponse dashboard = new DashboardsApi(admin).getProgramDashboard(program, null);
        assertEquals(program, dashboard.getProgramId());
        assertEquals(1L, dashboard.getProgram().getMilestones(), dashboard::toString);
        assertNotNull(dashboard.getProgram().getRag(), dashboard::toString);

        // a refusal arrives as the documented problem: the ingest client may not plan milestones
        ApiException refused = assertThrows(ApiException.class, () -> new MilestonesApi(client(Tokens.of(Tokens.INGEST)))
                .createMilestone(new MilestoneRequest().initiativeId(initiative).title("Not mine").ownerDepartment(code)
                        .ownerPerson("Nobody").due(due)));
        assertEquals(403, refused.getCode());
        assertTrue(refused.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                refused::toString);
        // and without a token, 401
        ApiException anonymous = assertThrows(ApiException.class, () -> new DepartmentsApi(client("not-a-token"))
                .listDepartments(null, null, null, null));
        assertEquals(401, anonymous.getCode());
    }

    private static ReadingRequest reading(LocalDate day, String department, String key, long satisfied) {
        return new ReadingRequest().day(day).departmentCode(department).idempotencyKey(key)
                .statistics(new StatisticsRequest().satisfied(satisfied).responses(10L));
    }
}
