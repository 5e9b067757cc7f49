package io.cxtracker.domain.metric;

import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import java.time.Instant;

/**
 * The statistics fields of a reading as a sender sends them: only the fields of the metric's kind are
 * given (NPS: promoters, passives, detractors; CSAT: satisfied, responses; mean score: sum, count;
 * ratio: numerator, denominator; gauge: value, optional weight and time). {@link #toStatistics} checks
 * them with field names and builds the statistics of the kind.
 */
public record StatisticsInput(
        Long promoters, Long passives, Long detractors,
        Long satisfied, Long responses,
        Double sum, Long count,
        Long numerator, Long denominator,
        Double value, Long weight, Instant at) {

    private static final String PREFIX = "statistics.";

    public static StatisticsInput nps(long promoters, long passives, long detractors) {
        return new StatisticsInput(promoters, passives, detractors, null, null, null, null, null, null, null, null, null);
    }

    public static StatisticsInput csat(long satisfied, long responses) {
        return new StatisticsInput(null, null, null, satisfied, responses, null, null, null, null, null, null, null);
    }

    public static StatisticsInput meanScore(double sum, long count) {
        return new StatisticsInput(null, null, null, null, null, sum, count, null, null, null, null, null);
    }

    public static StatisticsInput ratio(long numerator, long denominator) {
        return new StatisticsInput(null, null, null, null, null, null, null, numerator, denominator, null, null, null);
    }

    public static StatisticsInput gauge(double value, Long weight, Instant at) {
        return new StatisticsInput(null, null, null, null, null, null, null, null, null, value, weight, at);
    }

    /**
     * @param defaultGaugeAt the time of a gauge value the sender did not time, e.g. the start of the reading's day
     * @throws InvalidInputException naming every bad field, e.g. {@code statistics.satisfied}
     */
    public MetricStatistics toStatistics(MetricKind kind, Instant defaultGaugeAt) {
        Violations v = new Violations();
        forbidOthers(kind, v);
        MetricStatistics statistics = switch (kind) {
            case NPS -> {
                long p = count(v, "promoters", promoters);
                long pa = count(v, "passives", passives);
                long d = count(v, "detractors", detractors);
                v.check(!v.isEmpty() || p + pa + d > 0, PREFIX + "promoters",
                        "promoters, passives and detractors must not all be 0");
                yield v.isEmpty() ? new NpsStatistics(p, pa, d) : null;
            }
            case CSAT -> {
                long s = count(v, "satisfied", satisfied);
                long r = count(v, "responses", responses);
                v.check(responses == null || responses < 0 || r > 0, PREFIX + "responses", "must be at least 1");
                v.check(satisfied == null || responses == null || s <= r, PREFIX + "satisfied",
                        "must not exceed responses (" + r + ")");
                yield v.isEmpty() ? new CsatStatistics(s, r) : null;
            }
            case MEAN_SCORE -> {
                double total = number(v, "sum", sum);
                long c = count(v, "count", count);
                v.check(count == null || count < 0 || c > 0, PREFIX + "count", "must be at least 1");
                yield v.isEmpty() ? new MeanScoreStatistics(total, c) : null;
            }
            case RATIO -> {
                long n = count(v, "numerator", numerator);
                long d = count(v, "denominator", denominator);
                v.check(denominator == null || denominator < 0 || d > 0, PREFIX + "denominator", "must be at least 1");
                v.check(numerator == null || denominator == null || n <= d, PREFIX + "numerator",
                        "must not exceed denominator (" + d + ")");
                yield v.isEmpty() ? new RatioStatistics(n, d) : null;
            }
            case GAUGE -> {
                double level = number(v, "value", value);
                long w = weight == null ? 1 : weight;
                v.check(w >= 1, PREFIX + "weight", "must be at least 1");
                Instant when = at != null ? at : defaultGaugeAt;
                yield v.isEmpty() ? GaugeStatistics.of(level, w, when) : null;
            }
        };
        v.throwIfAny();
        return statistics;
    }

    private void forbidOthers(MetricKind kind, Violations v) {
        forbid(v, kind, MetricKind.NPS, "promoters", promoters);
        forbid(v, kind, MetricKind.NPS, "passives", passives);
        forbid(v, kind, MetricKind.NPS, "detractors", detractors);
        forbid(v, kind, MetricKind.CSAT, "satisfied", satisfied);
        forbid(v, kind, MetricKind.CSAT, "responses", responses);
        forbid(v, kind, MetricKind.MEAN_SCORE, "sum", sum);
        forbid(v, kind, MetricKind.MEAN_SCORE, "count", count);
        forbid(v, kind, MetricKind.RATIO, "numerator", numerator);
        forbid(v, kind, MetricKind.RATIO, "denominator", denominator);
        forbid(v, kind, MetricKind.GAUGE, "value", value);
        forbid(v, kind, MetricKind.GAUGE, "weight", weight);
        forbid(v, kind, MetricKind.GAUGE, "at", at);
    }

    private static void forbid(Violations v, MetricKind kind, MetricKind owner, String field, Object given) {
        if (given != null && kind != owner) {
            v.add(PREFIX + field, "belongs to " + owner + " readings, not " + kind);
        }
    }

    private static long count(Violations v, String field, Long given) {
        if (given == null) {
            v.add(PREFIX + field, "must be given");
            return 0;
        }
        if (given < 0) {
            v.add(PREFIX + field, "must not be negative");
            return 0;
        }
        return given;
    }

    private static double number(Violations v, String field, Double given) {
        if (given == null) {
            v.add(PREFIX + field, "must be given");
            return 0;
        }
        if (!Double.isFinite(given)) {
            v.add(PREFIX + field, "must be a finite number");
            return 0;
        }
        return given;
    }
}
