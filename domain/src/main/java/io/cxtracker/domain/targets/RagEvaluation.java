package io.cxtracker.domain.targets;

import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.SeriesPoint;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The red-amber-green rule of a target, evaluated over a trailing window of its metric's series.
 *
 * <ol>
 *   <li>NO_DATA when the window [asOf − windowDays, asOf] holds no readings: silence is never green.
 *   <li>GREEN when the window's current value meets the target.
 *   <li>RED when the due date has passed unmet: there is no time left for a trend to close the gap.
 *   <li>GREEN when the least-squares trend of the window meets the target at the due date.
 *   <li>AMBER when that forecast falls short by no more than the amber tolerance (in the metric's units,
 *       measured in the unfavourable direction).
 *   <li>RED otherwise.
 * </ol>
 *
 * <p>The current value merges the window's statistics (percentages are never averaged); the trend is
 * fitted to the points' own values, one per point, and its forecast is kept within what the metric's kind
 * can measure (an NPS between −100 and 100, a share between 0 and 100 %).
 *
 * @param windowDays how many days before {@code asOf} still count; both ends of the window are included
 */
public record RagEvaluation(TargetAttainment attainment, LocalDate due, double amberTolerance, int windowDays) {

    public RagEvaluation {
        Objects.requireNonNull(attainment, "attainment");
        Objects.requireNonNull(due, "due");
        if (!Double.isFinite(amberTolerance) || amberTolerance < 0) {
            throw new IllegalArgumentException("amber tolerance must be zero or more, was " + amberTolerance);
        }
        if (windowDays < 0) {
            throw new IllegalArgumentException("the evaluation window must not be negative, was " + windowDays);
        }
    }

    public TargetEvaluation evaluate(Collection<SeriesPoint> series, Clock clock) {
        return evaluate(series, LocalDate.now(clock));
    }

    public TargetEvaluation evaluate(Collection<SeriesPoint> series, LocalDate asOf) {
        LocalDate from = asOf.minusDays(windowDays);
        // Points after asOf are ignored so that re-evaluating a past date gives the answer it gave then.
        List<SeriesPoint> window = series.stream()
                .filter(p -> !p.day().isBefore(from) && !p.day().isAfter(asOf))
                .filter(p -> !p.statistics().isEmpty())
                .toList();
        if (window.isEmpty()) {
            return new TargetEvaluation(Rag.NO_DATA, false, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), "no readings between " + from + " and " + asOf);
        }

        double current = window.stream()
                .map(SeriesPoint::statistics)
                .reduce(MetricStatistics::merge)
                .orElseThrow()
                .value()
                .orElseThrow();
        boolean pastDue = asOf.isAfter(due);
        OptionalDouble forecast = pastDue ? OptionalDouble.empty() : withinRange(trendOf(window).projectTo(due), window);
        OptionalDouble currentValue = OptionalDouble.of(current);
        OptionalDouble progress = OptionalDouble.of(attainment.progress(current));
        String target = figure(attainment.target());

        if (attainment.isMet(current)) {
            return new TargetEvaluation(Rag.GREEN, true, currentValue, forecast, progress,
                    "current " + figure(current) + " meets target " + target);
        }
        if (pastDue) {
            return new TargetEvaluation(Rag.RED, false, currentValue, forecast, progress,
                    "due date " + due + " has passed and current " + figure(current) + " is " + gap(current)
                            + " target " + target);
        }
        double projected = forecast.getAsDouble();
        String forecastAtDue = "forecast " + figure(projected) + " at " + due;
        if (attainment.isMet(projected)) {
            return new TargetEvaluation(Rag.GREEN, false, currentValue, forecast, progress,
                    forecastAtDue + " meets target " + target);
        }
        String shortBy = forecastAtDue + " is " + gap(projected) + " target " + target;
        if (attainment.shortfall(projected) <= amberTolerance) {
            return new TargetEvaluation(Rag.AMBER, false, currentValue, forecast, progress,
                    shortBy + " (tolerance " + figure(amberTolerance) + ")");
        }
        return new TargetEvaluation(Rag.RED, false, currentValue, forecast, progress,
                shortBy + ", beyond the tolerance of " + figure(amberTolerance));
    }

    private static LeastSquaresForecast trendOf(List<SeriesPoint> window) {
        return LeastSquaresForecast.fit(window.stream()
                .map(p -> new LeastSquaresForecast.Point(p.day(), p.value().orElseThrow()))
                .toList());
    }

    private static OptionalDouble withinRange(OptionalDouble projected, List<SeriesPoint> window) {
        MetricKind kind = window.get(0).statistics().kind();
        return projected.isPresent() ? OptionalDouble.of(kind.withinRange(projected.getAsDouble())) : projected;
    }

    private String gap(double value) {
        String side = attainment.direction() == Direction.HIGHER_IS_BETTER ? " below" : " above";
        return figure(attainment.shortfall(value)) + side;
    }

    // One decimal at least so the sentence reads like the dashboard; two at most so that a gap of 0.04
    // is not printed as "0.0 below target".
    private static String figure(double value) {
        DecimalFormat format = new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
