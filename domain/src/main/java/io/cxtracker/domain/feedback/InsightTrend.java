package io.cxtracker.domain.feedback;

import java.util.List;

/**
 * Whether a theme is heard more or less often: the least-squares line through the theme's daily volume
 * rate per period (volume ÷ days of the period inside the range, so a period cut short by the range —
 * the current month — is not mistaken for a drop), compared with the mean rate. The line's rise over
 * the range, as a share of the mean, decides: {@value #THRESHOLD} or more RISING, −{@value #THRESHOLD}
 * or less FALLING, else STEADY. Fewer than two periods, or no volume at all, is STEADY.
 */
public final class InsightTrend {
    public static final double THRESHOLD = 0.2;

    public enum Direction {
        RISING, STEADY, FALLING
    }

    /** A period's volume and how many of its days lie inside the range (at least 1). */
    public record PeriodVolume(long volume, int days) {
        public PeriodVolume {
            if (volume < 0 || days < 1) {
                throw new IllegalArgumentException("a period has a volume of 0 or more over 1 day or more");
            }
        }

        double rate() {
            return (double) volume / days;
        }
    }

    private InsightTrend() {
    }

    /** The relative rise of the fitted line across the periods (0.5: half the mean rate more at the end). */
    public static double relativeChange(List<PeriodVolume> periods) {
        int n = periods.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = periods.stream().mapToDouble(PeriodVolume::rate).sum() / n;
        if (meanY == 0) {
            return 0;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = i - meanX;
            sxx += dx * dx;
            sxy += dx * (periods.get(i).rate() - meanY);
        }
        double slope = sxy / sxx;
        return slope * (n - 1) / meanY;
    }

    public static Direction of(List<PeriodVolume> periods) {
        double change = relativeChange(periods);
        if (change >= THRESHOLD) {
            return Direction.RISING;
        }
        if (change <= -THRESHOLD) {
            return Direction.FALLING;
        }
        return Direction.STEADY;
    }
}
