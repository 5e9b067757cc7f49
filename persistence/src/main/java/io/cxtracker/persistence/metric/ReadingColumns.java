package io.cxtracker.persistence.metric;

import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.persistence.shared.CopyText;
import java.time.Instant;
import java.util.List;

/**
 * Readings as one array per column of the reading table, for statements that {@code unnest} them back into rows
 * (one short statement per batch instead of thousands of bound parameters). The statistics of other kinds stay
 * NULL, as the table's CHECK wants. The one place that knows which statistic goes to which column.
 */
public record ReadingColumns(Long[] metrics, String[] kinds, String[] days, Long[] departments, String[] channels,
        Long[] promoters, Long[] passives, Long[] detractors, Long[] satisfied, Long[] responses, Double[] scoreSums,
        Long[] scoreCounts, Long[] numerators, Long[] denominators, Double[] gaugeValues, Long[] gaugeWeights,
        String[] gaugeAt, String[] sources, String[] keys, String[] receivedAt) {

    /** The columns of these readings, in their order. */
    public static ReadingColumns of(List<Reading> rows) {
        int n = rows.size();
        ReadingColumns c = new ReadingColumns(new Long[n], new String[n], new String[n], new Long[n], new String[n],
                new Long[n], new Long[n], new Long[n], new Long[n], new Long[n], new Double[n], new Long[n], new Long[n],
                new Long[n], new Double[n], new Long[n], new String[n], new String[n], new String[n], new String[n]);
        for (int i = 0; i < n; i++) {
            Reading r = rows.get(i);
            c.metrics[i] = r.metric().id();
            c.kinds[i] = r.kind().name();
            c.days[i] = r.day().toString();
            c.departments[i] = r.department() == null ? null : r.department().id();
            c.channels[i] = r.channel();
            switch (r.statistics()) {
                case NpsStatistics s -> {
                    c.promoters[i] = s.promoters();
                    c.passives[i] = s.passives();
                    c.detractors[i] = s.detractors();
                }
                case CsatStatistics s -> {
                    c.satisfied[i] = s.satisfied();
                    c.responses[i] = s.responses();
                }
                case MeanScoreStatistics s -> {
                    c.scoreSums[i] = s.sum();
                    c.scoreCounts[i] = s.count();
                }
                case RatioStatistics s -> {
                    c.numerators[i] = s.numerator();
                    c.denominators[i] = s.denominator();
                }
                case GaugeStatistics s -> {
                    c.gaugeValues[i] = s.lastValue();
                    c.gaugeWeights[i] = s.weight();
                    c.gaugeAt[i] = s.lastAt() == null ? null : s.lastAt().toString();
                }
            }
            c.sources[i] = r.source();
            c.keys[i] = r.idempotencyKey();
            c.receivedAt[i] = r.receivedAt().toString();
        }
        return c;
    }

    /**
     * One reading as a row of {@code COPY reading (…)} in the columns' order above ({@link
     * JpaReadingRepository#COPY_COLUMNS}), the statistics of other kinds NULL.
     */
    static void copyRow(Reading r, CopyText row) {
        row.number(r.metric().id()).plain(r.kind().name()).temporal(r.day())
                .number(r.department() == null ? null : r.department().id()).text(r.channel());
        Long promoters = null;
        Long passives = null;
        Long detractors = null;
        Long satisfied = null;
        Long responses = null;
        Double scoreSum = null;
        Long scoreCount = null;
        Long numerator = null;
        Long denominator = null;
        Double gaugeValue = null;
        Long gaugeWeight = null;
        Instant gaugeAt = null;
        switch (r.statistics()) {
            case NpsStatistics s -> {
                promoters = s.promoters();
                passives = s.passives();
                detractors = s.detractors();
            }
            case CsatStatistics s -> {
                satisfied = s.satisfied();
                responses = s.responses();
            }
            case MeanScoreStatistics s -> {
                scoreSum = s.sum();
                scoreCount = s.count();
            }
            case RatioStatistics s -> {
                numerator = s.numerator();
                denominator = s.denominator();
            }
            case GaugeStatistics s -> {
                gaugeValue = s.lastValue();
                gaugeWeight = s.weight();
                gaugeAt = s.lastAt();
            }
        }
        row.number(promoters).number(passives).number(detractors).number(satisfied).number(responses)
                .number(scoreSum).number(scoreCount).number(numerator).number(denominator).number(gaugeValue)
                .number(gaugeWeight).temporal(gaugeAt).text(r.source()).text(r.idempotencyKey()).temporal(r.receivedAt())
                .endRow();
    }

    /** Every column, in the table's order: the parameters ?1 … ?20 of an unnest over all of them. */
    Object[] all() {
        return new Object[] {metrics, kinds, days, departments, channels, promoters, passives, detractors, satisfied,
            responses, scoreSums, scoreCounts, numerators, denominators, gaugeValues, gaugeWeights, gaugeAt, sources, keys,
            receivedAt};
    }
}
