package io.cxtracker.api.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * How report cells become text, the same way in every format: ISO-8601 dates and instants (UTC),
 * plain decimals without trailing zeros, and text that a spreadsheet could take for a formula
 * neutralised by a leading single quote.
 */
final class CellText {
    private CellText() {
    }

    /** The cell as text, null for an empty cell; strings are neutralised. */
    static String of(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof String text) {
            return neutralised(text);
        }
        if (cell instanceof Double || cell instanceof Float) {
            double d = ((Number) cell).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
        }
        if (cell instanceof Number || cell instanceof java.time.LocalDate) {
            return cell.toString();
        }
        if (cell instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        return neutralised(cell.toString());
    }

    /**
     * Text starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
     * leading {@code '}, so no spreadsheet evaluates it as a formula (CSV/formula injection).
     */
    static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
