package io.cxtracker.ui.listen;

import io.cxtracker.domain.imports.ImportRow;
import io.cxtracker.domain.imports.RowSource;
import io.cxtracker.domain.imports.StrictDecodingReader;
import io.cxtracker.domain.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The rows of a CSV file uploaded in the browser, for the same import service the API's CSV endpoints feed:
 * the first line names the columns, and a column is read as the field whose name it spells (case, spaces,
 * dashes and underscores aside), as the API does without mapping parameters. Only reading the file lives
 * here; every rule about the rows is the import service's.
 */
final class UploadedCsv implements RowSource {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, String> headerOf = new LinkedHashMap<>();
    private final int columns;

    private UploadedCsv(CSVParser parser, List<String> fields) {
        this.parser = parser;
        this.records = parser.iterator();
        List<String> headers = parser.getHeaderNames();
        this.columns = headers.size();
        for (String field : fields) {
            headers.stream().filter(h -> normal(h).equals(normal(field))).findFirst().ifPresent(h -> headerOf.put(field, h));
        }
    }

    /**
     * @param required fields the file must have a column for
     * @throws InvalidInputException when the file has no header line or lacks a required column
     */
    static UploadedCsv of(byte[] bytes, List<String> fields, List<String> required) {
        // spreadsheet programs start UTF-8 files with a byte order mark
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // strict: bytes that are not UTF-8 stop the import instead of becoming U+FFFD in a stored row
        Reader text = new StrictDecodingReader(new ByteArrayInputStream(bytes, bom, bytes.length - bom), StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        UploadedCsv csv;
        try {
            csv = new UploadedCsv(format.parse(text), fields);
        } catch (IllegalArgumentException | UncheckedIOException | IOException e) {
            throw new InvalidInputException("file", "line 1: the header cannot be read: " + rootCause(e).getMessage());
        }
        if (csv.columns == 0) {
            throw new InvalidInputException("file", "must be CSV with a header line naming the columns");
        }
        List<String> missing = required.stream().filter(f -> !csv.headerOf.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "needs columns named " + String.join(", ", missing)
                    + "; its columns are " + csv.parser.getHeaderNames());
        }
        return csv;
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
                throw new InvalidInputException("file", "line " + parser.getCurrentLineNumber() + ": "
                        + undecodable.getMessage() + "; nothing was stored");
            }
            throw new InvalidInputException("file", "the file is not valid CSV after line " + parser.getCurrentLineNumber()
                    + "; nothing was stored");
        }
        Map<String, String> values = new LinkedHashMap<>();
        headerOf.forEach((field, header) -> values.put(field, record.isSet(header) ? record.get(header) : null));
        String defect = record.size() > columns ? "has " + record.size() + " values but the header names " + columns + " columns"
                : null;
        // the header is line 1; without quoted line breaks a record's number is its line minus one
        return new ImportRow(record.getRecordNumber() + 1, values, defect);
    }

    @Override
    public String columnOf(String field) {
        return headerOf.get(field);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    private static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }
}
