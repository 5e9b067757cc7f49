package io.cxtracker.ui.audit;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.TransferContext;
import com.vaadin.flow.server.streams.TransferProgressListener;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportService;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams the accountability report to the browser in this process, through the same
 * {@link ReportService} (and so the same renderers, authority check, digest record and signed audit
 * checkpoint) as the REST export, on behalf of the signed-in user of this request. Tells the listener how
 * many bytes have gone out while it streams.
 */
final class ReportDownload implements DownloadHandler {
    private static final Logger LOG = Logger.getLogger(ReportDownload.class.getName());
    /** How often (bytes) the progress bar hears of the stream: often enough to move, rarely enough to not flood. */
    static final long PROGRESS_EVERY = 64 * 1024;

    private final ReportService reports;
    private final ReportFormat format;
    private final String department;
    private final LocalDate from;
    private final LocalDate to;
    private final TransferProgressListener listener;

    ReportDownload(ReportService reports, ReportFormat format, String department, LocalDate from, LocalDate to,
            TransferProgressListener listener) {
        this.reports = reports;
        this.format = format;
        this.department = department;
        this.from = from;
        this.to = to;
        this.listener = listener;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        ReportHeader header;
        try {
            header = reports.prepare(department, from, to, format);
        } catch (RuntimeException refused) {
            event.getResponse().setStatus(status(refused));
            listener.onError(context(event, null), new IOException(refused.getMessage(), refused));
            return;
        }
        event.setFileName(header.fileName());
        event.setContentType(format == ReportFormat.CSV ? format.mediaType() + ";charset=UTF-8" : format.mediaType());
        TransferContext context = context(event, header.fileName());
        listener.onStart(context);
        Progress out = new Progress(event.getOutputStream(), context);
        try {
            reports.export(header, out);
            out.flush();
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "the " + format + " report " + header.reportId() + " could not be streamed", failed);
            listener.onError(context, failed instanceof IOException io ? io
                    : failed instanceof UncheckedIOException unchecked ? unchecked.getCause() : new IOException(failed));
            return;
        }
        listener.onComplete(context, out.count);
    }

    static int status(RuntimeException e) {
        if (e instanceof AccessDeniedException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        return e instanceof InvalidInputException ? 400 : 500;
    }

    private static TransferContext context(DownloadEvent event, String fileName) {
        return new TransferContext(event.getRequest(), event.getResponse(), event.getSession(), fileName,
                event.getOwningElement(), -1);
    }

    /** Counts what goes to the browser and reports it every {@link #PROGRESS_EVERY} bytes. */
    private final class Progress extends FilterOutputStream {
        private final TransferContext context;
        private long count;
        private long reported;

        Progress(OutputStream out, TransferContext context) {
            super(out);
            this.context = context;
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

        /** The container owns the response stream. */
        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
