package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.Reading;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Survey answers and their running readings in memory, adding statistics as the database does. */
public final class InMemorySurveyResponses implements SurveyResponseRepository {
    public final List<RecordedSurveyResponse> stored = new ArrayList<>();
    /** metric key / source / reading key → the running statistics. */
    public final Map<String, MetricStatistics> readings = new LinkedHashMap<>();
    /** Each call's readings, as the call wrote them: how often and how many rows the readings were written. */
    public final List<List<Reading>> readingWrites = new ArrayList<>();
    private final Set<List<String>> keys = new HashSet<>();

    @Override
    public List<Boolean> addAllIfAbsent(List<RecordedSurveyResponse> responses) {
        List<Boolean> result = new ArrayList<>();
        for (RecordedSurveyResponse r : responses) {
            boolean added = keys.add(List.of(r.source(), r.response().idempotencyKey()));
            if (added) {
                stored.add(r);
            }
            result.add(added);
        }
        return result;
    }

    @Override
    public void addToReadings(List<Reading> deltas) {
        readingWrites.add(List.copyOf(deltas));
        for (Reading r : deltas) {
            readings.merge(r.metric().key().value() + "/" + r.source() + "/" + r.idempotencyKey(), r.statistics(),
                    MetricStatistics::merge);
        }
    }

    @Override
    public long countByMetric(long metricId) {
        return stored.stream().filter(r -> r.metric().id() == metricId).count();
    }
}
