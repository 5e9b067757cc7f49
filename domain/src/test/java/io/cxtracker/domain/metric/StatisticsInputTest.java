package io.cxtracker.domain.metric;

import static io.cxtracker.domain.testing.Violated.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatisticsInputTest {
    private static final Instant START_OF_DAY = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void eachKindTakesItsOwnFields() {
        assertEquals(new NpsStatistics(55, 25, 20), StatisticsInput.nps(55, 25, 20).toStatistics(MetricKind.NPS, START_OF_DAY));
        assertEquals(new CsatStatistics(41, 50), StatisticsInput.csat(41, 50).toStatistics(MetricKind.CSAT, START_OF_DAY));
        assertEquals(new MeanScoreStatistics(880, 100), StatisticsInput.meanScore(880, 100).toStatistics(MetricKind.MEAN_SCORE, START_OF_DAY));
        assertEquals(new RatioStatistics(73, 90), StatisticsInput.ratio(73, 90).toStatistics(MetricKind.RATIO, START_OF_DAY));
    }

    @Test
    void aGaugeWithoutWeightOrTimeWeighsOneAndIsTakenAtTheStartOfItsDay() {
        assertEquals(GaugeStatistics.of(412.5, 1, START_OF_DAY),
                StatisticsInput.gauge(412.5, null, null).toStatistics(MetricKind.GAUGE, START_OF_DAY));
        Instant at = Instant.parse("2026-03-01T15:00:00Z");
        assertEquals(GaugeStatistics.of(300, 30, at), StatisticsInput.gauge(300, 30L, at).toStatistics(MetricKind.GAUGE, START_OF_DAY));
        fields(() -> StatisticsInput.gauge(300, 0L, at).toStatistics(MetricKind.GAUGE, START_OF_DAY), "statistics.weight");
    }

    @Test
    void fieldsOfAnotherKindAreRefusedByName() {
        fields(() -> StatisticsInput.nps(1, 2, 3).toStatistics(MetricKind.CSAT, START_OF_DAY),
                "statistics.promoters", "statistics.passives", "statistics.detractors",
                "statistics.satisfied", "statistics.responses");
    }

    @Test
    void countsMustBeConsistent() {
        fields(() -> StatisticsInput.csat(51, 50).toStatistics(MetricKind.CSAT, START_OF_DAY), "statistics.satisfied");
        fields(() -> StatisticsInput.csat(0, 0).toStatistics(MetricKind.CSAT, START_OF_DAY), "statistics.responses");
        fields(() -> StatisticsInput.ratio(91, 90).toStatistics(MetricKind.RATIO, START_OF_DAY), "statistics.numerator");
        fields(() -> StatisticsInput.nps(-1, 0, 0).toStatistics(MetricKind.NPS, START_OF_DAY), "statistics.promoters");
        fields(() -> StatisticsInput.nps(0, 0, 0).toStatistics(MetricKind.NPS, START_OF_DAY), "statistics.promoters");
        fields(() -> StatisticsInput.meanScore(Double.NaN, 0).toStatistics(MetricKind.MEAN_SCORE, START_OF_DAY),
                "statistics.sum", "statistics.count");
    }
}
