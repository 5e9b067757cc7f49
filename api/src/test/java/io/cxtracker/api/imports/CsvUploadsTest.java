package io.cxtracker.api.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.imports.ImportFields;
import io.cxtracker.domain.imports.ImportRow;
import io.cxtracker.domain.imports.RowSource;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser upload's reading of a CSV file: the API's reader, its violations naming the file. */
class CsvUploadsTest {
    private static final List<String> REQUIRED = List.of("kind", "score", "answeredAt");

    private static RowSource read(byte[] file) {
        return new CsvUploads().read(new ByteArrayInputStream(file), ImportFields.SURVEY_FIELDS, REQUIRED);
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsRead() {
        RowSource csv = read("\uFEFFkind,score,answeredAt,comment\nNPS,9,2026-03-01T10:00:00Z,schön \ud83d\ude00\n"
                .getBytes(StandardCharsets.UTF_8));
        ImportRow row = csv.next();
        assertEquals(2, row.line());
        assertEquals("schön \ud83d\ude00", row.text("comment"));
        assertNull(csv.next());
    }

    @Test
    void bytesThatAreNoUtf8TextRefuseTheFileNamingTheLine() {
        byte[] head = "kind,score,answeredAt,comment\nNPS,9,2026-03-01T10:00:00Z,fine\nNPS,9,2026-03-01T10:00:00Z,half "
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + 4];
        System.arraycopy(head, 0, file, 0, head.length);
        // a UTF-8 encoded lone surrogate U+DC00, then a line break
        file[head.length] = (byte) 0xED;
        file[head.length + 1] = (byte) 0xB0;
        file[head.length + 2] = (byte) 0x80;
        file[head.length + 3] = '\n';
        RowSource csv = read(file);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            while (csv.next() != null) {
                // read on
            }
        });
        assertEquals(List.of(new FieldViolation("file", "line 3: the bytes ED B0 80 are not UTF-8 text (for example half of a "
                + "UTF-16 surrogate pair, or a file saved in another charset); nothing was stored")), e.violations());
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingTheMissingOnesAndItsColumns() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> read("Kind,comment\nNPS,fine\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new FieldViolation("file", "needs columns named score, answeredAt; its columns are [Kind, comment]")),
                e.violations());
    }

    @Test
    void anEmptyFileIsRefusedAsHavingNoHeader() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(new byte[0]));
        assertEquals(List.of(new FieldViolation("file", "must be CSV with a header line naming the columns")), e.violations());
    }
}
