package io.cxtracker.domain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The server's record of a report it produced, kept so that a copy can be checked later: a file whose
 * SHA-256 equals {@code fileSha256} is byte for byte that report.
 */
public record ReportDigest(UUID reportId, ReportFormat format, String fileSha256, String embeddedSha256, long bytes,
        Instant generatedAt, String generatedBy, String department, LocalDate from, LocalDate to, LocalDate asOf,
        Long checkpointId) {

    public ReportDigest(UUID reportId, ReportFormat format, String fileSha256, String embeddedSha256, long bytes,
            Instant generatedAt, String generatedBy, String department, LocalDate from, LocalDate to, LocalDate asOf) {
        this(reportId, format, fileSha256, embeddedSha256, bytes, generatedAt, generatedBy, department, from, to, asOf, null);
    }

    public static ReportDigest of(ReportHeader header, ProducedReport produced) {
        return new ReportDigest(header.reportId(), header.format(), produced.fileSha256(), produced.embeddedSha256(),
                produced.bytes(), header.generatedAt(), header.generatedBy(), header.department(), header.period().from(),
                header.period().to(), header.period().asOf(),
                header.checkpoint() == null ? null : header.checkpoint().id());
    }
}
