package io.cxtracker.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.security.TestUsers;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.testing.InMemory;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A metric's trend as a chart reads it, today on 1 April 2026. Support's CSAT was 75 % every day of March (75 of 100);
 * its target goes from 70 to 80 by 30 June (amber tolerance 2): a flat 75 forecasts 5 short, red. By month, March is
 * one point of 75 % over 3,100 answers.
 */
class MetricTrendServiceTest {
    private static final Clock APRIL_1 = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    private final FakeFreshness database = new FakeFreshness();
    private final ReadCache cache = new ReadCache(database, APRIL_1, new ReadCacheSettings(8));
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private InMemory store;
    private Metric csat;
    private Department support;

    @BeforeEach
    void march() {
        store = new InMemory();
        support = store.department("support");
        csat = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        store.metrics.add(csat);
        store.targets.add(new Target(csat, support, 70.0, 80.0, LocalDate.of(2026, 6, 30), 2.0, 30));
        List<Reading> readings = new ArrayList<>();
        for (LocalDate day = MARCH_1; day.isBefore(TODAY); day = day.plusDays(1)) {
            readings.add(new Reading(csat, day, support, null, new CsatStatistics(75, 100), "survey", "s" + day, APRIL_1.instant()));
        }
        store.readings.addAllIfAbsent(readings);
    }

    private MetricTrendService service(CurrentUser reader) {
        return new MetricTrendService(new MetricSetupService(store.metrics, store.departments, reader, audit.recorder(reader)),
                new MetricSeriesService(store.metrics, store.departments, store.series, reader, APRIL_1),
                new TargetService(store.targets, store.series, APRIL_1, reader), null, reader, cache);
    }

    @Test
    void theTrendIsTheSeriesTheMetricAndTheTargetsOfTheSameScope() {
        MetricTrend trend = service(TestUsers.executive()).trend("csat", MARCH_1, TODAY, " support ", " ", Granularity.MONTH, null);
        assertEquals("CSAT", trend.metric().name());
        assertEquals("support", trend.department());
        assertNull(trend.channel(), "blank is every channel");
        assertEquals(1, trend.points().size(), "April has no reading yet");
        assertEquals(75.0, trend.points().get(0).value(), 1e-9);
        assertEquals(3_100, trend.points().get(0).count());
        assertEquals(1, trend.targets().size());
        assertEquals(Rag.RED, trend.targets().get(0).evaluation().rag());
        assertEquals(List.of(), service(TestUsers.executive()).trend("csat", MARCH_1, TODAY, null, null, Granularity.MONTH, null)
                .targets(), "the company-wide scope has no target");
    }

    @Test
    void todaysTrendIsKeptUntilAChangeIsCommitted() {
        MetricTrendService exec = service(TestUsers.executive());
        MetricTrend first = exec.trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null);
        assertSame(first, exec.trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null));
        assertNotSame(first, exec.trend("csat", MARCH_1, TODAY, "support", null, Granularity.DAY, null), "another granularity");

        store.readings.addAllIfAbsent(List.of(new Reading(csat, TODAY, support, null, new CsatStatistics(95, 100), "survey",
                "s" + TODAY, APRIL_1.instant())));
        assertSame(first, exec.trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null), "not committed yet");
        database.commitChange();
        MetricTrend after = exec.trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null);
        assertEquals(2, after.points().size());
        assertEquals(95.0, after.points().get(1).value(), 1e-9);
    }

    @Test
    void eachReadIsCheckedAlsoWhenTheTrendIsKeptAndFailuresAreNotKept() {
        MetricTrend kept = service(TestUsers.executive()).trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null);
        assertThrows(AccessDeniedException.class, () -> service(TestUsers.of("visitor", Set.of()))
                .trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null));
        assertThrows(AccessDeniedException.class, () -> service(TestUsers.of("robot", Set.of(Role.METRICS_INGEST)))
                .trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null), "an ingestion client reads no series");
        assertSame(kept, service(TestUsers.of("lead", Set.of(Role.DEPARTMENT_LEAD), "billing"))
                .trend("csat", MARCH_1, TODAY, "support", null, Granularity.MONTH, null), "the same whoever may read");
        int kept0 = cache.size();
        assertThrows(NotFoundException.class, () -> service(TestUsers.executive())
                .trend("nps", MARCH_1, TODAY, "support", null, Granularity.MONTH, null));
        assertEquals(kept0, cache.size());
    }
}
