package io.cxtracker.api.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.imports.ImportFields;
import io.cxtracker.domain.imports.ImportRow;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    private static final Set<String> OTHER = Set.of("validOnly", "delimiter");

    private static CsvRows rows(String csv, MultivaluedMap<String, String> query, char delimiter) throws IOException {
        ColumnMapping mapping = ColumnMapping.from(query, ImportFields.SURVEY_FIELDS, OTHER);
        return CsvRows.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
                delimiter, mapping, ImportFields.SURVEY_FIELDS);
    }

    private static List<ImportRow> all(CsvRows rows) {
        List<ImportRow> all = new ArrayList<>();
        for (ImportRow row = rows.next(); row != null; row = rows.next()) {
            all.add(row);
        }
        return all;
    }

    @Test
    void columnsNamedLikeFieldsAreReadAndEveryRowKnowsItsLine() throws IOException {
        String csv = "\uFEFFKind,Score,Answered At,idempotency_key,Agent\n"
                + "NPS,9,2026-03-01T10:00:00Z,a,lee\n"
                + "\n"
                + "NPS,3,2026-03-01T11:00:00Z,\"multi\nline\",kim\n"
                + "CSAT,5,2026-03-01T12:00:00Z,c,ann\n";
        CsvRows rows = rows(csv, new MultivaluedHashMap<>(), ',');
        List<ImportRow> read = all(rows);
        assertEquals(List.of(2L, 4L, 6L), read.stream().map(ImportRow::line).toList());
        assertEquals(Map.of("kind", "NPS", "score", "9", "answeredAt", "2026-03-01T10:00:00Z", "idempotencyKey", "a"),
                read.get(0).values());
        assertEquals("multi\nline", read.get(1).text("idempotencyKey"));
        assertEquals("Answered At", rows.columnOf("answeredAt"));
        assertNull(rows.columnOf("comment"));
    }

    @Test
    void mappedColumnsAndFixedValuesAndAnotherDelimiter() throws IOException {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("map.score", "Rating");
        query.add("map.answeredAt", "Date");
        query.add("value.kind", "CES");
        query.add("validOnly", "true");
        List<ImportRow> read = all(rows("Rating;Date;Team\n4;2026-03-01;support\n", query, ';'));
        assertEquals(Map.of("kind", "CES", "score", "4", "answeredAt", "2026-03-01"), read.get(0).values());
    }

    @Test
    void aRowWithMoreValuesThanColumnsIsADefectOfThatRow() throws IOException {
        List<ImportRow> read = all(rows("kind,score,answeredAt\nNPS,9,2026-03-01,extra\nNPS,8\n", new MultivaluedHashMap<>(), ','));
        assertEquals("has 4 values but the header names 3 columns", read.get(0).defect());
        assertNull(read.get(1).defect());
        assertNull(read.get(1).text("answeredAt"));
    }

    @Test
    void unknownParametersFieldsAndMissingColumnsAreNamed() {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.add("map.stars", "Stars");
        query.add("colour", "blue");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> rows("a\n1\n", query, ','));
        assertEquals(List.of("colour", "map.stars"), e.violations().stream().map(FieldViolation::field).sorted().toList());

        MultivaluedMap<String, String> lacking = new MultivaluedHashMap<>();
        lacking.add("map.score", "Rating");
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> rows("kind,Stars\nNPS,4\n", lacking, ','));
        assertEquals(List.of("map.score"), missing.violations().stream().map(FieldViolation::field).toList());

        InvalidInputException required = assertThrows(InvalidInputException.class,
                () -> rows("kind,Stars\nNPS,4\n", new MultivaluedHashMap<>(), ',').missing(List.of("kind", "score", "answeredAt")));
        assertEquals(List.of("map.score", "map.answeredAt"), required.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void aFileThatStopsBeingCsvStopsTheImportAtItsLine() throws IOException {
        CsvRows rows = rows("kind,score,answeredAt\nNPS,9,2026-03-01\n\"NPS\"x,9,2026-03-01\n", new MultivaluedHashMap<>(), ',');
        rows.next();
        InvalidInputException e = assertThrows(InvalidInputException.class, rows::next);
        assertEquals("body", e.violations().get(0).field());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> rows("a,a\n1,2\n", new MultivaluedHashMap<>(), ','));
    }
}
