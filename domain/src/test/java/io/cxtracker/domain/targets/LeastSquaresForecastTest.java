package io.cxtracker.domain.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.targets.LeastSquaresForecast.Point;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastSquaresForecastTest {
    private static final LocalDate DAY_0 = LocalDate.of(2027, 5, 1);

    private static Point point(int day, double value) {
        return new Point(DAY_0.plusDays(day), value);
    }

    @Test
    void aStraightLineIsExtendedToTheDueDate() {
        // values 30, 32.5, 35 on days 0, 10, 20: slope 2.5 per 10 days = 0.25 per day
        // at day 50: 30 + 0.25 × 50 = 42.5
        LeastSquaresForecast trend = LeastSquaresForecast.fit(List.of(point(0, 30), point(10, 32.5), point(20, 35)));

        assertEquals(42.5, trend.projectTo(DAY_0.plusDays(50)).orElseThrow());
        assertEquals(30.0, trend.projectTo(DAY_0).orElseThrow());
    }

    @Test
    void scatteredPointsGetTheLeastSquaresLine() {
        // x 0, 1, 2, 3; y 1, 3, 2, 6; x̄ = 1.5, ȳ = 3
        // Sxy = (−1.5)(−2) + (−0.5)(0) + (0.5)(−1) + (1.5)(3) = 3 + 0 − 0.5 + 4.5 = 7
        // Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5; slope 7 / 5 = 1.4
        // at x = 5: 3 + 1.4 × (5 − 1.5) = 3 + 4.9 = 7.9
        LeastSquaresForecast trend =
                LeastSquaresForecast.fit(List.of(point(0, 1), point(1, 3), point(2, 2), point(3, 6)));

        assertEquals(7.9, trend.projectTo(DAY_0.plusDays(5)).orElseThrow(), 1e-9);
    }

    @Test
    void onePointForecastsItself() {
        LeastSquaresForecast trend = LeastSquaresForecast.fit(List.of(point(3, 61.5)));

        assertEquals(61.5, trend.projectTo(DAY_0.plusDays(400)).orElseThrow());
    }

    @Test
    void pointsAllOnOneDayForecastTheirMean() {
        // (10 + 20 + 60) / 3 = 30
        LeastSquaresForecast trend = LeastSquaresForecast.fit(List.of(point(7, 10), point(7, 20), point(7, 60)));

        assertEquals(30.0, trend.projectTo(DAY_0.plusDays(90)).orElseThrow());
    }

    @Test
    void noPointsNoForecast() {
        assertTrue(LeastSquaresForecast.fit(List.of()).projectTo(DAY_0).isEmpty());
    }

    @Test
    void nonFiniteValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> point(0, Double.NaN));
    }
}
