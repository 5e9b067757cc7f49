package io.cxtracker.domain.metric;

import static io.cxtracker.domain.metric.StatisticsChecks.kindMismatch;
import static io.cxtracker.domain.metric.StatisticsChecks.requireNonNegative;

import java.util.OptionalDouble;

/**
 * Answers to "how likely are you to recommend us?" (0–10) counted by category. NPS is
 * 100 × (promoters − detractors) / responses, in −100..100.
 */
public record NpsStatistics(long promoters, long passives, long detractors) implements MetricStatistics {
    public static final int LOWEST_SCORE = 0;
    public static final int HIGHEST_SCORE = 10;
    public static final int LOWEST_PROMOTER_SCORE = 9;
    public static final int LOWEST_PASSIVE_SCORE = 7;

    private static final NpsStatistics EMPTY = new NpsStatistics(0, 0, 0);

    public NpsStatistics {
        requireNonNegative("promoters", promoters);
        requireNonNegative("passives", passives);
        requireNonNegative("detractors", detractors);
        // Fails now rather than letting count() overflow later.
        Math.addExact(Math.addExact(promoters, passives), detractors);
    }

    public static NpsStatistics empty() {
        return EMPTY;
    }

    /** One answer: 9–10 promoter, 7–8 passive, 0–6 detractor. */
    public static NpsStatistics ofScore(int score) {
        if (score < LOWEST_SCORE || score > HIGHEST_SCORE) {
            throw new IllegalArgumentException(
                    "an NPS score is " + LOWEST_SCORE + " to " + HIGHEST_SCORE + ", was " + score);
        }
        if (score >= LOWEST_PROMOTER_SCORE) {
            return new NpsStatistics(1, 0, 0);
        }
        if (score >= LOWEST_PASSIVE_SCORE) {
            return new NpsStatistics(0, 1, 0);
        }
        return new NpsStatistics(0, 0, 1);
    }

    @Override
    public MetricKind kind() {
        return MetricKind.NPS;
    }

    @Override
    public NpsStatistics merge(MetricStatistics other) {
        if (!(other instanceof NpsStatistics that)) {
            throw kindMismatch(this, other);
        }
        return new NpsStatistics(
                Math.addExact(promoters, that.promoters),
                Math.addExact(passives, that.passives),
                Math.addExact(detractors, that.detractors));
    }

    @Override
    public OptionalDouble value() {
        long responses = count();
        if (responses == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (promoters - detractors) / responses);
    }

    @Override
    public long count() {
        return promoters + passives + detractors;
    }
}
