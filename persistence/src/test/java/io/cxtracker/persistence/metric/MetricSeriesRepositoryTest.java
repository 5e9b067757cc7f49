package io.cxtracker.persistence.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.CsatStatistics;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.MeanScoreStatistics;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.Period;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.SeriesBucket;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Series and roll-ups summed in SQL equal the same roll-ups merged by the domain's statistics. */
@ExtendWith(PostgresExtension.class)
class MetricSeriesRepositoryTest {
    private static final Instant RECEIVED = Instant.parse("2026-12-31T23:00:00Z");
    private static final DateRange MARCH = new DateRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    private record Setup(Metric metric, Department support, Department billing) {
    }

    private static Setup setup(TestDatabase db, MetricKind kind) {
        return db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Department billing = Fixtures.department(em, "billing");
            return new Setup(Fixtures.metric(em, kind, Direction.HIGHER_IS_BETTER, support), support, billing);
        });
    }

    private static void store(TestDatabase db, List<Reading> readings) {
        db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(readings));
    }

    private static Reading reading(Metric metric, LocalDate day, Department department, String channel,
            MetricStatistics statistics) {
        return new Reading(metric, day, department, channel, statistics, "test", UUID.randomUUID().toString(),
                RECEIVED);
    }

    @Test
    void theNpsOfTwoDepartmentsMergedInSqlIsTheNpsOfTheirUnionNotTheMeanOfTheirNps(TestDatabase db) {
        Setup s = setup(db, MetricKind.NPS);
        // support: 55 promoters, 25 passives, 20 detractors over three days = NPS 35 (100 answers)
        // billing: 10 promoters, 10 passives, 30 detractors over two days = NPS −40 (50 answers)
        store(db, List.of(
                reading(s.metric(), LocalDate.of(2026, 3, 2), s.support(), "phone", new NpsStatistics(20, 10, 5)),
                reading(s.metric(), LocalDate.of(2026, 3, 9), s.support(), "chat", new NpsStatistics(20, 10, 10)),
                reading(s.metric(), LocalDate.of(2026, 3, 30), s.support(), null, new NpsStatistics(15, 5, 5)),
                reading(s.metric(), LocalDate.of(2026, 3, 3), s.billing(), "phone", new NpsStatistics(4, 6, 10)),
                reading(s.metric(), LocalDate.of(2026, 3, 31), s.billing(), null, new NpsStatistics(6, 4, 20)),
                // outside March, and a reading of no department: neither may count below
                reading(s.metric(), LocalDate.of(2026, 4, 1), s.support(), null, new NpsStatistics(100, 0, 0)),
                reading(s.metric(), LocalDate.of(2026, 3, 15), null, null, new NpsStatistics(0, 0, 100))));

        MetricStatistics bothInSql = db.inTransaction(em -> new JpaMetricSeriesRepository(em).total(s.metric(), MARCH,
                List.of(s.support(), s.billing())));
        Map<?, MetricStatistics> perDepartment = db.inTransaction(em -> new JpaMetricSeriesRepository(em)
                .byDepartment(s.metric(), MARCH));

        NpsStatistics support = new NpsStatistics(55, 25, 20);
        NpsStatistics billing = new NpsStatistics(10, 10, 30);
        assertEquals(35.0, support.value().getAsDouble(), 1e-9);
        assertEquals(-40.0, billing.value().getAsDouble(), 1e-9);
        assertEquals(Map.of(s.support().code(), support, s.billing().code(), billing), perDepartment);
        assertEquals(support.merge(billing), bothInSql);
        // 100 × (65 − 50) / 150 = 10, where the mean of the two NPS would say −2.5
        assertEquals(10.0, bothInSql.value().getAsDouble(), 1e-9);
        assertNotEquals((35.0 + -40.0) / 2, bothInSql.value().getAsDouble());

        MetricStatistics everyone = db.inTransaction(em -> new JpaMetricSeriesRepository(em).total(s.metric(), MARCH, List.of()));
        assertEquals(support.merge(billing).merge(new NpsStatistics(0, 0, 100)), everyone);
    }

    @Test
    void bucketsSummedInSqlEqualTheDomainsMergeOfTheSameReadingsForEveryGranularity(TestDatabase db) {
        Setup s = setup(db, MetricKind.NPS);
        Random random = new Random(20260101);
        List<Reading> readings = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int day = 0; day < 200; day++) {
            for (Department department : new Department[] {s.support(), s.billing(), null}) {
                if (random.nextInt(4) > 0) {
                    String channel = random.nextBoolean() ? "phone" : "chat";
                    readings.add(reading(s.metric(), first.plusDays(day), department, channel,
                            new NpsStatistics(random.nextInt(30), random.nextInt(20), 1 + random.nextInt(15))));
                }
            }
        }
        store(db, readings);
        DateRange range = new DateRange(LocalDate.of(2026, 1, 14), LocalDate.of(2026, 6, 20));

        for (Granularity granularity : Granularity.values()) {
            assertEquals(expected(readings, range, granularity, null, null),
                    db.inTransaction(em -> new JpaMetricSeriesRepository(em).series(s.metric(), range, granularity, null, null)),
                    granularity.name());
            assertEquals(expected(readings, range, granularity, s.billing(), null),
                    db.inTransaction(em -> new JpaMetricSeriesRepository(em).series(s.metric(), range, granularity, s.billing(), null)),
                    granularity + " billing");
            assertEquals(expected(readings, range, granularity, s.support(), "chat"),
                    db.inTransaction(em -> new JpaMetricSeriesRepository(em).series(s.metric(), range, granularity, s.support(), "chat")),
                    granularity + " support chat");
        }
    }

    private static List<SeriesBucket> expected(List<Reading> readings, DateRange range, Granularity granularity,
            Department department, String channel) {
        TreeMap<LocalDate, MetricStatistics> buckets = new TreeMap<>();
        for (Reading r : readings) {
            boolean inScope = range.contains(r.day())
                    && (department == null || (r.department() != null && r.department().id().equals(department.id())))
                    && (channel == null || channel.equals(r.channel()));
            if (inScope) {
                buckets.merge(Period.containing(r.day(), granularity).start(), r.statistics(), MetricStatistics::merge);
            }
        }
        return buckets.entrySet().stream()
                .map(e -> new SeriesBucket(new Period(e.getKey(), granularity), e.getValue()))
                .toList();
    }

    @Test
    void aGaugeMergedInSqlKeepsTheLatestValueAndTheWeightedMean(TestDatabase db) {
        Setup s = setup(db, MetricKind.GAUGE);
        Instant morning = Instant.parse("2026-03-10T08:00:00Z");
        Instant evening = Instant.parse("2026-03-10T18:00:00Z");
        List<GaugeStatistics> gauges = List.of(
                GaugeStatistics.of(300, 10, morning),
                GaugeStatistics.of(360, 30, evening),
                // same instant as the latest: the higher value wins, as in the domain's merge
                GaugeStatistics.of(340, 20, evening),
                GaugeStatistics.of(280, 40, Instant.parse("2026-03-09T12:00:00Z")));
        store(db, gauges.stream().map(g -> reading(s.metric(), LocalDate.ofInstant(g.lastAt(), ZoneOffset.UTC),
                s.support(), null, g)).toList());

        MetricStatistics sql = db.inTransaction(em -> new JpaMetricSeriesRepository(em).total(s.metric(), MARCH, List.of()));
        MetricStatistics domain = gauges.stream().map(MetricStatistics.class::cast).reduce(MetricStatistics::merge).orElseThrow();
        assertEquals(domain, sql);
        GaugeStatistics gauge = (GaugeStatistics) sql;
        // (300×10 + 360×30 + 340×20 + 280×40) / 100 = 318
        assertEquals(318.0, gauge.weightedMean().getAsDouble(), 1e-9);
        assertEquals(360.0, gauge.last().getAsDouble(), 1e-9);
    }

    @Test
    void dailySeriesForManyScopesComeFromOneQueryEachWithItsOwnReadings(TestDatabase db) {
        Setup s = setup(db, MetricKind.MEAN_SCORE);
        LocalDate d1 = LocalDate.of(2026, 3, 1);
        LocalDate d2 = LocalDate.of(2026, 3, 2);
        store(db, List.of(
                reading(s.metric(), d1, s.support(), null, new MeanScoreStatistics(88, 10)),
                reading(s.metric(), d1, s.billing(), null, new MeanScoreStatistics(60, 10)),
                reading(s.metric(), d2, s.support(), "chat", new MeanScoreStatistics(45, 5)),
                reading(s.metric(), d2, s.support(), "phone", new MeanScoreStatistics(36, 5))));
        SeriesScope support = new SeriesScope(s.metric(), s.support(), MARCH);
        SeriesScope everyone = new SeriesScope(s.metric(), null, MARCH);
        SeriesScope firstDayOnly = new SeriesScope(s.metric(), null, new DateRange(d1, d1));
        SeriesScope none = new SeriesScope(s.metric(), s.billing(), new DateRange(d2, d2));

        Map<SeriesScope, List<SeriesPoint>> series = db.inTransaction(em -> new JpaMetricSeriesRepository(em)
                .daily(List.of(support, everyone, firstDayOnly, none)));

        assertEquals(List.of(new SeriesPoint(d1, new MeanScoreStatistics(88, 10)), new SeriesPoint(d2, new MeanScoreStatistics(81, 10))),
                series.get(support));
        assertEquals(List.of(new SeriesPoint(d1, new MeanScoreStatistics(148, 20)), new SeriesPoint(d2, new MeanScoreStatistics(81, 10))),
                series.get(everyone));
        assertEquals(List.of(new SeriesPoint(d1, new MeanScoreStatistics(148, 20))), series.get(firstDayOnly));
        assertEquals(List.of(), series.get(none));
    }

    @Test
    void theSeriesOfSeveralMetricsReadAtOnceAreEachMetricsOwnSeriesNowAndAsKnownThen(TestDatabase db) {
        Setup s = setup(db, MetricKind.NPS);
        Metric score = db.inTransaction(em -> Fixtures.metric(em, MetricKind.MEAN_SCORE, Direction.HIGHER_IS_BETTER, s.support()));
        Metric silent = db.inTransaction(em -> Fixtures.metric(em, MetricKind.GAUGE, Direction.HIGHER_IS_BETTER, s.support()));
        Random random = new Random(20260317);
        List<Reading> readings = new ArrayList<>();
        Instant later = RECEIVED.plusSeconds(3600);
        for (int day = 0; day < 90; day++) {
            LocalDate date = LocalDate.of(2026, 1, 1).plusDays(day);
            for (Department department : new Department[] {s.support(), s.billing(), null}) {
                String channel = random.nextBoolean() ? "phone" : "chat";
                // a third of the readings arrive after the instant the past is read at
                Instant received = random.nextInt(3) == 0 ? later : RECEIVED;
                readings.add(new Reading(s.metric(), date, department, channel,
                        new NpsStatistics(random.nextInt(30), random.nextInt(20), 1 + random.nextInt(15)), "test",
                        UUID.randomUUID().toString(), received));
                readings.add(new Reading(score, date, department, channel, new MeanScoreStatistics(random.nextInt(50), 10),
                        "test", UUID.randomUUID().toString(), received));
            }
        }
        store(db, readings);
        DateRange range = new DateRange(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 20));

        for (Instant knownAt : new Instant[] {null, RECEIVED}) {
            for (Department department : new Department[] {s.support(), null}) {
                Map<?, List<SeriesBucket>> together = db.inTransaction(em -> new JpaMetricSeriesRepository(em)
                        .seriesOfMetrics(List.of(score, silent, s.metric()), range, Granularity.WEEK, department, knownAt));
                assertEquals(List.of(score.key(), silent.key(), s.metric().key()), List.copyOf(together.keySet()));
                for (Metric metric : List.of(score, silent, s.metric())) {
                    assertEquals(db.inTransaction(em -> new JpaMetricSeriesRepository(em).series(metric, range, Granularity.WEEK,
                            department, null, knownAt)), together.get(metric.key()), metric.key() + " known at " + knownAt);
                }
                assertEquals(List.of(), together.get(silent.key()));
                assertNotEquals(List.of(), together.get(score.key()));
            }
        }
    }

    /**
     * Today's days (the day sums of reading_daily, a department's read row by row) are exactly what the raw readings
     * sum to (the as-of path, summed from the readings received by an instant after all of them), for every kind:
     * several channels a day, a department's scope, the company's, a window cutting the days.
     */
    @Test
    void todaysDaysFromTheDaySumsEqualTheRawReadingsSummedForEveryKind(TestDatabase db) {
        LocalDate d1 = LocalDate.of(2026, 3, 1);
        LocalDate d2 = LocalDate.of(2026, 3, 2);
        LocalDate d3 = LocalDate.of(2026, 3, 3);
        Instant morning = Instant.parse("2026-03-02T08:00:00Z");
        Instant evening = Instant.parse("2026-03-02T18:00:00Z");
        for (MetricKind kind : MetricKind.values()) {
            Setup s = setup(db, kind);
            List<MetricStatistics> samples = switch (kind) {
                case NPS -> List.of(new NpsStatistics(5, 3, 2), new NpsStatistics(1, 0, 4), new NpsStatistics(7, 2, 0));
                case CSAT -> List.of(new CsatStatistics(8, 10),
                        new CsatStatistics(3, 9), new CsatStatistics(1, 1));
                case MEAN_SCORE -> List.of(new MeanScoreStatistics(88.5, 10), new MeanScoreStatistics(12.25, 3),
                        new MeanScoreStatistics(7, 1));
                case RATIO -> List.of(new RatioStatistics(3, 7),
                        new RatioStatistics(0, 5), new RatioStatistics(9, 9));
                case GAUGE -> List.of(GaugeStatistics.of(300, 10, morning), GaugeStatistics.of(360, 30, evening),
                        GaugeStatistics.of(340, 20, evening));
            };
            store(db, List.of(
                    reading(s.metric(), d1, s.support(), "phone", samples.get(0)),
                    reading(s.metric(), d1, s.support(), "chat", samples.get(1)),
                    reading(s.metric(), d2, s.support(), "phone", samples.get(2)),
                    reading(s.metric(), d2, s.support(), null, samples.get(0)),
                    reading(s.metric(), d2, s.billing(), "phone", samples.get(1)),
                    reading(s.metric(), d3, null, null, samples.get(2)),
                    reading(s.metric(), d3, s.billing(), "email", samples.get(0))));
            List<SeriesScope> scopes = List.of(new SeriesScope(s.metric(), s.support(), MARCH),
                    new SeriesScope(s.metric(), s.billing(), new DateRange(d2, d2)),
                    new SeriesScope(s.metric(), null, MARCH),
                    new SeriesScope(s.metric(), null, new DateRange(d2, d3)));

            Map<SeriesScope, List<SeriesPoint>> today = db.inTransaction(em -> new JpaMetricSeriesRepository(em).daily(scopes));
            Map<SeriesScope, List<SeriesPoint>> raw = db.inTransaction(em -> new JpaMetricSeriesRepository(em)
                    .daily(scopes, RECEIVED.plusSeconds(1)));

            assertEquals(raw, today, kind.name());
            assertEquals(2, today.get(scopes.get(0)).size(), kind.name());
            assertEquals(3, today.get(scopes.get(2)).size(), kind.name());
        }
    }
}
