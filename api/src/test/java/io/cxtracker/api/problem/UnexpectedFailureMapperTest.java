package io.cxtracker.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnexpectedFailureMapperTest {
    private static final String DATABASE_WORDS = "ERROR: new row for relation \"feedback\" violates check constraint \"x\" "
            + "Detail: Failing row contains (448, CHAT, Item 500, secret text)";

    @Test
    void aRefusedWriteIsA500ProblemThatQuotesNothingOfTheDatabase() {
        Problem problem = UnexpectedFailureMapper.problem(new IllegalStateException("JDBC exception executing SQL [INSERT INTO "
                + "feedback …] " + DATABASE_WORDS, new SQLException(DATABASE_WORDS)), "/api/feedback");
        assertEquals(500, problem.status());
        assertTrue(problem.type().endsWith("/internal-error"), problem.type());
        assertEquals("/api/feedback", problem.instance());
        assertTrue(problem.detail().contains("nothing of it was stored"), problem.detail());
        assertTrue(problem.detail().matches(".*Incident [0-9a-f-]{36} .*"), problem.detail());
        assertFalse(problem.toString().contains("INSERT") || problem.toString().contains("Failing row")
                || problem.toString().contains("secret"), problem::toString);
    }

    @Test
    void anyOtherFailureIsA500ThatClaimsNothingAboutStorage() {
        Problem problem = UnexpectedFailureMapper.problem(new IllegalArgumentException("internal detail"), "/api/programs");
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("nothing of it was stored"), problem.detail());
        assertFalse(problem.toString().contains("internal detail"), problem::toString);
    }

    @Test
    void aVersionLostWhileWritingIsAConflict() {
        Problem problem = UnexpectedFailureMapper.problem(new RuntimeException("flush failed",
                new jakarta.persistence.OptimisticLockException("row was updated")), "/api/milestones/1");
        assertEquals(409, problem.status());
        assertTrue(problem.type().endsWith("/concurrent-update"), problem.type());
    }

    @Test
    void aDatabaseThatCannotBeReachedIsA503ThatSaysNothingWasStored() {
        Problem refused = UnexpectedFailureMapper.problem(new RuntimeException("could not prepare statement",
                new SQLException("Connection to 127.0.0.1:5499 refused", "08001")), "/api/metrics/nps/readings");
        assertEquals(503, refused.status());
        assertTrue(refused.type().endsWith("/database-unavailable"), refused.type());
        assertTrue(refused.detail().contains("nothing of this request was stored"), refused.detail());
        assertFalse(refused.toString().contains("5499"), refused::toString);

        Problem shuttingDown = UnexpectedFailureMapper.problem(new IllegalStateException("flush",
                new SQLException("terminating connection due to administrator command", "57P01")), "/api/milestones/1/check-ins");
        assertEquals(503, shuttingDown.status());
    }

    @Test
    void aPoolThatCannotOpenAConnectionIsA503() {
        Exception pool = new SQLException("IJ000453: Unable to get managed connection for java:jboss/datasources/CxDS",
                new jakarta.resource.ResourceException("IJ031084: Unable to create connection"));
        assertTrue(UnexpectedFailureMapper.databaseUnreachable(new RuntimeException(pool)));
        assertEquals(503, UnexpectedFailureMapper.problem(new RuntimeException(pool), "/api/programs").status());
    }

    @Test
    void aStatementTheDatabaseRefusedIsNotAnOutage() {
        // 23514 check_violation, 40P01 deadlock: the database answered, so the request failed, not the connection
        assertFalse(UnexpectedFailureMapper.databaseUnreachable(new SQLException("check", "23514")));
        assertFalse(UnexpectedFailureMapper.databaseUnreachable(new SQLException("deadlock", "40P01")));
        assertFalse(UnexpectedFailureMapper.databaseUnreachable(new SQLException("no state")));
    }
}
