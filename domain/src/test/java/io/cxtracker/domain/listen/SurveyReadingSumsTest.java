package io.cxtracker.domain.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.shared.DepartmentCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyReadingSumsTest {
    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    private final Department support = new Department(new DepartmentCode("support"), "Support", null);
    private final Metric nps = new Metric(new MetricKey("nps"), "NPS", "points", MetricKind.NPS,
            Direction.HIGHER_IS_BETTER, support, ReportingFrequency.DAILY);

    private Reading reading(String key, long promoters, long passives, long detractors) {
        return new Reading(nps, DAY, support, "chat", new NpsStatistics(promoters, passives, detractors), "tool", key, AT);
    }

    @Test
    void readingsOfTheSameKeyFromSeveralBatchesBecomeOneWithTheirStatisticsAdded() {
        SurveyReadingSums sums = new SurveyReadingSums();
        sums.add(List.of(reading("survey:2026-03-01:support:chat", 2, 0, 1), reading("survey:2026-03-01:-:-", 1, 1, 1)));
        sums.add(List.of(reading("survey:2026-03-01:support:chat", 3, 4, 5)));

        assertEquals(2, sums.size());
        List<Reading> written = sums.drain();
        assertEquals(List.of("survey:2026-03-01:support:chat", "survey:2026-03-01:-:-"),
                written.stream().map(Reading::idempotencyKey).toList());
        // 2 + 3 promoters, 0 + 4 passives, 1 + 5 detractors
        assertEquals(new NpsStatistics(5, 4, 6), written.get(0).statistics());
        assertEquals(new NpsStatistics(1, 1, 1), written.get(1).statistics());
        assertEquals(AT, written.get(0).receivedAt());
        assertEquals(0, sums.size(), "drained");
    }
}
