package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.security.TestUsers;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.testing.InMemory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several metrics' series read at once are each metric's own series (the department view's sparklines). */
class MetricSeriesServiceTest {
    private static final Clock APRIL_1 = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2026, 1, 7);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    @Test
    void severalMetricsReadAtOnceAreEachMetricsOwnSeriesInTheOrderAsked() {
        InMemory store = new InMemory();
        Department support = store.department("support");
        Department billing = store.department("billing");
        Metric csat = new Metric(new MetricKey("csat"), "CSAT", "%", MetricKind.CSAT, Direction.HIGHER_IS_BETTER, support,
                ReportingFrequency.DAILY);
        Metric fcr = new Metric(new MetricKey("fcr"), "First contact resolution", "%", MetricKind.CSAT,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY);
        Metric quiet = new Metric(new MetricKey("quiet"), "Nobody measures this", "%", MetricKind.CSAT,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY);
        List.of(csat, fcr, quiet).forEach(store.metrics::add);
        for (LocalDate day = LocalDate.of(2026, 1, 1); !day.isAfter(TO); day = day.plusDays(1)) {
            int d = day.getDayOfYear();
            store.readingRows.add(new Reading(csat, day, support, "chat", new CsatStatistics(60 + d % 30, 100), "survey",
                    "c" + day, APRIL_1.instant()));
            store.readingRows.add(new Reading(csat, day, billing, null, new CsatStatistics(50, 100), "survey", "b" + day,
                    APRIL_1.instant()));
            store.readingRows.add(new Reading(fcr, day, support, null, new CsatStatistics(d % 7 * 10, 70), "survey",
                    "f" + day, APRIL_1.instant()));
        }
        MetricSeriesService service = new MetricSeriesService(store.metrics, store.departments, store.series,
                TestUsers.executive(), APRIL_1);

        for (String department : new String[] {"support", null}) {
            Map<String, List<SeriesBucketView>> together = service.seriesOfMetrics(List.of("quiet", "fcr", "csat"), FROM, TO,
                    department, Granularity.WEEK, null);
            assertEquals(List.of("quiet", "fcr", "csat"), List.copyOf(together.keySet()));
            for (String key : together.keySet()) {
                assertEquals(service.series(key, FROM, TO, department, null, Granularity.WEEK, null), together.get(key), key);
            }
            assertEquals(List.of(), together.get("quiet"));
        }
        assertThrows(NotFoundException.class, () -> service.seriesOfMetrics(List.of("csat", "unknown"), FROM, TO, "support",
                Granularity.WEEK, null));
        assertEquals(Map.of(), service.seriesOfMetrics(List.of(), FROM, TO, "support", Granularity.WEEK, null));
    }
}
