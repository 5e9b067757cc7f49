package io.cxtracker.ui.audit;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.TransferProgressListener;
import io.cxtracker.domain.report.ReportFormat;
import io.cxtracker.domain.report.ReportHeader;
import io.cxtracker.domain.report.ReportService;
import io.cxtracker.ui.shared.Downloads;
import java.time.LocalDate;

/**
 * Streams the accountability report to the browser in this process, through the same
 * {@link ReportService} (and so the same renderers, authority check, digest record and signed audit
 * checkpoint) as the REST export, on behalf of the signed-in user of this request. Tells the listener how
 * many bytes have gone out while it streams.
 */
final class ReportDownload implements DownloadHandler {

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
    public void handleDownloadRequest(DownloadEvent event) {
        ReportHeader header;
        try {
            header = reports.prepare(department, from, to, format);
        } catch (RuntimeException refused) {
            Downloads.refuse(event, listener, refused);
            return;
        }
        Downloads.send(event, listener, header.fileName(),
                format == ReportFormat.CSV ? format.mediaType() + ";charset=UTF-8" : format.mediaType(),
                out -> reports.export(header, out), "the " + format + " report " + header.reportId());
    }
}
