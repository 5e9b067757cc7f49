package io.cxtracker.domain.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The text of an imported file, decoded strictly: bytes that are no character in the file's charset (a UTF-8
 * encoded lone surrogate such as {@code ED A0 80}, a Latin-1 byte in a UTF-8 file) stop the reading instead of
 * turning silently into U+FFFD, which would store something other than what was sent. Every character before the
 * bad bytes is delivered first, so the CSV parser has counted the lines up to them and the error names the line
 * they are on (a JDK {@code InputStreamReader} decodes ahead and fails up to a buffer earlier).
 */
public final class StrictDecodingReader extends Reader {

    /** Bytes that are not text in the file's charset. */
    public static final class UndecodableBytesException extends CharacterCodingException {
        private final String description;

        UndecodableBytesException(String description) {
            this.description = description;
        }

        @Override
        public String getMessage() {
            return description;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final Charset charset;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private boolean endOfInput;
    private CoderResult pendingError;
    private boolean flushed;

    public StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pendingError != null) {
            throw error(pendingError);
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            if (!bytes.hasRemaining() && !endOfInput) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                if (out.position() > offset) {
                    // hand over what was decoded before the bad bytes; fail on the next read
                    pendingError = result;
                    break;
                }
                throw error(result);
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                break;
            }
            if (bytes.hasRemaining()) {
                // an incomplete sequence at the end of the buffer: read more behind it
                fill();
            }
        }
        int read = out.position() - offset;
        return read == 0 && flushed ? -1 : read;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private UndecodableBytesException error(CoderResult result) {
        StringBuilder hex = new StringBuilder();
        int start = bytes.position();
        for (int i = 0; i < result.length() && start + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(start + i) & 0xFF));
        }
        return new UndecodableBytesException("the bytes " + hex + " are not " + charset.name()
                + " text (for example half of a UTF-16 surrogate pair, or a file saved in another charset)");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
