package io.cxtracker.domain.metric;

/**
 * The scale a Customer Effort Score survey uses; companies ask on 1–7 or 1–10. Scores are kept as
 * answered (no rescaling), so a CES series must not mix scales.
 */
public record CesScale(int lowest, int highest) {
    /** The metric CES answers feed. */
    public static final String METRIC_KEY = "ces";
    public static final CesScale ONE_TO_SEVEN = new CesScale(1, 7);
    public static final CesScale ONE_TO_TEN = new CesScale(1, 10);

    public CesScale {
        if (lowest < 0 || highest <= lowest || highest > 100) {
            throw new IllegalArgumentException("a CES scale runs from a low to a higher score, was " + lowest + "–" + highest);
        }
    }

    public boolean contains(int score) {
        return score >= lowest && score <= highest;
    }

    /**
     * Whether {@code count} answers on this scale can add up to {@code sum}: each is at least {@code lowest} and at
     * most {@code highest}, so the sum lies within count × lowest … count × highest (its mean on the scale).
     */
    public boolean containsMeanOf(double sum, long count) {
        if (count <= 0) {
            return sum == 0;
        }
        return sum >= (double) count * lowest && sum <= (double) count * highest;
    }
}
