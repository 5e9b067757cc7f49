package io.cxtracker.domain.targets;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.testing.InMemory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Today is 1 April 2026. In March support's CSAT was 75 % every day (75 of 100), billing's 79 %. Support's
 * target goes from 70 to 80 by 30 June with an amber tolerance of 2: the flat trend forecasts 75, 5 short, red.
 * Billing's is 1 short: amber. The company-wide target, 70 to 76, sees both departments: 154 of 200 = 77 %, met.
 */
class TargetServiceTest {
    private static final Clock APRIL_1 = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private InMemory store;
    private Target supportTarget;
    private Target billingTarget;
    private Target companyTarget;

    @BeforeEach
    void targets() {
        store = new InMemory();
        Department support = store.department("support");
        Department billing = store.department("billing");
        Metric csat = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        store.metrics.add(csat);
        supportTarget = add(new Target(csat, support, 70.0, 80.0, JUNE_30, 2.0, 30));
        billingTarget = add(new Target(csat, billing, 70.0, 80.0, LocalDate.of(2026, 5, 31), 2.0, 30));
        companyTarget = add(new Target(csat, null, 70.0, 76.0, LocalDate.of(2026, 12, 31), 0.0, 30));
        List<Reading> readings = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 3, 1); !day.isAfter(LocalDate.of(2026, 3, 31)); day = day.plusDays(1)) {
            readings.add(new Reading(csat, day, support, null, new CsatStatistics(75, 100), "survey", "s" + day, APRIL_1.instant()));
            readings.add(new Reading(csat, day, billing, null, new CsatStatistics(79, 100), "survey", "b" + day, APRIL_1.instant()));
        }
        store.readings.addAllIfAbsent(readings);
    }

    private Target add(Target target) {
        store.targets.add(target);
        return target;
    }

    private TargetService service() {
        return new TargetService(store.targets, store.series, APRIL_1, io.cxtracker.domain.security.TestUsers.executive());
    }

    @Test
    void aTargetIsJudgedTodayOverItsTrailingWindow() {
        TargetStatus status = service().status(supportTarget.id());
        assertEquals(LocalDate.of(2026, 4, 1), status.asOf());
        assertEquals(Rag.RED, status.evaluation().rag());
        assertEquals(75.0, status.evaluation().current().getAsDouble(), 1e-9);
        assertEquals(75.0, status.evaluation().forecast().getAsDouble(), 1e-9);
        assertEquals(0.5, status.evaluation().progress().getAsDouble(), 1e-9);
        assertFalse(status.evaluation().met());
        assertThrows(NotFoundException.class, () -> service().status(999_999));
    }

    @Test
    void aMetricsTargetsAreThoseOfExactlyTheAskedScope() {
        List<TargetStatus> company = service().ofMetric("csat", null);
        assertEquals(List.of(companyTarget.id()), company.stream().map(t -> t.target().id()).toList());
        assertEquals(Rag.GREEN, company.get(0).evaluation().rag());
        assertEquals(77.0, company.get(0).evaluation().current().getAsDouble(), 1e-9);

        List<TargetStatus> billing = service().ofMetric("csat", "billing");
        assertEquals(List.of(billingTarget.id()), billing.stream().map(t -> t.target().id()).toList());
        assertEquals(Rag.AMBER, billing.get(0).evaluation().rag());

        assertEquals(List.of(), service().ofMetric("nps", null));
        assertEquals(List.of(), service().ofMetric("Not a key!", null));
    }

    @Test
    void aDepartmentsTargetsComeWithTheirVerdicts() {
        List<TargetStatus> support = service().ofDepartment("support");
        assertEquals(List.of(supportTarget.id()), support.stream().map(t -> t.target().id()).toList());
        assertEquals(Rag.RED, support.get(0).evaluation().rag());
        assertEquals(List.of(), service().ofDepartment("legal"));
    }

    @Test
    void targetsArePagedSortedAndFiltered() {
        Page<TargetSummary> byDue = service().list("csat", null, new PageRequest(0, 2, null, true));
        assertEquals(3, byDue.total());
        assertEquals(List.of(billingTarget.id(), supportTarget.id()), byDue.items().stream().map(TargetSummary::id).toList());

        Page<TargetSummary> latestFirst = service().list(null, null, new PageRequest(0, 1, "due", false));
        assertEquals(List.of(companyTarget.id()), latestFirst.items().stream().map(TargetSummary::id).toList());

        assertEquals(List.of(billingTarget.id()),
                service().list(null, "billing", PageRequest.first(10)).items().stream().map(TargetSummary::id).toList());
        fields(() -> service().list("Bad Key", "Bad Code", new PageRequest(0, 1, "baseline", true)), "metric", "department", "sort");
    }
}
