package io.cxtracker.domain.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A roll-up may merge readings by day, then by department, then for the program, or all at once:
 * whatever the grouping, the result must be the same. Property-based: 250 generated cases per kind
 * from fixed seeds (a failure names its seed, so it can be replayed). Parts are arbitrary subsets,
 * not only runs, so order does not matter either.
 *
 * <p>Counts merge exactly in any grouping. Mean-score sums and gauges' weighted sums are doubles: exact in any grouping
 * when every summand is a multiple of a power of two (whole numbers, halves, quarters — what survey tools send) and the
 * total stays below 2<sup>53</sup> of that unit; other fractions (4.3 stars) are rounded once per merge, so a roll-up of
 * n summands lies within γ<sub>n−1</sub>·Σ|summand| of the exact sum (γ<sub>k</sub> = ku / (1 − ku), u = 2<sup>−53</sup>,
 * the bound of recursive summation, for any grouping) and two groupings within twice that. The oracle is the exact
 * sum of the stored doubles in BigDecimal, never merge itself.
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

    // ---- sums held as doubles: fractional mean scores and gauges ----

    private static final double U = Math.scalb(1.0, -53);
    private static final Instant NINE = Instant.parse("2031-03-03T09:00:00Z");

    /** Whether a generated case's summands are multiples of a power of two (then the claim is exactness). */
    enum Summands { DYADIC, DECIMAL }

    static Stream<Arguments> floatingCases() {
        List<Function<Random, MetricStatistics>> generators = List.of(
                r -> meanScoreOf(r, 4), r -> meanScoreOf(r, 10), r -> gaugeOf(r, 4), r -> gaugeOf(r, 10));
        return IntStream.range(0, generators.size()).boxed().flatMap(g ->
                IntStream.range(0, CASES_PER_KIND).mapToObj(i -> {
                    long seed = 104_729L * (g + 1) + 7919L * i;
                    return Arguments.of(seed, g % 2 == 0 ? Summands.DYADIC : Summands.DECIMAL,
                            readings(new Random(seed), generators.get(g)));
                }));
    }

    @ParameterizedTest(name = "seed {0}, {1} summands")
    @MethodSource("floatingCases")
    void fractionalSumsMergeExactlyWhenDyadicAndWithinTheSummationBoundOtherwise(long seed, Summands summands,
                                                                                  List<Assigned> readings) {
        MetricKind kind = readings.get(0).statistics().kind();
        MetricStatistics whole = readings.stream().map(Assigned::statistics).reduce(MetricStatistics.empty(kind), MetricStatistics::merge);
        MetricStatistics ofParts = readings.stream().collect(Collectors.groupingBy(Assigned::part, TreeMap::new,
                        Collectors.reducing(MetricStatistics.empty(kind), Assigned::statistics, MetricStatistics::merge)))
                .descendingMap().values().stream().reduce(MetricStatistics.empty(kind), MetricStatistics::merge);

        List<Double> terms = readings.stream().map(a -> sumOf(a.statistics())).toList();
        BigDecimal exact = terms.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        double bound = summationBound(terms);

        // counts, weights and the latest gauge reading are exact in any grouping
        assertEquals(total(readings.stream().map(Assigned::statistics).toList(), MetricStatistics::count), whole.count(), "seed " + seed);
        assertEquals(whole.count(), ofParts.count(), "seed " + seed);
        if (kind == MetricKind.GAUGE) {
            GaugeStatistics latest = readings.stream().map(a -> (GaugeStatistics) a.statistics())
                    .max(Comparator.comparing(GaugeStatistics::lastAt).thenComparingDouble(g -> g.last().orElseThrow())).orElseThrow();
            assertEquals(latest.last(), ((GaugeStatistics) whole).last(), "seed " + seed);
            assertEquals(latest.last(), ((GaugeStatistics) ofParts).last(), "seed " + seed);
            assertEquals(latest.lastAt(), ((GaugeStatistics) ofParts).lastAt(), "seed " + seed);
        }
        if (summands == Summands.DYADIC) {
            assertEquals(0, exact.compareTo(new BigDecimal(sumOf(whole))), "seed " + seed);
            assertEquals(whole, ofParts, "seed " + seed);
            assertEquals(whole.value(), ofParts.value(), "seed " + seed);
        } else {
            assertTrue(within(sumOf(whole), exact, bound), () -> "seed " + seed + ": " + sumOf(whole) + " vs " + exact + ", bound " + bound);
            assertTrue(within(sumOf(ofParts), exact, bound), () -> "seed " + seed + ": " + sumOf(ofParts) + " vs " + exact + ", bound " + bound);
            assertTrue(Math.abs(sumOf(whole) - sumOf(ofParts)) <= 2 * bound, "seed " + seed);
        }
    }

    @Test
    void decimalFractionsDependOnTheGroupingWithinTheBound() {
        // 0.1, 0.2, 0.3 as doubles: (0.1 + 0.2) + 0.3 = 0.6000000000000001 but 0.1 + (0.2 + 0.3) = 0.6.
        // Σ|x| = 0.6, n − 1 = 2 additions: γ₂ · 0.6 ≈ 2.22e-16 · 0.6 ≈ 1.33e-16, and the exact sum of the three
        // doubles is 0.600000000000000005551…, so both results are within it (1.1e-16 and 5.6e-18 away).
        MeanScoreStatistics a = MeanScoreStatistics.ofScore(0.1);
        MeanScoreStatistics b = MeanScoreStatistics.ofScore(0.2);
        MeanScoreStatistics c = MeanScoreStatistics.ofScore(0.3);

        MeanScoreStatistics left = a.merge(b).merge(c);
        MeanScoreStatistics right = a.merge(b.merge(c));

        assertEquals(0.6000000000000001, left.sum());
        assertEquals(0.6, right.sum());
        assertNotEquals(left, right);
        assertEquals(3, left.count());
        BigDecimal exact = new BigDecimal(0.1).add(new BigDecimal(0.2)).add(new BigDecimal(0.3));
        double bound = summationBound(List.of(0.1, 0.2, 0.3));
        assertTrue(within(left.sum(), exact, bound) && within(right.sum(), exact, bound));
        assertTrue(bound < 1.34e-16 && bound > 1.33e-16, () -> "γ₂ · 0.6 = " + bound);
    }

    @Test
    void halfStarsMergeExactlyInAnyOrder() {
        // 4.5 + 3.5 + 2.5 = 10.5 over 3 answers: a mean of 3.5, whichever two are merged first
        MeanScoreStatistics a = MeanScoreStatistics.ofScore(4.5);
        MeanScoreStatistics b = MeanScoreStatistics.ofScore(3.5);
        MeanScoreStatistics c = MeanScoreStatistics.ofScore(2.5);

        assertEquals(new MeanScoreStatistics(10.5, 3), a.merge(b).merge(c));
        assertEquals(a.merge(b).merge(c), c.merge(a.merge(b)));
        assertEquals(a.merge(b).merge(c), b.merge(c).merge(a));
        assertEquals(3.5, a.merge(b).merge(c).value().orElseThrow());
    }

    @Test
    void quarterSecondHandleTimesMergeExactlyAndTheLatestReadingWins() {
        // 312.5 s over 30 calls (9:00) and 290.25 s over 10 calls (10:00): 9375 + 2902.5 = 12277.5 over 40 calls,
        // a mean of 306.9375 s; the latest reading is 290.25 s at 10:00, in either order
        GaugeStatistics nine = GaugeStatistics.of(312.5, 30, NINE);
        GaugeStatistics ten = GaugeStatistics.of(290.25, 10, NINE.plusSeconds(3600));

        assertEquals(new GaugeStatistics(12277.5, 40, 290.25, NINE.plusSeconds(3600)), nine.merge(ten));
        assertEquals(nine.merge(ten), ten.merge(nine));
        assertEquals(306.9375, nine.merge(ten).weightedMean().orElseThrow());
    }

    /** γ_{n−1} · Σ|x|, rounded up: how far any grouping of the n summands may lie from their exact sum. */
    private static double summationBound(List<Double> terms) {
        long additions = terms.stream().filter(t -> t != 0).count() - 1;
        if (additions <= 0) {
            return 0;
        }
        double magnitude = terms.stream().map(t -> new BigDecimal(Math.abs(t))).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
        double gamma = additions * U / (1 - additions * U);
        return Math.nextUp(Math.nextUp(gamma) * Math.nextUp(magnitude));
    }

    /** Whether the computed sum lies within the bound of the exact one, compared exactly. */
    private static boolean within(double computed, BigDecimal exact, double bound) {
        return new BigDecimal(computed).subtract(exact).abs().compareTo(new BigDecimal(bound)) <= 0;
    }

    private static double sumOf(MetricStatistics statistics) {
        return statistics instanceof MeanScoreStatistics m ? m.sum() : ((GaugeStatistics) statistics).weightedSum();
    }

    /** Answers of 1 to 10 in steps of 1/denominator: quarters are dyadic, tenths are not. */
    private static MetricStatistics meanScoreOf(Random random, int denominator) {
        long count = between(random, 0, 10_000);
        return new MeanScoreStatistics(between(random, count * denominator, 10 * count * denominator) / (double) denominator, count);
    }

    /** A handle time of 0 to 2,000 s in steps of 1/denominator over 1 to 1,000 calls, read in the same ten hours. */
    private static MetricStatistics gaugeOf(Random random, int denominator) {
        double value = between(random, 0, 2_000L * denominator) / (double) denominator;
        return GaugeStatistics.of(value, between(random, 1, 1_000), NINE.plusSeconds(60 * between(random, 0, 600)));
    }
}
