package io.cxtracker.persistence.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.assessment.AssessmentView;
import io.cxtracker.domain.assessment.MaturityDistribution;
import io.cxtracker.domain.assessment.MaturityLevel;
import io.cxtracker.domain.assessment.MaturityQuestionnaire;
import io.cxtracker.domain.assessment.NewAssessment;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.support.Fixtures;
import io.cxtracker.persistence.support.ListenServices;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.support.TestUser;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Assessments as a history, and the distribution counting each department once at its latest level. */
@ExtendWith(PostgresExtension.class)
class AssessmentOverPostgresTest {
    private static final Clock SEPTEMBER_30 = Clock.fixed(Instant.parse("2026-09-30T17:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private static Map<String, Integer> all(int score) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        MaturityQuestionnaire.QUESTIONS.forEach(q -> answers.put(q.key(), score));
        return answers;
    }

    private <T> T asAdmin(TestDatabase db, Function<ListenServices, T> work) {
        return db.inTransaction(em -> work.apply(ListenServices.of(em, TestUser.programAdmin(), SEPTEMBER_30)));
    }

    @Test
    void theDistributionCountsEveryDepartmentOnceAtItsLatestLevel(TestDatabase db) {
        Department a = db.inTransaction(em -> Fixtures.department(em, "alpha"));
        Department b = db.inTransaction(em -> Fixtures.department(em, "beta"));
        db.inTransaction(em -> Fixtures.department(em, "gamma"));
        MaturityDistribution before = asAdmin(db, s -> s.assessments().distribution(JUNE_30));

        asAdmin(db, s -> s.assessments().record(new NewAssessment(a.code().value(), MARCH_31, all(1), null)));
        asAdmin(db, s -> s.assessments().record(new NewAssessment(a.code().value(), JUNE_30, all(3), "much better")));
        asAdmin(db, s -> s.assessments().record(new NewAssessment(b.code().value(), MARCH_31, all(2), null)));
        // after the day asked about: does not count
        asAdmin(db, s -> s.assessments().record(new NewAssessment(b.code().value(), LocalDate.of(2026, 9, 1), all(0), null)));

        MaturityDistribution after = asAdmin(db, s -> s.assessments().distribution(JUNE_30));
        Map<MaturityLevel, Integer> added = new EnumMap<>(MaturityLevel.class);
        after.levels().forEach((level, count) -> added.put(level, count - before.levels().get(level)));
        // alpha mature (its June assessment, not March's novice), beta competent; gamma still unassessed
        assertEquals(Map.of(MaturityLevel.IGNORE, 0, MaturityLevel.NOVICE, 0, MaturityLevel.COMPETENT, 1,
                MaturityLevel.MATURE, 1), added);
        assertEquals(before.departments(), after.departments());
        assertEquals(before.unassessed() - 2, after.unassessed());

        MaturityDistribution september = asAdmin(db, s -> s.assessments().distribution(LocalDate.of(2026, 9, 30)));
        assertEquals(after.levels().get(MaturityLevel.IGNORE) + 1, september.levels().get(MaturityLevel.IGNORE));

        List<AssessmentView> history = asAdmin(db, s -> s.assessments().history(a.code().value(), PageRequest.first(10)))
                .items();
        assertEquals(List.of(JUNE_30, MARCH_31), history.stream().map(AssessmentView::assessedOn).toList());
        assertEquals(3.0, history.get(0).meanScore());
        assertEquals("much better", history.get(0).notes());
        assertEquals("ada-admin", history.get(0).assessedBy());
    }

    @Test
    void oneAssessmentPerDepartmentAndDayAndTheHistoryCannotBeRewritten(TestDatabase db) {
        Department d = db.inTransaction(em -> Fixtures.department(em, "delta"));
        AssessmentView first = asAdmin(db, s -> s.assessments().record(new NewAssessment(d.code().value(), MARCH_31, all(2), null)));
        assertThrows(AlreadyExistsException.class,
                () -> asAdmin(db, s -> s.assessments().record(new NewAssessment(d.code().value(), MARCH_31, all(4), null))));
        assertThrows(SQLException.class, () -> db.execute("UPDATE maturity_assessment SET level = 'MATURE' WHERE id = " + first.id()));
        assertThrows(SQLException.class, () -> db.execute("DELETE FROM maturity_answer WHERE assessment_id = " + first.id()));
    }

    @Test
    void aLeadAssessesOnlyTheirOwnDepartment(TestDatabase db) {
        Department d = db.inTransaction(em -> Fixtures.department(em, "epsilon"));
        Department other = db.inTransaction(em -> Fixtures.department(em, "zeta"));
        var lead = TestUser.leadOf(d.code());
        AssessmentView own = db.inTransaction(em -> ListenServices.of(em, lead, SEPTEMBER_30).assessments()
                .record(new NewAssessment(d.code().value(), MARCH_31, all(1), null)));
        assertEquals(MaturityLevel.NOVICE, own.level());
        assertThrows(io.cxtracker.domain.security.AccessDeniedException.class, () -> db.inTransaction(em ->
                ListenServices.of(em, lead, SEPTEMBER_30).assessments()
                        .record(new NewAssessment(other.code().value(), MARCH_31, all(1), null))));
    }
}
