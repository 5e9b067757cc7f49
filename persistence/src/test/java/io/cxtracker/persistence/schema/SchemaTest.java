package io.cxtracker.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The migrations build the schema the mappings expect (Hibernate validated it at start-up), and the
 * database itself refuses what the model refuses.
 */
@ExtendWith(PostgresExtension.class)
class SchemaTest {

    @Test
    void everyMigrationIsAppliedOnceInOrder(TestDatabase db) {
        List<String> applied = db.appliedMigrations();
        assertEquals(List.of("1", "2", "3", "4", "5"), applied.subList(0, 5));
        assertEquals(applied.size(), applied.stream().distinct().count());
        assertEquals(0, db.pendingMigrations());
    }

    @Test
    void aReadingMustCarryTheStatisticsOfItsMetricsKind(TestDatabase db) {
        long metricId = db.inTransaction(em -> {
            Department owner = Fixtures.department(em, "support");
            return Fixtures.metric(em, MetricKind.NPS, Direction.HIGHER_IS_BETTER, owner).id();
        });
        String insert = "INSERT INTO reading (metric_id, kind, day, %s, source, idempotency_key, received_at) "
                + "VALUES (" + metricId + ", '%s', DATE '2026-03-01', %s, 'test', '%s', now())";
        // CSAT columns on an NPS metric
        assertCheckViolation(db, insert.formatted("satisfied, responses", "NPS", "3, 4", "k1"));
        // a reading claiming another kind than its metric's
        assertForeignKeyViolation(db, insert.formatted("satisfied, responses", "CSAT", "3, 4", "k2"));
        // negative counts, and nothing measured
        assertCheckViolation(db, insert.formatted("promoters, passives, detractors", "NPS", "-1, 2, 3", "k3"));
        assertCheckViolation(db, insert.formatted("promoters, passives, detractors", "NPS", "0, 0, 0", "k4"));
        // the same key twice from the same source
        assertDoesNotThrowSql(db, insert.formatted("promoters, passives, detractors", "NPS", "1, 2, 3", "k5"));
        SQLException duplicate = assertThrows(SQLException.class,
                () -> db.execute(insert.formatted("promoters, passives, detractors", "NPS", "1, 2, 3", "k5")));
        assertEquals("23505", duplicate.getSQLState());
    }

    @Test
    void aRatioNumeratorCannotExceedItsDenominator(TestDatabase db) {
        long metricId = db.inTransaction(em -> {
            Department owner = Fixtures.department(em, "support");
            return Fixtures.metric(em, MetricKind.RATIO, Direction.HIGHER_IS_BETTER, owner).id();
        });
        assertCheckViolation(db, "INSERT INTO reading (metric_id, kind, day, numerator, denominator, source, idempotency_key,"
                + " received_at) VALUES (" + metricId + ", 'RATIO', DATE '2026-03-01', 11, 10, 'test', 'r1', now())");
    }

    @Test
    void milestoneInvariantsHoldInTheDatabaseToo(TestDatabase db) {
        long milestoneId = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Program program = Fixtures.program(em);
            Initiative initiative = Fixtures.initiative(em, program, 1, Pillar.MEASURE, support, Map.of());
            return Fixtures.milestone(em, initiative, support, LocalDate.of(2026, 6, 30)).id();
        });
        assertCheckViolation(db, "UPDATE milestone SET progress = 101 WHERE id = " + milestoneId);
        assertCheckViolation(db, "UPDATE milestone SET override_status = 'DONE', override_by = 'bob', override_at = now()"
                + " WHERE id = " + milestoneId);
        assertCheckViolation(db, "UPDATE milestone SET override_status = 'DONE', override_reason = '  ', override_by = 'bob',"
                + " override_at = now() WHERE id = " + milestoneId);
        assertCheckViolation(db, "UPDATE milestone SET weight = 0 WHERE id = " + milestoneId);
    }

    @Test
    void checkInsAreAppendOnly(TestDatabase db) {
        long milestoneId = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Program program = Fixtures.program(em);
            Initiative initiative = Fixtures.initiative(em, program, 1, Pillar.CHANGE, support, Map.of());
            Milestone milestone = Fixtures.milestone(em, initiative, support, LocalDate.of(2026, 6, 30));
            milestone.checkIn(CheckInStatus.IN_PROGRESS, 20, "started", List.of("https://example.com/e"), "alice",
                    Instant.parse("2026-02-01T10:00:00Z"));
            return milestone.id();
        });
        assertEquals(1, db.number("SELECT count(*) FROM check_in WHERE milestone_id = " + milestoneId));
        // the runtime role may not even try (RuntimeGrantsOverPostgresTest); the trigger refuses the owner too
        SQLException update = assertThrows(SQLException.class,
                () -> db.executeAsOwner("UPDATE check_in SET progress = 90 WHERE milestone_id = " + milestoneId));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(SQLException.class, () -> db.executeAsOwner("DELETE FROM check_in WHERE milestone_id = " + milestoneId));
        assertThrows(SQLException.class, () -> db.executeAsOwner("DELETE FROM check_in_evidence"));
        assertEquals(1, db.number("SELECT count(*) FROM check_in WHERE milestone_id = " + milestoneId));
    }

    @Test
    void anInitiativesPhaseMustBelongToItsProgram(TestDatabase db) {
        long[] ids = db.inTransaction(em -> {
            Department support = Fixtures.department(em, "support");
            Program first = Fixtures.program(em);
            Program second = Fixtures.program(em);
            Initiative initiative = Fixtures.initiative(em, first, 1, Pillar.LISTEN, support, Map.of());
            return new long[] {initiative.id(), second.phase(1).orElseThrow().id()};
        });
        assertForeignKeyViolation(db, "UPDATE initiative SET phase_id = " + ids[1] + " WHERE id = " + ids[0]);
    }

    private static void assertCheckViolation(TestDatabase db, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> db.execute(sql), sql);
        assertEquals("23514", e.getSQLState(), e.getMessage());
    }

    private static void assertForeignKeyViolation(TestDatabase db, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> db.execute(sql), sql);
        assertEquals("23503", e.getSQLState(), e.getMessage());
    }

    private static void assertDoesNotThrowSql(TestDatabase db, String sql) {
        try {
            db.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
