package io.cxtracker.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cxtracker.domain.feedback.Insight.DepartmentVolume;
import io.cxtracker.domain.feedback.Insight.InsightPeriod;
import io.cxtracker.domain.feedback.InsightFacts.PeriodFacts;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InsightTest {

    @Test
    void meansAndSharesComeFromSumsAndEveryPeriodOfTheRangeIsShown() {
        TreeMap<LocalDate, PeriodFacts> periods = new TreeMap<>();
        periods.put(LocalDate.of(2026, 1, 1), new PeriodFacts(4, -2.0));
        periods.put(LocalDate.of(2026, 3, 1), new PeriodFacts(6, -4.2));
        InsightFacts facts = new InsightFacts("long-hold-times", 10, -6.2, 7, Instant.parse("2026-01-03T10:00:00Z"),
                Instant.parse("2026-03-20T10:00:00Z"), periods, Map.of("support", 7L, "billing", 2L), 1);

        Insight insight = Insight.of(facts, new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                Granularity.MONTH);

        assertEquals(-0.62, insight.meanSentiment(), 1e-12);
        assertEquals(0.7, insight.negativeShare(), 1e-12);
        assertEquals(List.of(
                new InsightPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), 4, -0.5),
                new InsightPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1), 0, null),
                new InsightPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), 6, -0.7)), insight.periods().stream()
                .map(p -> new InsightPeriod(p.start(), p.end(), p.volume(),
                        p.meanSentiment() == null ? null : Math.round(p.meanSentiment() * 1e9) / 1e9)).toList());
        assertEquals(List.of(new DepartmentVolume("support", 7), new DepartmentVolume("billing", 2)), insight.departments());
        assertEquals(1, insight.openCommitments());
    }

    @Test
    void anInsightWithoutItemsHasNoMeans() {
        InsightFacts facts = new InsightFacts("quiet", 0, 0, 0, null, null, new TreeMap<>(), Map.of(), 0);
        Insight insight = Insight.of(facts, new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                Granularity.WEEK);
        assertNull(insight.meanSentiment());
        assertNull(insight.negativeShare());
        assertEquals(InsightTrend.Direction.STEADY, insight.trend());
        // ISO weeks touching January 2026: from Monday 2025-12-29 to the week of Monday 2026-01-26
        assertEquals(5, insight.periods().size());
        assertEquals(LocalDate.of(2025, 12, 29), insight.periods().get(0).start());
    }
}
