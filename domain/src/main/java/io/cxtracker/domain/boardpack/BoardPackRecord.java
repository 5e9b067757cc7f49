package io.cxtracker.domain.boardpack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The server's record of a board pack it built, kept so that a copy can be checked later: a file whose
 * SHA-256 equals {@code fileSha256} is byte for byte that pack.
 *
 * @param checkpointId the signed audit checkpoint the pack was built under; null only in tests of the content
 */
public record BoardPackRecord(UUID packId, long programId, BoardPackFormat format, String fileSha256, long bytes,
        LocalDate asOf, LocalDate since, Instant generatedAt, String generatedBy, Long checkpointId) {

    public static BoardPackRecord of(BoardPackHeader header, String fileSha256, long bytes) {
        return new BoardPackRecord(header.packId(), header.programId(), header.format(), fileSha256, bytes,
                header.asOf(), header.since(), header.generatedAt(), header.generatedBy(),
                header.checkpoint() == null ? null : header.checkpoint().id());
    }
}
