package io.cxtracker.ui.listen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.imports.ImportFields;
import io.cxtracker.domain.imports.ImportRow;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadedCsvTest {
    private static final List<String> REQUIRED = List.of("kind", "score", "answeredAt");

    @Test
    void aUtf8FileWithAByteOrderMarkIsRead() {
        byte[] file = "\uFEFFkind,score,answeredAt,comment\nNPS,9,2026-03-01T10:00:00Z,schön \ud83d\ude00\n"
                .getBytes(StandardCharsets.UTF_8);
        UploadedCsv csv = UploadedCsv.of(file, ImportFields.SURVEY_FIELDS, REQUIRED);
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
        UploadedCsv csv = UploadedCsv.of(file, ImportFields.SURVEY_FIELDS, REQUIRED);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
            while (csv.next() != null) {
                // read on
            }
        });
        assertEquals(List.of(new FieldViolation("file", "line 3: the bytes ED B0 80 are not UTF-8 text (for example half of a "
                + "UTF-16 surrogate pair, or a file saved in another charset); nothing was stored")), e.violations());
    }

    @Test
    void theServerReadsAnUploadOnlyUpToItsLimit() throws IOException {
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(ten, BoundedUpload.readAtMost(new ByteArrayInputStream(ten), 10));
        assertNull(BoundedUpload.readAtMost(new ByteArrayInputStream(ten), 9));
        // a stream that never ends is read to one byte past the limit, not to its end
        var endless = new java.io.InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 'x';
            }
        };
        assertNull(BoundedUpload.readAtMost(endless, 1000));
        assertEquals(1001, endless.served);
    }
}
