package io.cxtracker.api.imports;

import io.cxtracker.domain.imports.ImportRow;
import io.cxtracker.domain.imports.RowSource;
import io.cxtracker.domain.imports.StrictDecodingReader;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The rows of a CSV request body, read one record at a time with Apache Commons CSV: the first line is the
 * header; a UTF-8 byte order mark (as spreadsheet programs write it) is skipped. A record's line is where it
 * starts in the file (a quoted value may span lines). A record with more values than the header has columns
 * is a defect of that row; a file that is not CSV any more (an unbalanced quote) stops the import.
 */
final class CsvRows implements RowSource {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, String> headerOf;
    private final Map<String, String> constants;
    private final int columns;
    /** What the violations name: the request's {@code body}, or an uploaded {@code file}. */
    private final String input;
    /** The last line of the last record read (the header's at first). */
    private long lastLine = 1;

    private CsvRows(CSVParser parser, Map<String, String> headerOf, Map<String, String> constants, String input) {
        this.parser = parser;
        this.input = input;
        this.records = parser.iterator();
        this.headerOf = headerOf;
        this.constants = constants;
        this.columns = parser.getHeaderNames().size();
    }

    /**
     * @throws InvalidInputException when the body has no header line, a duplicate column, or lacks a mapped column
     */
    static CsvRows open(InputStream body, Charset charset, char delimiter, ColumnMapping mapping, List<String> fields)
            throws IOException {
        return open(body, charset, delimiter, mapping, fields, "body");
    }

    /** @param input what the violations name: {@code body} or {@code file} */
    static CsvRows open(InputStream body, Charset charset, char delimiter, ColumnMapping mapping, List<String> fields,
            String input) throws IOException {
        // strict: bytes that are no text in the charset stop the import instead of becoming U+FFFD in a stored row
        Reader reader = new StrictDecodingReader(BOMInputStream.builder().setInputStream(body)
                .setByteOrderMarks(ByteOrderMark.UTF_8).setInclude(false).get(), charset);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        CSVParser parser;
        try {
            parser = format.parse(reader);
        } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
            throw new InvalidInputException(input, "line 1: the header cannot be read: " + rootMessage(e));
        }
        List<String> headers = parser.getHeaderNames();
        if (headers.isEmpty()) {
            throw new InvalidInputException(input, "must be CSV with a header line naming the columns");
        }
        return new CsvRows(parser, mapping.resolve(headers, fields), mapping.constants(), input);
    }

    /** Fields that are neither in a column nor given a value: the caller decides which of them must be there. */
    List<String> missing(List<String> required) {
        Violations violations = new Violations();
        List<String> missing = new ArrayList<>();
        for (String field : required) {
            if (!headerOf.containsKey(field) && !constants.containsKey(field)) {
                missing.add(field);
                violations.add(ColumnMapping.MAP + field, "the file needs a column for " + field
                        + " (name it so, map it with map." + field + "=<column>, or give value." + field + "=<text>)");
            }
        }
        violations.throwIfAny();
        return missing;
    }

    @Override
    public ImportRow next() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            if (rootCause(e) instanceof StrictDecodingReader.UndecodableBytesException undecodable) {
                // the reader delivered every character before the bad bytes: the parser stands on their line
                throw new InvalidInputException(input, "line " + parser.getCurrentLineNumber() + ": "
                        + undecodable.getMessage() + "; nothing was stored");
            }
            throw new InvalidInputException(input, "line " + failedLine(e)
                    + ": the file is not valid CSV from here on: " + rootMessage(e) + "; nothing was stored");
        }
        lastLine = parser.getCurrentLineNumber();
        long line = lastLine - lineBreaksIn(record);
        Map<String, String> values = new LinkedHashMap<>(constants);
        headerOf.forEach((field, header) -> values.put(field, record.isSet(header) ? record.get(header) : null));
        String defect = record.size() > columns
                ? "has " + record.size() + " values but the header names " + columns + " columns"
                : null;
        return new ImportRow(line, values, defect);
    }

    /** The column names of the file's header line. */
    List<String> headers() {
        return parser.getHeaderNames();
    }

    @Override
    public String columnOf(String field) {
        return headerOf.get(field);
    }

    private static int lineBreaksIn(CSVRecord record) {
        int breaks = 0;
        for (String value : record) {
            if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
                // the common case, found without a character loop (a megabyte cell costs microseconds here)
                continue;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static String rootMessage(Throwable e) {
        return rootCause(e).getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** The parser names the line it failed on ("at line: n"); the iterator reads ahead, so our own count may not. */
    private long failedLine(RuntimeException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at line: (\\d+)").matcher(String.valueOf(rootMessage(e)));
        return m.find() ? Long.parseLong(m.group(1)) : lastLine + 1;
    }
}
