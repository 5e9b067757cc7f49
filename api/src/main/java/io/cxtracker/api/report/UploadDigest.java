package io.cxtracker.api.report;

import io.cxtracker.domain.report.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;

/** The SHA-256 of an upload, read in blocks so that a file of any size needs no memory. */
public final class UploadDigest {
    private UploadDigest() {
    }

    /** @return the digest, or null when the stream was empty */
    public static String of(InputStream in) {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload", e);
        }
        return total == 0 ? null : Sha256.hex(digest.digest());
    }
}
