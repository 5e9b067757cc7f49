package io.cxtracker.persistence.metric;

import io.cxtracker.persistence.shared.SqlInstant;
import java.time.Instant;

/**
 * The readings as they had been received at an instant, as a derived table with the reading's columns the
 * sums need ({@link StatisticsSql#SUMS}): a reading counts from its {@code received_at}; when a re-sent
 * survey batch merged into it later, the state it had then is the earliest {@code reading_revision}
 * superseded after the instant (V15). Readings never merged after the instant come from {@code reading}
 * itself, so the common case costs one anti-join against the (small) revision table.
 */
public final class ReadingsKnownAt {
    private static final String COLUMNS = "metric_id, kind, day, department_id, channel, promoters, passives, detractors,"
            + " satisfied, responses, score_sum, score_count, numerator, denominator, gauge_value, gauge_weight, gauge_at";

    private ReadingsKnownAt() {
    }

    /**
     * The derived table as known at the instant, which is written into the statement ({@link SqlInstant#literal}), never bound.
     */
    public static String sql(Instant knownAt) {
        String at = SqlInstant.literal(knownAt);
        return "(SELECT " + COLUMNS + " FROM reading x WHERE x.received_at <= " + at
                + " AND NOT EXISTS (SELECT 1 FROM reading_revision v WHERE v.reading_id = x.id AND v.superseded_at > " + at
                + ") UNION ALL SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (v.reading_id) v.* FROM reading_revision v"
                + " WHERE v.superseded_at > " + at + " AND v.received_at <= " + at
                + " ORDER BY v.reading_id, v.superseded_at) first_after)";
    }
}
