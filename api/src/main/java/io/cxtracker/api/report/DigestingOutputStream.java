package io.cxtracker.api.report;

import io.cxtracker.domain.report.Sha256;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes through while counting them and computing their SHA-256. */
public final class DigestingOutputStream extends FilterOutputStream {
    private final MessageDigest digest = Sha256.newDigest();
    private long count;

    public DigestingOutputStream(OutputStream out) {
        super(out);
    }

    /** A stream that only digests: nothing is written anywhere. */
    static DigestingOutputStream discarding() {
        return new DigestingOutputStream(OutputStream.nullOutputStream());
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    /** The SHA-256 of the bytes so far (the stream can go on). */
    public String hexSoFar() {
        try {
            return Sha256.hex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK can be cloned", e);
        }
    }

    public long count() {
        return count;
    }

    /** Does not close the stream underneath: the container owns the response stream. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
