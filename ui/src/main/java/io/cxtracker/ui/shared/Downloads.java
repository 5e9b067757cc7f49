package io.cxtracker.ui.shared;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.TransferContext;
import com.vaadin.flow.server.streams.TransferProgressListener;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the in-process downloads (the accountability report, the board pack) share: the HTTP status of a
 * refusal, the transfer context, and a stream that tells the progress listener how much has gone out.
 */
public final class Downloads {
    /** How often (bytes) the progress bar hears of the stream: often enough to move, rarely enough to not flood. */
    public static final long PROGRESS_EVERY = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(Downloads.class.getName());

    private Downloads() {
    }

    public static int status(RuntimeException e) {
        if (e instanceof AccessDeniedException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        return e instanceof InvalidInputException ? 400 : 500;
    }

    /** Answers a request the service refused before anything was produced: its status, and the listener is told. */
    public static void refuse(DownloadEvent event, TransferProgressListener listener, RuntimeException refused) {
        event.getResponse().setStatus(status(refused));
        listener.onError(context(event, null), new IOException(refused.getMessage(), refused));
    }

    /** What produces the file into the stream it is given. */
    @FunctionalInterface
    public interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Streams the file the producer writes to the browser under the name and type, telling the listener how it goes;
     * a failure (the browser gone, the producer failing) is logged as {@code what} and told to the listener.
     */
    public static void send(DownloadEvent event, TransferProgressListener listener, String fileName, String contentType,
            Producer producer, String what) {
        event.setFileName(fileName);
        event.setContentType(contentType);
        TransferContext context = context(event, fileName);
        listener.onStart(context);
        try {
            ProgressStream out = new ProgressStream(event.getOutputStream(), context, listener);
            producer.writeTo(out);
            out.flush();
            listener.onComplete(context, out.count());
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, what + " could not be streamed", failed);
            listener.onError(context, failed instanceof IOException io ? io
                    : failed instanceof UncheckedIOException unchecked ? unchecked.getCause() : new IOException(failed));
        }
    }

    public static TransferContext context(DownloadEvent event, String fileName) {
        return new TransferContext(event.getRequest(), event.getResponse(), event.getSession(), fileName,
                event.getOwningElement(), -1);
    }

    /** Counts what goes to the browser and reports it every {@link #PROGRESS_EVERY} bytes. */
    public static final class ProgressStream extends FilterOutputStream {
        private final TransferContext context;
        private final TransferProgressListener listener;
        private long count;
        private long reported;

        public ProgressStream(OutputStream out, TransferContext context, TransferProgressListener listener) {
            super(out);
            this.context = context;
            this.listener = listener;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            advance(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            advance(len);
        }

        private void advance(long bytes) {
            count += bytes;
            if (count - reported >= PROGRESS_EVERY) {
                reported = count;
                listener.onProgress(context, count, -1);
            }
        }

        public long count() {
            return count;
        }

        /** The container owns the response stream. */
        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
