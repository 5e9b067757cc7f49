package io.cxtracker.ui.listen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedUploadTest {

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
