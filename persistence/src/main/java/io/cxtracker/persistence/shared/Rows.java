package io.cxtracker.persistence.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Reads the columns of native query rows. JDBC drivers and JPA providers differ in the Java types they
 * hand out for SQL numbers and dates, so every read names the type it wants.
 */
public final class Rows {
    private Rows() {
    }

    public static long toLong(Object value) {
        if (value == null) {
            throw new IllegalStateException("a column expected to hold a number is NULL");
        }
        return ((Number) value).longValue();
    }

    public static int toInt(Object value) {
        return Math.toIntExact(toLong(value));
    }

    /** 0 for NULL: sums of no rows. */
    public static double toDouble(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    public static LocalDate toLocalDate(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date;
            case java.sql.Date date -> date.toLocalDate();
            case java.sql.Timestamp timestamp -> timestamp.toLocalDateTime().toLocalDate();
            default -> throw new IllegalStateException("not a date: " + value.getClass().getName());
        };
    }

    public static Instant toInstant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case ZonedDateTime time -> time.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass().getName());
        };
    }
}
