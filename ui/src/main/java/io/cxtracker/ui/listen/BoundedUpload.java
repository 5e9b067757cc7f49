package io.cxtracker.ui.listen;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file uploaded in the browser, held in memory only up to a limit that the server enforces. The upload
 * component's {@code maxFileSize} is advice to the browser: a request sent around it (or a Content-Length that
 * lies, or none) would otherwise be read whole into the heap. Here the declared size is checked first and the body
 * is read to at most one byte past the limit, whatever the request says; a larger file is rejected and never
 * reaches the import.
 */
final class BoundedUpload implements UploadHandler {
    /** Room for the multipart envelope around the one file, on top of the file's own limit. */
    private static final long ENVELOPE = 64 * 1024;

    private final long maxBytes;
    private final SerializableBiConsumer<String, byte[]> received;
    private final SerializableConsumer<String> refused;

    /**
     * @param received gets the file's name and content, in the UI's session lock
     * @param refused gets why a file was refused, in the UI's session lock
     */
    BoundedUpload(long maxBytes, SerializableBiConsumer<String, byte[]> received, SerializableConsumer<String> refused) {
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName();
        UI ui = event.getUI();
        byte[] content = null;
        if (event.getFileSize() <= maxBytes) {
            try (InputStream in = event.getInputStream()) {
                content = readAtMost(in, maxBytes);
            }
        }
        if (content == null) {
            String why = name + " is larger than " + (maxBytes / (1024 * 1024)) + " MiB, the most one import takes";
            event.reject(why);
            ui.access(() -> refused.accept(why));
            return;
        }
        byte[] file = content;
        ui.access(() -> received.accept(name, file));
    }

    /** The whole stream if it holds at most {@code max} bytes, else null after reading {@code max + 1} of them. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return read.length > max ? null : read;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + ENVELOPE;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
