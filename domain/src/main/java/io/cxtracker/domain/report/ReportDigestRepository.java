package io.cxtracker.domain.report;

import java.util.Optional;
import java.util.UUID;

/** The digests of the reports the server produced; append-only. */
public interface ReportDigestRepository {

    void add(ReportDigest digest);

    /** The earliest report whose file has this SHA-256 (lower-case hex). */
    Optional<ReportDigest> findByFileSha256(String sha256);

    Optional<ReportDigest> find(UUID reportId);
}
