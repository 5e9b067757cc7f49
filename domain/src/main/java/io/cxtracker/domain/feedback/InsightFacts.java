package io.cxtracker.domain.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the database counts for one theme over a range: sums rather than averages, so the domain can
 * compute means and shares exactly (see {@link Insight}).
 *
 * @param sentimentSum the sum of the items' sentiments
 * @param negative how many items were negative (sentiment at or below {@link Insight#NEGATIVE_AT_OR_BELOW})
 * @param periods volume and sentiment sum per period start; periods without items are absent
 * @param departments volume per department code; items without a department are not counted here
 * @param openCommitments commitments answering the theme that are neither done nor dropped
 */
public record InsightFacts(String theme, long volume, double sentimentSum, long negative, Instant firstAt, Instant lastAt,
        SortedMap<LocalDate, PeriodFacts> periods, Map<String, Long> departments, long openCommitments) {

    public record PeriodFacts(long volume, double sentimentSum) {
    }

    public InsightFacts {
        periods = new TreeMap<>(periods);
        departments = Map.copyOf(departments);
    }
}
