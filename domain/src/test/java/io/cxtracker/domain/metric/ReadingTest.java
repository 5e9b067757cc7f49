package io.cxtracker.domain.metric;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private final Department support = new Department(new DepartmentCode("support"), "Support", null);

    private Metric metric(MetricKind kind) {
        return new Metric(new MetricKey(kind.name().toLowerCase().replace('_', '-')), kind.name(), "points", kind,
                Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY);
    }

    @Test
    void aReadingKeepsTheStatisticsOfEveryKindExactly() {
        Instant at = Instant.parse("2026-03-01T18:00:00Z");
        for (MetricStatistics statistics : List.of(new NpsStatistics(55, 25, 20), new CsatStatistics(41, 50),
                new MeanScoreStatistics(880, 100), new RatioStatistics(73, 90), GaugeStatistics.of(412.5, 30, at))) {
            Reading reading = new Reading(metric(statistics.kind()), DAY, support, "chat", statistics, " bi-job ", " k-1 ", RECEIVED);
            assertEquals(statistics, reading.statistics());
            assertEquals(statistics.kind(), reading.kind());
            assertEquals("bi-job", reading.source());
            assertEquals("k-1", reading.idempotencyKey());
        }
    }

    @Test
    void aReadingCarriesItsMetricsKindOfStatisticsWithSomethingMeasured() {
        Metric nps = metric(MetricKind.NPS);
        fields(() -> new Reading(nps, DAY, null, null, new CsatStatistics(3, 4), "src", "k", RECEIVED), "statistics");
        fields(() -> new Reading(nps, DAY, null, null, NpsStatistics.empty(), "src", "k", RECEIVED), "statistics");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        fields(() -> new Reading(metric(MetricKind.NPS), LocalDate.of(2026, 3, 4), null, "Call Centre", null, " ", null, RECEIVED),
                "day", "channel", "source", "idempotencyKey", "statistics");
    }

    @Test
    void aReadingMayBeForTomorrowInSomeTimeZoneButNoLater() {
        Metric nps = metric(MetricKind.NPS);
        new Reading(nps, LocalDate.of(2026, 3, 3), null, null, new NpsStatistics(1, 0, 0), "src", "k", RECEIVED);
        fields(() -> new Reading(nps, LocalDate.of(2026, 3, 4), null, null, new NpsStatistics(1, 0, 0), "src", "k", RECEIVED), "day");
    }

    @Test
    void aReadingWithoutDepartmentOrChannelCoversThemAll() {
        Reading reading = new Reading(metric(MetricKind.CSAT), DAY, null, " ", new CsatStatistics(1, 1), "src", "k", RECEIVED);
        assertNull(reading.department());
        assertNull(reading.channel());
    }
}
