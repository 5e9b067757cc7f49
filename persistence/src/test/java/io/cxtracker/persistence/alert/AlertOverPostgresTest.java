package io.cxtracker.persistence.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.AlertView;
import io.cxtracker.domain.alert.Audience;
import io.cxtracker.domain.alert.MilestoneAlertFacts;
import io.cxtracker.domain.alert.NewAlert;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.support.ConnectionSource;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The alert outbox and its read model over PostgreSQL, as the runtime role: the dedup key stores an alert once
 * however often (and however concurrently) it is raised; the inbox shows a reader their audiences' alerts, not
 * their own actions', once per alert even when they are in two of its audiences; read marks are per reader.
 */
@ExtendWith(PostgresExtension.class)
class AlertOverPostgresTest {
    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00Z");

    private static NewAlert alert(String audience, long subject, String period, String actor) {
        return new NewAlert(AlertKind.CHECK_IN_DUE, "milestone", subject, new Audience(audience), period, "Check-in due",
                "No check-in for 14 days", "departments/x", actor);
    }

    @Test
    void raisingTheSameAlertTwiceOrOnTwoNodesAtOnceStoresItOnce(TestDatabase db) throws Exception {
        JdbcAlertRepository alerts = new JdbcAlertRepository(ConnectionSource.of(db));
        long subject = System.nanoTime();
        List<NewAlert> raised = List.of(alert("leads:ops", subject, "2026-03-06#1", null),
                alert("leads:billing", subject, "2026-03-06#1", null));
        assertEquals(2, alerts.store(raised, NOW));
        assertEquals(0, alerts.store(raised, NOW));
        // two "nodes" storing the next cycle's reminders at the same moment
        List<NewAlert> next = List.of(alert("leads:ops", subject, "2026-03-06#2", null));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> store = () -> alerts.store(next, NOW);
            List<Future<Integer>> results = nodes.invokeAll(List.of(store, store));
            assertEquals(1, results.get(0).get() + results.get(1).get());
        } finally {
            nodes.shutdown();
        }
        assertEquals(3, db.number("SELECT count(*) FROM alert WHERE subject_id = " + subject));
    }

    @Test
    void theInboxShowsTheReadersAudiencesOnceWithoutTheirOwnActionsAndKeepsReadMarksPerReader(TestDatabase db) {
        JdbcAlertRepository alerts = new JdbcAlertRepository(ConnectionSource.of(db));
        long subject = System.nanoTime();
        String a = "leads:a" + subject;
        String b = "leads:b" + subject;
        alerts.store(List.of(alert(a, subject, "p1", null), alert(b, subject, "p1", null),
                alert(a, subject + 1, "p1", "lee"), alert("leads:other" + subject, subject + 2, "p1", null)), NOW);
        Set<Audience> mine = Set.of(new Audience(a), new Audience(b));
        Set<AlertKind> all = EnumSet.allOf(AlertKind.class);
        // the alert to both audiences counts once; the one lee caused and the other department's are not lee's
        List<AlertView> inbox = alerts.inbox(mine, all, "lee", false, PageRequest.first(10)).items();
        assertEquals(1, inbox.size());
        assertEquals(1, alerts.unread(mine, all, "lee"));
        assertEquals(2, alerts.unread(mine, all, "kim"));
        assertEquals(0, alerts.unread(mine, EnumSet.of(AlertKind.OVERDUE), "lee"));

        long id = inbox.getFirst().id();
        assertTrue(alerts.markRead(id, "lee", NOW));
        assertFalse(alerts.markRead(id, "lee", NOW));
        assertEquals(0, alerts.unread(mine, all, "lee"));
        assertTrue(alerts.inbox(mine, all, "lee", false, PageRequest.first(10)).items().getFirst().read());
        assertEquals(0, alerts.inbox(mine, all, "lee", true, PageRequest.first(10)).total());
        assertEquals(2, alerts.unread(mine, all, "kim"));
        // an alert of another audience is not found for this reader
        assertTrue(alerts.find(id, Set.of(new Audience("leads:other" + subject)), "lee").isEmpty());
    }

    @Test
    void theFactsOfAMilestoneCarryItsInitiativesRaciAndLatestCheckIn(TestDatabase db) {
        long[] ids = new long[2];
        String[] codes = new String[4];
        db.run(em -> {
            Department accountable = Fixtures.department(em, "acc");
            Department responsible = Fixtures.department(em, "resp");
            Department consulted = Fixtures.department(em, "cons");
            Department informed = Fixtures.department(em, "inf");
            Program program = Fixtures.program(em);
            Initiative initiative = Fixtures.initiative(em, program, 1, Pillar.MEASURE, accountable,
                    Map.of(responsible, RaciRole.RESPONSIBLE, consulted, RaciRole.CONSULTED, informed, RaciRole.INFORMED));
            Milestone milestone = Fixtures.milestone(em, initiative, responsible, LocalDate.of(2026, 6, 30));
            milestone.checkIn(CheckInStatus.IN_PROGRESS, 40, "under way", List.of(), "lee",
                    Instant.parse("2026-03-01T23:30:00Z"));
            em.flush();
            ids[0] = program.id();
            ids[1] = milestone.id();
            codes[0] = accountable.code().value();
            codes[1] = responsible.code().value();
            codes[2] = informed.code().value();
        });
        List<MilestoneAlertFacts> facts = new JdbcAlertFactsRepository(ConnectionSource.of(db)).milestones(ids[0]);
        assertEquals(1, facts.size());
        MilestoneAlertFacts m = facts.getFirst();
        assertEquals(ids[1], m.id());
        assertEquals(codes[1], m.ownerDepartment());
        assertEquals(codes[0], m.raci().accountable());
        assertEquals(Set.of(codes[1]), m.raci().responsible());
        assertEquals(Set.of(codes[2]), m.raci().informed());
        assertEquals(CheckInStatus.IN_PROGRESS, m.reportedStatus());
        // 23:30 UTC is still the 1st in UTC
        assertEquals(LocalDate.of(2026, 3, 1), m.lastCheckIn());
        assertEquals(LocalDate.of(2026, 6, 30), m.due());
    }
}
