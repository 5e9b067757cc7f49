package io.cxtracker.ui.audit;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.TransferContext;
import com.vaadin.flow.server.streams.TransferProgressListener;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportService;
import io.cxtracker.ui.shared.Downloads;
import java.io.IOException;
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
            event.getResponse().setStatus(Downloads.status(refused));
            listener.onError(Downloads.context(event, null), new IOException(refused.getMessage(), refused));
            return;
        }
        event.setFileName(header.fileName());
        event.setContentType(format == ReportFormat.CSV ? format.mediaType() + ";charset=UTF-8" : format.mediaType());
        TransferContext context = Downloads.context(event, header.fileName());
        listener.onStart(context);
        Downloads.ProgressStream out = new Downloads.ProgressStream(event.getOutputStream(), context, listener);
        try {
            reports.export(header, out);
            out.flush();
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "the " + format + " report " + header.reportId() + " could not be streamed", failed);
            listener.onError(context, failed instanceof IOException io ? io
                    : failed instanceof UncheckedIOException unchecked ? unchecked.getCause() : new IOException(failed));
            return;
        }
        listener.onComplete(context, out.count());
    }

}
