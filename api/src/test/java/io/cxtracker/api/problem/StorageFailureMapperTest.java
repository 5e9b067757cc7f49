package io.cxtracker.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StorageFailureMapperTest {
    private static final String DATABASE_WORDS = "ERROR: new row for relation \"feedback\" violates check constraint \"x\" "
            + "Detail: Failing row contains (448, CHAT, Item 500, secret text)";

    @Test
    void aRefusedWriteIsA500ProblemThatQuotesNothingOfTheDatabase() {
        Problem problem = StorageFailureMapper.problem(
                new PersistenceException("JDBC exception executing SQL [INSERT INTO feedback …] " + DATABASE_WORDS,
                        new SQLException(DATABASE_WORDS)), "/api/feedback");
        assertEquals(500, problem.status());
        assertTrue(problem.type().endsWith("/internal-error"), problem.type());
        assertEquals("/api/feedback", problem.instance());
        assertTrue(problem.detail().contains("nothing of it was stored"), problem.detail());
        assertTrue(problem.detail().matches(".*Incident [0-9a-f-]{36} .*"), problem.detail());
        assertFalse(problem.toString().contains("INSERT") || problem.toString().contains("Failing row")
                || problem.toString().contains("secret"), problem::toString);
    }

    @Test
    void aVersionLostWhileWritingIsAConflict() {
        Problem problem = StorageFailureMapper.problem(new OptimisticLockException("row was updated"), "/api/milestones/1");
        assertEquals(409, problem.status());
        assertTrue(problem.type().endsWith("/concurrent-update"), problem.type());
    }
}
