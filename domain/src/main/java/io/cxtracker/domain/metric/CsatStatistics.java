package io.cxtracker.domain.metric;

import static io.cxtracker.domain.metric.StatisticsChecks.kindMismatch;
import static io.cxtracker.domain.metric.StatisticsChecks.requireNonNegative;

import java.util.OptionalDouble;

/** Answers to a 1–5 satisfaction question. CSAT is the share of satisfied (4–5) answers, in percent. */
public record CsatStatistics(long satisfied, long responses) implements MetricStatistics {
    public static final int LOWEST_SCORE = 1;
    public static final int HIGHEST_SCORE = 5;
    public static final int LOWEST_SATISFIED_SCORE = 4;

    private static final CsatStatistics EMPTY = new CsatStatistics(0, 0);

    public CsatStatistics {
        requireNonNegative("satisfied", satisfied);
        requireNonNegative("responses", responses);
        if (satisfied > responses) {
            throw new IllegalArgumentException(
                    "satisfied (" + satisfied + ") cannot exceed responses (" + responses + ")");
        }
    }

    public static CsatStatistics empty() {
        return EMPTY;
    }

    /** One answer: 4–5 satisfied, 1–3 not. */
    public static CsatStatistics ofScore(int score) {
        if (score < LOWEST_SCORE || score > HIGHEST_SCORE) {
            throw new IllegalArgumentException(
                    "a CSAT score is " + LOWEST_SCORE + " to " + HIGHEST_SCORE + ", was " + score);
        }
        return new CsatStatistics(score >= LOWEST_SATISFIED_SCORE ? 1 : 0, 1);
    }

    @Override
    public MetricKind kind() {
        return MetricKind.CSAT;
    }

    @Override
    public CsatStatistics merge(MetricStatistics other) {
        if (!(other instanceof CsatStatistics that)) {
            throw kindMismatch(this, other);
        }
        return new CsatStatistics(
                Math.addExact(satisfied, that.satisfied), Math.addExact(responses, that.responses));
    }

    @Override
    public OptionalDouble value() {
        if (responses == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * satisfied / responses);
    }

    @Override
    public long count() {
        return responses;
    }
}
