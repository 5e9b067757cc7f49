package io.cxtracker.api.report;

import io.cxtracker.domain.report.ReportDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the server recorded about a report it produced. */
public record ReportRecordResponse(UUID reportId, String format, String fileSha256, String embeddedSha256, long bytes,
        Instant generatedAt, String generatedBy, String department, LocalDate from, LocalDate to, LocalDate asOf) {

    static ReportRecordResponse of(ReportDigest d) {
        return new ReportRecordResponse(d.reportId(), d.format().extension(), d.fileSha256(), d.embeddedSha256(), d.bytes(),
                d.generatedAt(), d.generatedBy(), d.department(), d.from(), d.to(), d.asOf());
    }
}
