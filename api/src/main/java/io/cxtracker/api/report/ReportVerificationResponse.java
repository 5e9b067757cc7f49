package io.cxtracker.api.report;

import io.cxtracker.api.audit.CheckpointVerificationResponse;
import io.cxtracker.domain.report.ReportDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether an uploaded file is, byte for byte, a report the server produced; and if so, which.
 *
 * @param sha256 the SHA-256 of the uploaded bytes
 * @param checkpointId the signed audit checkpoint the report was made under (null for reports made before checkpoints)
 * @param checkpoint whether the current audit chain still contains that checkpoint's head and everything before it
 */
public record ReportVerificationResponse(boolean matches, String sha256, UUID reportId, Instant generatedAt,
        String generatedBy, String format, String department, LocalDate from, LocalDate to, String embeddedSha256,
        Long checkpointId, CheckpointVerificationResponse checkpoint) {

    static ReportVerificationResponse of(String sha256, ReportDigest match) {
        return of(sha256, match, null);
    }

    static ReportVerificationResponse of(String sha256, ReportDigest match, CheckpointVerificationResponse checkpoint) {
        if (match == null) {
            return new ReportVerificationResponse(false, sha256, null, null, null, null, null, null, null, null, null, null);
        }
        return new ReportVerificationResponse(true, sha256, match.reportId(), match.generatedAt(), match.generatedBy(),
                match.format().extension(), match.department(), match.from(), match.to(), match.embeddedSha256(),
                match.checkpointId(), checkpoint);
    }
}
