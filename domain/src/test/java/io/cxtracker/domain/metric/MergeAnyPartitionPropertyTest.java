package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A roll-up may merge readings by day, then by department, then for the program, or all at once:
 * whatever the grouping, the result must be the same. Property-based: 250 generated cases per kind
 * from fixed seeds (a failure names its seed, so it can be replayed). Parts are arbitrary subsets,
 * not only runs, so order does not matter either.
 */
class MergeAnyPartitionPropertyTest {
    private static final long MAX_COUNT = 1_000_000;
    private static final int PARTS = 5;
    private static final int CASES_PER_KIND = 250;

    record Assigned(MetricStatistics statistics, int part) {
    }

    static Stream<Arguments> generatedCases() {
        List<Function<Random, MetricStatistics>> generators = List.of(
                MergeAnyPartitionPropertyTest::nps,
                MergeAnyPartitionPropertyTest::csat,
                MergeAnyPartitionPropertyTest::meanScore,
                MergeAnyPartitionPropertyTest::ratio);
        return IntStream.range(0, generators.size()).boxed().flatMap(g ->
                IntStream.range(0, CASES_PER_KIND).mapToObj(i -> {
                    long seed = 31L * g + 7919L * i;
                    return Arguments.of(seed, readings(new Random(seed), generators.get(g)));
                }));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("generatedCases")
    void mergingAnyPartitionEqualsMergingTheWhole(long seed, List<Assigned> readings) {
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

        assertEquals(fieldByFieldTotal(kind, readings), whole, "seed " + seed);
        assertEquals(whole, ofParts, "seed " + seed);
        assertEquals(whole.count(), ofParts.count(), "seed " + seed);
        assertEquals(whole.value(), ofParts.value(), "seed " + seed);
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

    private static List<Assigned> readings(Random random, Function<Random, MetricStatistics> generator) {
        int size = 1 + random.nextInt(40);
        List<Assigned> readings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            readings.add(new Assigned(generator.apply(random), random.nextInt(PARTS)));
        }
        return readings;
    }

    private static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    private static MetricStatistics nps(Random random) {
        return new NpsStatistics(between(random, 0, MAX_COUNT), between(random, 0, MAX_COUNT), between(random, 0, MAX_COUNT));
    }

    private static MetricStatistics csat(Random random) {
        long responses = between(random, 0, MAX_COUNT);
        return new CsatStatistics(between(random, 0, responses), responses);
    }

    private static MetricStatistics ratio(Random random) {
        long denominator = between(random, 0, MAX_COUNT);
        return new RatioStatistics(between(random, 0, denominator), denominator);
    }

    // Whole-number sums, as survey answers give: a double adds those exactly, so equality is exact too.
    private static MetricStatistics meanScore(Random random) {
        long count = between(random, 0, 10_000);
        return new MeanScoreStatistics(between(random, count, 10 * count), count);
    }
}
