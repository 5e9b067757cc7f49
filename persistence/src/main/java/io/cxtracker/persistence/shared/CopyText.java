package io.cxtracker.persistence.shared;

import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.Map;

/**
 * Rows in PostgreSQL's COPY text format (columns separated by a tab, rows ended by a newline, {@code \N} for NULL),
 * for {@code COPY … FROM STDIN}. A value's backslash, tab, newline and carriage return are escaped, so any text
 * arrives as it was, whatever it holds; every other character goes as it is.
 */
public final class CopyText {
    /** Dates and instants remembered in their text form; forgotten all at once when this many. */
    private static final int MAX_REMEMBERED = 4096;

    private final StringBuilder text;
    private final Map<Temporal, String> formattedTemporals = new HashMap<>();
    private boolean firstInRow = true;

    /** @param rows how many rows are expected, to size the buffer once */
    public CopyText(int rows) {
        text = new StringBuilder(Math.max(16, rows) * 96);
    }

    private StringBuilder next() {
        if (!firstInRow) {
            text.append('\t');
        }
        firstInRow = false;
        return text;
    }

    /** A text value; null is NULL. */
    public CopyText text(String value) {
        StringBuilder out = next();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    /** A whole number; null is NULL. */
    public CopyText number(Long value) {
        StringBuilder out = next();
        if (value == null) {
            out.append("\\N");
        } else {
            out.append(value.longValue());
        }
        return this;
    }

    /** A double precision value; null is NULL. Java's shortest round-trip form, which PostgreSQL reads back exactly. */
    public CopyText number(Double value) {
        StringBuilder out = next();
        if (value == null) {
            out.append("\\N");
        } else if (value.isNaN()) {
            out.append("NaN");
        } else if (value.isInfinite()) {
            out.append(value > 0 ? "Infinity" : "-Infinity");
        } else {
            out.append(value.doubleValue());
        }
        return this;
    }

    /** A value whose text form needs no escaping (a kind's name); null is NULL. */
    public CopyText plain(Object value) {
        StringBuilder out = next();
        out.append(value == null ? "\\N" : value.toString());
        return this;
    }

    /**
     * A date or an instant in its ISO form; null is NULL. The rows of a batch repeat a few of them (the batch's
     * receipt time on every row, the days of a file), and formatting one costs more than looking it up.
     */
    public CopyText temporal(Temporal value) {
        StringBuilder out = next();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        String formatted = formattedTemporals.get(value);
        if (formatted == null) {
            if (formattedTemporals.size() == MAX_REMEMBERED) {
                formattedTemporals.clear();
            }
            formatted = value.toString();
            formattedTemporals.put(value, formatted);
        }
        out.append(formatted);
        return this;
    }

    /** Ends the row. */
    public CopyText endRow() {
        text.append('\n');
        firstInRow = true;
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
