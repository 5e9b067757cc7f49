package io.cxtracker.persistence.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.GaugeStatistics;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.NpsStatistics;
import io.cxtracker.domain.metric.RatioStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * reading_daily (V18) holds, for every series and day, exactly the sums of the raw readings, whatever wrote them:
 * the repository's inserts, a re-sent survey batch's update, the owner's delete. Figures by hand.
 */
@ExtendWith(PostgresExtension.class)
class ReadingDailyOverPostgresTest {
    private static final Instant RECEIVED = Instant.parse("2026-12-31T23:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static Reading reading(Metric metric, LocalDate day, Department department, String channel, MetricStatistics s) {
        return new Reading(metric, day, department, channel, s, "test", UUID.randomUUID().toString(), RECEIVED);
    }

    /** "readings promoters passives detractors numerator denominator weighted-sum weight last last-at" of one day. */
    private static String daily(TestDatabase db, long metric, Long department, LocalDate day) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT readings, promoters, passives, detractors, numerator, denominator, gauge_weighted_sum, gauge_weight,
                       gauge_last_value, to_char(gauge_last_at AT TIME ZONE 'UTC', 'HH24:MI') FROM reading_daily
                 WHERE metric_id = %d AND department_id IS NOT DISTINCT FROM %s AND day = '%s'"""
                .formatted(metric, department == null ? "NULL" : department.toString(), day))) {
            if (!rs.next()) {
                return "none";
            }
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                values.add(rs.getString(i));
            }
            return String.join(" ", values);
        }
    }

    @Test
    void aDaysSumsFollowEveryInsertOfItsReadingsWhateverTheChannel(TestDatabase db) throws SQLException {
        {
            Department support = db.inTransaction(em -> Fixtures.department(em, "support"));
            Metric nps = db.inTransaction(em -> Fixtures.metric(em, MetricKind.NPS, Direction.HIGHER_IS_BETTER, support));
            Metric fcr = db.inTransaction(em -> Fixtures.metric(em, MetricKind.RATIO, Direction.HIGHER_IS_BETTER, support));
            db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(List.of(
                    reading(nps, DAY, support, "phone", new NpsStatistics(5, 3, 2)),
                    reading(nps, DAY, support, "chat", new NpsStatistics(1, 0, 4)),
                    reading(nps, DAY.plusDays(1), support, "phone", new NpsStatistics(7, 0, 0)),
                    reading(nps, DAY, null, "phone", new NpsStatistics(2, 2, 2)),
                    reading(fcr, DAY, support, "phone", new RatioStatistics(30, 40)))));
            // a second statement adds to the same day
            db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(List.of(
                    reading(nps, DAY, support, "email", new NpsStatistics(0, 1, 0)))));

            // phone 5/3/2 + chat 1/0/4 + email 0/1/0 = 6/4/6 over 3 readings
            assertEquals("3 6 4 6 0 0 0 0 null null", daily(db, nps.id(), support.id(), DAY));
            assertEquals("1 7 0 0 0 0 0 0 null null", daily(db, nps.id(), support.id(), DAY.plusDays(1)));
            assertEquals("1 2 2 2 0 0 0 0 null null", daily(db, nps.id(), null, DAY), "the company-wide series is its own");
            assertEquals("1 0 0 0 30 40 0 0 null null", daily(db, fcr.id(), support.id(), DAY));
        }
    }

    @Test
    void aGaugeKeepsTheLatestValueOfTheDayAndItsWeightedSum(TestDatabase db) throws SQLException {
        {
            Department support = db.inTransaction(em -> Fixtures.department(em, "support"));
            Metric queue = db.inTransaction(em -> Fixtures.metric(em, MetricKind.GAUGE, Direction.LOWER_IS_BETTER, support));
            Instant nine = Instant.parse("2026-03-02T09:00:00Z");
            Instant noon = Instant.parse("2026-03-02T12:00:00Z");
            db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(List.of(
                    reading(queue, DAY, support, "phone", new GaugeStatistics(8 * 2, 2, 8, noon)),
                    reading(queue, DAY, support, "chat", new GaugeStatistics(5 * 3, 3, 5, nine)))));
            // a later statement: a value at noon too, larger, wins the tie; an earlier one does not replace it
            db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(List.of(
                    reading(queue, DAY, support, "email", new GaugeStatistics(9, 1, 9, noon)))));
            db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(List.of(
                    reading(queue, DAY, support, "sms", new GaugeStatistics(20, 1, 20, nine)))));

            // weighted 16 + 15 + 9 + 20 = 60 over weight 2 + 3 + 1 + 1 = 7; latest: noon, 9 beats 8
            assertEquals("4 0 0 0 0 0 60 7 9 12:00", daily(db, queue.id(), support.id(), DAY));
        }
    }

    @Test
    void aReSentSurveyBatchAddsItsDifferenceAndAnOwnersDeleteTakesItsRowsOut(TestDatabase db) throws SQLException {
        {
            Department support = db.inTransaction(em -> Fixtures.department(em, "support"));
            Metric nps = db.inTransaction(em -> Fixtures.metric(em, MetricKind.NPS, Direction.HIGHER_IS_BETTER, support));
            Reading phone = reading(nps, DAY, support, "phone", new NpsStatistics(5, 3, 2));
            Reading chat = reading(nps, DAY, support, "chat", new NpsStatistics(1, 1, 1));
            Reading nextDay = reading(nps, DAY.plusDays(1), support, "chat", new NpsStatistics(4, 0, 0));
            db.inTransaction(em -> new JpaReadingRepository(em).addAllIfAbsent(List.of(phone, chat, nextDay)));

            // as the survey merge does: the reading's running sums grow by 2/0/1
            db.execute("UPDATE reading SET promoters = promoters + 2, detractors = detractors + 1 WHERE idempotency_key = '"
                    + phone.idempotencyKey() + "'");
            assertEquals("2 8 4 4 0 0 0 0 null null", daily(db, nps.id(), support.id(), DAY));

            assertThrows(SQLException.class, () -> db.execute("UPDATE reading SET day = day + 1 WHERE idempotency_key = '"
                    + phone.idempotencyKey() + "'"), "a reading does not move to another day");

            db.executeAsOwner("DELETE FROM reading WHERE idempotency_key = '" + chat.idempotencyKey() + "'");
            assertEquals("1 7 3 3 0 0 0 0 null null", daily(db, nps.id(), support.id(), DAY));
            // the merged reading's earlier state is history (reading_revision, V15): as-of reads need it, so even the
            // owner cannot delete the reading from under it
            assertThrows(SQLException.class, () -> db.executeAsOwner("DELETE FROM reading WHERE idempotency_key = '"
                    + phone.idempotencyKey() + "'"), "a merged reading is held by its history");
            assertEquals("1 7 3 3 0 0 0 0 null null", daily(db, nps.id(), support.id(), DAY));

            assertEquals("1 4 0 0 0 0 0 0 null null", daily(db, nps.id(), support.id(), DAY.plusDays(1)));
            db.executeAsOwner("DELETE FROM reading WHERE idempotency_key = '" + nextDay.idempotencyKey() + "'");
            assertEquals("none", daily(db, nps.id(), support.id(), DAY.plusDays(1)), "a day without readings has no sums");
        }
    }
}
