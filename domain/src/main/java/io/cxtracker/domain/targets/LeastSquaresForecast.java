package io.cxtracker.domain.targets;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The ordinary least-squares line through a window's (day, value) points, projected to a later day.
 * A straight trend is what a reader can check by eye on the chart beside the forecast.
 *
 * <p>x is the epoch day. The sums are taken around the means: epoch days are about 20,000, and the
 * textbook Σx² − n·x̄² form would cancel most of its significant digits.
 */
public final class LeastSquaresForecast {
    private final int points;
    private final double meanDay;
    private final double meanValue;
    private final double slopePerDay;

    /** One value of the series on one day; several points may share a day. */
    public record Point(LocalDate day, double value) {
        public Point {
            Objects.requireNonNull(day, "day");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a point's value must be a finite number, was " + value);
            }
        }
    }

    private LeastSquaresForecast(int points, double meanDay, double meanValue, double slopePerDay) {
        this.points = points;
        this.meanDay = meanDay;
        this.meanValue = meanValue;
        this.slopePerDay = slopePerDay;
    }

    public static LeastSquaresForecast fit(Collection<Point> series) {
        int n = series.size();
        if (n == 0) {
            return new LeastSquaresForecast(0, 0, 0, 0);
        }
        double sumX = 0;
        double sumY = 0;
        for (Point p : series) {
            sumX += p.day().toEpochDay();
            sumY += p.value();
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double sxy = 0;
        for (Point p : series) {
            double dx = p.day().toEpochDay() - meanX;
            sxx += dx * dx;
            sxy += dx * (p.value() - meanY);
        }
        // One point, or all on the same day: there is no trend to see, so the best guess is the mean.
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new LeastSquaresForecast(n, meanX, meanY, slope);
    }

    /** The trend's value on {@code day}; empty when there were no points to draw a trend through. */
    public OptionalDouble projectTo(LocalDate day) {
        if (points == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(meanValue + slopePerDay * (day.toEpochDay() - meanDay));
    }
}
