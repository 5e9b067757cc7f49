package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.CesScale;
import io.cxtracker.domain.metric.CesScaleSetting;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw survey answers into readings: one set of sufficient statistics per question, day,
 * department and channel. Because the statistics merge exactly, a day's reading built from 1,000
 * answers rolls up to the program exactly as the 1,000 answers would.
 */
public final class SurveyReadingConversion implements CesScaleSetting {
    private final ZoneId zone;
    private final CesScale cesScale;

    /**
     * @param zone     the company's time zone: it decides which day an answer belongs to
     * @param cesScale the scale CES answers are given on
     */
    public SurveyReadingConversion(ZoneId zone, CesScale cesScale) {
        this.zone = zone;
        this.cesScale = cesScale;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public CesScale cesScale() {
        return cesScale;
    }

    /** Where a reading belongs: question, day, department (may be null) and channel (may be null). */
    public record ReadingKey(SurveyKind kind, LocalDate day, DepartmentCode department, String channel) {
    }

    /** A reading made from {@code responses} answers. */
    public record SurveyReading(ReadingKey key, MetricStatistics statistics, long responses) {
    }

    /** The statistics of one answer. */
    public MetricStatistics statisticsOf(SurveyResponse response) {
        response.requireScoreOnScale(cesScale);
        return switch (response.kind()) {
            case NPS -> NpsStatistics.ofScore(response.score());
            case CSAT -> CsatStatistics.ofScore(response.score());
            case CES -> new MeanScoreStatistics(response.score(), 1);
        };
    }

    public ReadingKey keyOf(SurveyResponse response) {
        return new ReadingKey(response.kind(), response.answeredAt().atZone(zone).toLocalDate(),
                response.department(), response.channel());
    }

    /** Groups answers into readings, in a stable order (question, day, department, channel). */
    public List<SurveyReading> toReadings(Collection<SurveyResponse> responses) {
        Map<ReadingKey, MetricStatistics> byKey = new LinkedHashMap<>();
        Map<ReadingKey, Long> counts = new LinkedHashMap<>();
        for (SurveyResponse response : responses) {
            ReadingKey key = keyOf(response);
            MetricStatistics one = statisticsOf(response);
            byKey.merge(key, one, MetricStatistics::merge);
            counts.merge(key, 1L, Long::sum);
        }
        return byKey.entrySet().stream()
                .map(e -> new SurveyReading(e.getKey(), e.getValue(), counts.get(e.getKey())))
                .sorted(Comparator.comparing((SurveyReading r) -> r.key().kind())
                        .thenComparing(r -> r.key().day())
                        .thenComparing(r -> r.key().department() == null ? "" : r.key().department().value())
                        .thenComparing(r -> r.key().channel() == null ? "" : r.key().channel()))
                .toList();
    }
}
