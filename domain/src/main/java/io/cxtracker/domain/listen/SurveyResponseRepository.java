package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.Reading;
import java.util.List;

/**
 * The raw survey answers, and the running readings they add up to. Persistence implements it.
 */
public interface SurveyResponseRepository {

    /**
     * Stores each answer unless one with the same source and idempotency key is stored already — also when
     * a concurrent transaction stores that key at the same moment: it is then stored exactly once.
     *
     * @return for each answer, in order, whether this call stored it (false: a duplicate)
     */
    List<Boolean> addAllIfAbsent(List<RecordedSurveyResponse> responses);

    /**
     * Adds each reading's statistics to the stored reading with the same metric, source and idempotency key
     * (the day, department and channel the answers belong to), or stores it when there is none yet. Counts
     * are added exactly, so the stored reading always holds the statistics of all answers accepted for it.
     */
    void addToReadings(List<Reading> readings);

    /** How many answers are stored for the metric (for checks and tests). */
    long countByMetric(long metricId);
}
