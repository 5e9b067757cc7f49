package io.cxtracker.domain.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.ReportingFrequency;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricChangeTest {
    private static final Department SUPPORT = new Department(new DepartmentCode("support"), "Support", null);
    private static final DateRange APRIL = new DateRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
    private static final DateRange NOVEMBER = new DateRange(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 23));

    private static Metric metric(String key, MetricKind kind, Direction direction) {
        return new Metric(new MetricKey(key), key.toUpperCase(), "points", kind, direction, SUPPORT, ReportingFrequency.DAILY);
    }

    @Test
    void npsFromMergedCountsBeforeAndAfter() {
        // before: 40 promoters, 30 passives, 30 detractors of 100 → NPS 10; after: 90, 60, 50 of 200 → NPS 20
        MetricChange change = MetricChange.of(metric("nps", MetricKind.NPS, Direction.HIGHER_IS_BETTER), "support", APRIL,
                new NpsStatistics(40, 30, 30), NOVEMBER, new NpsStatistics(90, 60, 50));
        assertEquals(10.0, change.before().value(), 1e-12);
        assertEquals(100, change.before().count());
        assertEquals(20.0, change.after().value(), 1e-12);
        assertEquals(10.0, change.change(), 1e-12);
        assertEquals(true, change.improved());
    }

    @Test
    void lowerIsBetterImprovesWhenItGoesDown() {
        // CES 880 / 200 = 4.4 before, 1050 / 300 = 3.5 after: −0.9, an improvement
        MetricChange change = MetricChange.of(metric("ces", MetricKind.MEAN_SCORE, Direction.LOWER_IS_BETTER), null, APRIL,
                new MeanScoreStatistics(880, 200), NOVEMBER, new MeanScoreStatistics(1050, 300));
        assertEquals(-0.9, change.change(), 1e-12);
        assertEquals(true, change.improved());
    }

    @Test
    void noMoveIsNoImprovementAndMissingDataIsUnknown() {
        Metric csat = metric("csat", MetricKind.CSAT, Direction.HIGHER_IS_BETTER);
        assertEquals(false, MetricChange.of(csat, null, APRIL, new CsatStatistics(3, 4), NOVEMBER, new CsatStatistics(75, 100))
                .improved());
        MetricChange noBefore = MetricChange.of(csat, null, APRIL, CsatStatistics.empty(), NOVEMBER, new CsatStatistics(1, 2));
        assertNull(noBefore.before().value());
        assertNull(noBefore.change());
        assertNull(noBefore.improved());
        MetricChange notYet = MetricChange.of(csat, null, APRIL, new CsatStatistics(1, 2), null, null);
        assertNull(notYet.after());
        assertNull(notYet.improved());
    }
}
