package io.cxtracker.domain.feedback;

import io.cxtracker.domain.feedback.InsightFacts.PeriodFacts;
import io.cxtracker.domain.feedback.InsightTrend.PeriodVolume;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Feedback grouped by theme: how much of it there is, how it feels, whether it grows, per period, and
 * which departments it concerns — what the Listen pillar hands to the Change pillar.
 *
 * @param meanSentiment null without items
 * @param negativeShare share (0–1) of items at or below {@link #NEGATIVE_AT_OR_BELOW}; null without items
 * @param periods every period of the range, oldest first, also those without items
 * @param departments the departments concerned, most items first
 */
public record Insight(String theme, long volume, Double meanSentiment, Double negativeShare, Instant firstSeen,
        Instant lastSeen, InsightTrend.Direction trend, double trendChange, List<InsightPeriod> periods,
        List<DepartmentVolume> departments, long openCommitments) {

    /** An item with a sentiment of −0.25 or less counts as negative. */
    public static final double NEGATIVE_AT_OR_BELOW = -0.25;

    public Insight {
        periods = List.copyOf(periods);
        departments = List.copyOf(departments);
    }

    /** @param end the first day after the period (exclusive), as in metric series */
    public record InsightPeriod(LocalDate start, LocalDate end, long volume, Double meanSentiment) {
    }

    public record DepartmentVolume(String departmentCode, long volume) {
    }

    /** The insight of a theme's facts over the range, in periods of the given granularity. */
    public static Insight of(InsightFacts facts, DateRange range, Granularity granularity) {
        List<InsightPeriod> periods = new ArrayList<>();
        List<PeriodVolume> volumes = new ArrayList<>();
        for (Period p = Period.containing(range.from(), granularity); !p.start().isAfter(range.to()); p = p.next()) {
            PeriodFacts inPeriod = facts.periods().getOrDefault(p.start(), new PeriodFacts(0, 0));
            periods.add(new InsightPeriod(p.start(), p.endExclusive(), inPeriod.volume(),
                    mean(inPeriod.sentimentSum(), inPeriod.volume())));
            LocalDate first = p.start().isBefore(range.from()) ? range.from() : p.start();
            LocalDate last = p.endExclusive().minusDays(1).isAfter(range.to()) ? range.to() : p.endExclusive().minusDays(1);
            volumes.add(new PeriodVolume(inPeriod.volume(), (int) ChronoUnit.DAYS.between(first, last) + 1));
        }
        List<DepartmentVolume> departments = facts.departments().entrySet().stream()
                .map(e -> new DepartmentVolume(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(DepartmentVolume::volume).reversed()
                        .thenComparing(DepartmentVolume::departmentCode))
                .toList();
        return new Insight(facts.theme(), facts.volume(), mean(facts.sentimentSum(), facts.volume()),
                facts.volume() == 0 ? null : (double) facts.negative() / facts.volume(), facts.firstAt(), facts.lastAt(),
                InsightTrend.of(volumes), InsightTrend.relativeChange(volumes), periods, departments,
                facts.openCommitments());
    }

    private static Double mean(double sum, long count) {
        return count == 0 ? null : sum / count;
    }
}
