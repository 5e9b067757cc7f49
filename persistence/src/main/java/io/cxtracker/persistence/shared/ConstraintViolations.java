package io.cxtracker.persistence.shared;

import java.sql.SQLException;

/** Reads PostgreSQL's verdict out of a JPA exception chain. */
public final class ConstraintViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private ConstraintViolations() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
