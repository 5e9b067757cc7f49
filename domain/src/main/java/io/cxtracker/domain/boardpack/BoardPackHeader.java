package io.cxtracker.domain.boardpack;

import io.cxtracker.domain.audit.Checkpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What a board pack says about itself: which program, as of which day, what changed since which day,
 * who built it and when, and the signed audit checkpoint it was built under (null only in tests of the
 * content).
 *
 * @param since the day "what changed" starts from (inclusive); the pack's as-of day ends it
 */
public record BoardPackHeader(UUID packId, long programId, String programName, BoardPackFormat format, LocalDate asOf,
        LocalDate since, Instant generatedAt, String generatedBy, Checkpoint checkpoint) {

    public static final String TITLE = "Board pack";

    public BoardPackHeader {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(programName, "programName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generatedBy, "generatedBy");
    }

    /** The name the file is offered under, wherever it is downloaded. */
    public String fileName() {
        return "board-pack-" + programId + "-" + asOf + "-" + packId + "." + format.extension();
    }
}
