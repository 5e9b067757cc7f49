package io.cxtracker.api.boardpack;

import io.cxtracker.api.audit.CheckpointVerificationResponse;
import io.cxtracker.domain.boardpack.BoardPackRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Whether an uploaded file is, byte for byte, a board pack the server built; and if so, which.
 *
 * @param sha256 the SHA-256 of the uploaded bytes
 * @param checkpoint whether the current audit chain still contains the head of the checkpoint the pack was built under
 */
public record BoardPackVerificationResponse(boolean matches, String sha256, UUID packId, Long programId, String format,
        LocalDate asOf, LocalDate since, Instant generatedAt, String generatedBy, Long checkpointId,
        CheckpointVerificationResponse checkpoint) {

    static BoardPackVerificationResponse of(String sha256, BoardPackRecord match, CheckpointVerificationResponse checkpoint) {
        if (match == null) {
            return new BoardPackVerificationResponse(false, sha256, null, null, null, null, null, null, null, null, null);
        }
        return new BoardPackVerificationResponse(true, sha256, match.packId(), match.programId(),
                match.format().extension(), match.asOf(), match.since(), match.generatedAt(), match.generatedBy(),
                match.checkpointId(), checkpoint);
    }
}
