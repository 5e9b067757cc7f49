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
     * Text a spreadsheet could evaluate gets a leading {@code '}, so no spreadsheet runs it as a formula (CSV/formula
     * injection). Spreadsheets skip leading whitespace and control characters before deciding, and some read the
     * full-width forms {@code ＝＋－＠} as their ASCII twins, so the text is looked at from its first character that
     * is neither: when that is {@code =}, {@code +}, {@code -}, {@code @} or a full-width twin, or when the text starts
     * with a tab or a carriage return, the whole text is guarded (the leading characters stay, behind the quote).
     */
    static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '\t' || first == '\r') {
            return "'" + text;
        }
        int i = 0;
        while (i < text.length() && skippedBeforeAFormula(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && startsAFormula(text.charAt(i))) {
            return "'" + text;
        }
        return text;
    }

    /** Whitespace (also no-break and full-width spaces) and control characters, which spreadsheets pass over. */
    private static boolean skippedBeforeAFormula(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == '\u200B' || c == '\uFEFF';
    }

    private static boolean startsAFormula(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
