package io.cxtracker.domain.boardpack;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The board packs the server built; append-only. */
public interface BoardPackRepository {

    void add(BoardPackRecord pack);

    /** The earliest pack whose file has this SHA-256 (lower-case hex). */
    Optional<BoardPackRecord> findByFileSha256(String sha256);

    Optional<BoardPackRecord> find(UUID packId);

    /** The as-of day of the program's latest pack made as of a day before {@code before}: the last review. */
    Optional<LocalDate> lastReviewBefore(long programId, LocalDate before);
}
