package io.cxtracker.persistence.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeRevision;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.Services;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Initiatives and programs as of a past instant against PostgreSQL, over the history the V22 triggers append: an
 * initiative is renamed, moved to another pillar and phase and handed to another department, and its program renamed;
 * every read as of before that (the milestones' facts, the initiative, the list by department, the program's name)
 * shows the plan of then, every read after it the new one. The instants are the database's, so the real clock.
 */
@ExtendWith(PostgresExtension.class)
class InitiativeAsOfOverPostgresTest {
    private static final Clock NOW = Clock.systemUTC();

    private <T> T as(TestDatabase db, CurrentUser user, Function<Services, T> work) {
        return db.inTransaction(em -> work.apply(Services.of(em, user, NOW)));
    }

    private static Instant between() throws InterruptedException {
        Thread.sleep(5);
        Instant instant = Instant.now();
        Thread.sleep(5);
        return instant;
    }

    @Test
    void theInitiativeAndProgramOfThenUntilTheyChange(TestDatabase db) throws Exception {
        Department support = db.inTransaction(em -> Fixtures.department(em, "support"));
        Department ops = db.inTransaction(em -> Fixtures.department(em, "ops"));
        String care = support.code().value();
        String run = ops.code().value();
        TestUser admin = TestUser.programAdmin();
        LocalDate today = LocalDate.now(NOW);

        Instant beforeAll = between();
        long programId = as(db, admin, s -> s.setup().createProgram(new NewProgram("Old name", LocalDate.of(2026, 1, 1), null))).id();
        Map<String, RaciRole> contributors = new LinkedHashMap<>();
        contributors.put(run, RaciRole.RESPONSIBLE);
        InitiativeSummary created = as(db, admin, s -> s.setup().createInitiative(new NewInitiative(programId, 1,
                Pillar.MEASURE, "Measure after every contact", null, care, contributors)));
        long initiative = created.id();
        as(db, admin, s -> s.milestones().create(new NewMilestone(initiative, "Survey live", null, care, "alice",
                today.plusMonths(6), null, null)));
        assertEquals(1, historyRows(db, initiative), "one row for the creation, though the RACI rows came after it");

        Instant planned = between();
        InitiativeSummary renamed = as(db, admin, s -> s.setup().reviseInitiative(initiative, created.version(),
                new InitiativeRevision("Listen after every contact", "renamed", Pillar.LISTEN, 2)));
        as(db, admin, s -> s.setup().assignRaci(initiative, renamed.version(), run, RaciRole.ACCOUNTABLE));
        assertEquals(3, historyRows(db, initiative), "one row per change: the revision, then the hand-over");
        long programVersion = as(db, admin, s -> s.setup().getProgram(programId)).version();
        as(db, admin, s -> s.setup().renameProgram(programId, programVersion, "New name"));
        Instant changed = between();

        // the milestones' facts: the initiative's title, pillar and phase of then
        MilestoneFacts then = only(db.inTransaction(em -> new SqlPlanHistory(em).milestonesOfProgram(programId, planned)));
        assertEquals("Measure after every contact", then.initiativeTitle());
        assertEquals(Pillar.MEASURE, then.pillar());
        assertEquals(1, then.phaseNumber());
        MilestoneFacts now = only(db.inTransaction(em -> new SqlPlanHistory(em).milestonesOfProgram(programId, changed)));
        assertEquals("Listen after every contact", now.initiativeTitle());
        assertEquals(Pillar.LISTEN, now.pillar());
        assertEquals(2, now.phaseNumber());

        // … and so in the filtered lists (roadmap, accountability): by program, by initiative, by the pillar of then
        assertEquals("Measure after every contact", only(listed(db, filter(programId, initiative, null, null),
                planned)).initiativeTitle());
        assertEquals(1, listed(db, filter(programId, null, Pillar.MEASURE, null), planned).size());
        assertEquals(0, listed(db, filter(programId, null, Pillar.MEASURE, null), changed).size());
        assertEquals(1, listed(db, filter(programId, null, Pillar.LISTEN, 2), changed).size());
        assertEquals(0, listed(db, filter(programId + 100_000, initiative, null, null), changed).size());

        // the initiative itself: title and RACI of then; absent before it was created
        InitiativeSummary old = db.inTransaction(em -> new SqlPlanHistory(em).initiative(initiative, planned)).orElseThrow();
        assertEquals("Measure after every contact", old.title());
        assertEquals(care, old.accountableDepartment());
        assertEquals(Map.of(care, RaciRole.ACCOUNTABLE, run, RaciRole.RESPONSIBLE), old.raci());
        InitiativeSummary current = db.inTransaction(em -> new SqlPlanHistory(em).initiative(initiative, changed)).orElseThrow();
        assertEquals("Listen after every contact", current.title());
        assertEquals("renamed", current.description());
        assertEquals(Map.of(run, RaciRole.ACCOUNTABLE), current.raci());
        assertEquals(as(db, admin, s -> s.setup().getInitiative(initiative)).version(), current.version());
        assertTrue(db.inTransaction(em -> new SqlPlanHistory(em).initiative(initiative, beforeAll)).isEmpty());

        // the list by department, as the accountability view's RACI grid reads it: care is in it only before
        assertEquals(List.of(initiative), ids(db, care, planned));
        assertEquals(List.of(), ids(db, care, changed));
        assertEquals(List.of(initiative), ids(db, run, planned));
        assertEquals(List.of(initiative), ids(db, run, changed));

        // the program's name of then, in the as-of dashboard too
        assertEquals("Old name", db.inTransaction(em -> new SqlPlanHistory(em).programName(programId, planned)).orElseThrow());
        assertEquals("New name", db.inTransaction(em -> new SqlPlanHistory(em).programName(programId, changed)).orElseThrow());
        assertEquals("Old name", as(db, admin, s -> s.progress().programProgress(programId, new AsOf(planned))).programName());
        assertEquals("Measure after every contact", as(db, admin, s -> s.progress().programProgress(programId,
                new AsOf(planned))).byInitiative().getFirst().label());

        // append-only, even for the runtime login that appends
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE initiative_history SET title = 'x' WHERE initiative_id = " + initiative));
            assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "DELETE FROM program_history WHERE program_id = " + programId));
        }
    }

    private static List<Long> ids(TestDatabase db, String department, Instant at) {
        return db.inTransaction(em -> new SqlPlanHistory(em).initiatives(
                new InitiativeFilter(null, new DepartmentCode(department), null, null), new PageRequest(0, 50, null, true), at))
                .items().stream().map(InitiativeSummary::id).toList();
    }

    private static MilestoneFilter filter(Long program, Long initiative, Pillar pillar, Integer phase) {
        return new MilestoneFilter(program, initiative, null, pillar, phase, java.util.Set.of(), null, null);
    }

    private static List<MilestoneFacts> listed(TestDatabase db, MilestoneFilter filter, Instant at) {
        return db.inTransaction(em -> new SqlPlanHistory(em).allMilestones(filter, new PageRequest(0, 50, "due", true), at));
    }

    private static long historyRows(TestDatabase db, long initiative) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM initiative_history WHERE initiative_id = " + initiative)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static MilestoneFacts only(List<MilestoneFacts> facts) {
        assertEquals(1, facts.size(), facts::toString);
        return facts.getFirst();
    }
}
