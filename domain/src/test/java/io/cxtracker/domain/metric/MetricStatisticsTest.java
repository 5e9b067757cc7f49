package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MetricStatisticsTest {

    @Test
    void statisticsOfDifferentKindsDoNotMerge() {
        MetricStatistics nps = new NpsStatistics(5, 3, 2);
        MetricStatistics csat = new CsatStatistics(8, 10);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> csat.merge(nps));
        assertEquals("cannot merge NPS statistics into CSAT statistics", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> nps.merge(csat));
        assertThrows(IllegalArgumentException.class,
                () -> new RatioStatistics(1, 2).merge(new MeanScoreStatistics(1, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> GaugeStatistics.of(1, Instant.EPOCH).merge(new RatioStatistics(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> nps.merge(null));
    }

    @ParameterizedTest
    @EnumSource(MetricKind.class)
    void emptyStatisticsOfEveryKindHaveThatKindAndNoValue(MetricKind kind) {
        MetricStatistics empty = MetricStatistics.empty(kind);

        assertEquals(kind, empty.kind());
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.count());
        assertTrue(empty.value().isEmpty());
        assertEquals(empty, empty.merge(empty));
    }
}
