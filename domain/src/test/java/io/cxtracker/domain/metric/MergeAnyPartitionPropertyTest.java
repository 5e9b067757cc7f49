package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A roll-up may merge readings by day, then by department, then for the program, or all at once:
 * whatever the grouping, the result must be the same. Parts are arbitrary subsets, not only runs, so
 * order does not matter either.
 */
class MergeAnyPartitionPropertyTest {
    private static final long MAX_COUNT = 1_000_000;
    private static final int PARTS = 5;

    record Assigned(MetricStatistics statistics, int part) {
    }

    @Property
    void mergingAnyPartitionEqualsMergingTheWhole(@ForAll("readingsOfOneKind") List<Assigned> readings) {
        MetricKind kind = readings.get(0).statistics().kind();
        MetricStatistics whole = readings.stream()
                .map(Assigned::statistics)
                .reduce(MetricStatistics.empty(kind), MetricStatistics::merge);

        TreeMap<Integer, MetricStatistics> parts = readings.stream().collect(Collectors.groupingBy(
                Assigned::part,
                TreeMap::new,
                Collectors.reducing(MetricStatistics.empty(kind), Assigned::statistics, MetricStatistics::merge)));
        // merge the parts in reverse so that neither the grouping nor the order matches the whole's
        MetricStatistics ofParts = parts.descendingMap().values().stream()
                .reduce(MetricStatistics.empty(kind), MetricStatistics::merge);

        assertEquals(fieldByFieldTotal(kind, readings), whole);
        assertEquals(whole, ofParts);
        assertEquals(whole.count(), ofParts.count());
        assertEquals(whole.value(), ofParts.value());
    }

    // An oracle that does not use merge: every count added up on its own.
    private static MetricStatistics fieldByFieldTotal(MetricKind kind, List<Assigned> readings) {
        List<MetricStatistics> all = readings.stream().map(Assigned::statistics).toList();
        return switch (kind) {
            case NPS -> new NpsStatistics(
                    total(all, s -> ((NpsStatistics) s).promoters()),
                    total(all, s -> ((NpsStatistics) s).passives()),
                    total(all, s -> ((NpsStatistics) s).detractors()));
            case CSAT -> new CsatStatistics(
                    total(all, s -> ((CsatStatistics) s).satisfied()),
                    total(all, s -> ((CsatStatistics) s).responses()));
            case MEAN_SCORE -> new MeanScoreStatistics(
                    total(all, s -> (long) ((MeanScoreStatistics) s).sum()),
                    total(all, s -> ((MeanScoreStatistics) s).count()));
            case RATIO -> new RatioStatistics(
                    total(all, s -> ((RatioStatistics) s).numerator()),
                    total(all, s -> ((RatioStatistics) s).denominator()));
            case GAUGE -> throw new IllegalStateException("gauges are not generated here");
        };
    }

    private static long total(List<MetricStatistics> all, ToLongFunction<MetricStatistics> field) {
        return all.stream().mapToLong(field).sum();
    }

    @Provide
    Arbitrary<List<Assigned>> readingsOfOneKind() {
        return Arbitraries.oneOf(assigned(nps()), assigned(csat()), assigned(meanScore()), assigned(ratio()));
    }

    private static Arbitrary<List<Assigned>> assigned(Arbitrary<? extends MetricStatistics> statistics) {
        return Combinators.combine(statistics, Arbitraries.integers().between(0, PARTS - 1))
                .as(Assigned::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    private static Arbitrary<Long> counts() {
        return Arbitraries.longs().between(0, MAX_COUNT);
    }

    private static Arbitrary<NpsStatistics> nps() {
        return Combinators.combine(counts(), counts(), counts()).as(NpsStatistics::new);
    }

    private static Arbitrary<CsatStatistics> csat() {
        return counts().flatMap(responses ->
                Arbitraries.longs().between(0, responses).map(satisfied -> new CsatStatistics(satisfied, responses)));
    }

    private static Arbitrary<RatioStatistics> ratio() {
        return counts().flatMap(denominator ->
                Arbitraries.longs().between(0, denominator).map(numerator -> new RatioStatistics(numerator, denominator)));
    }

    // Whole-number sums, as survey answers give: a double adds those exactly, so equality is exact too.
    private static Arbitrary<MeanScoreStatistics> meanScore() {
        return Arbitraries.longs().between(0, 10_000).flatMap(count ->
                Arbitraries.longs().between(count, 10 * count).map(sum -> new MeanScoreStatistics(sum, count)));
    }
}
