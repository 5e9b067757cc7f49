package io.cxtracker.domain.boardpack;

import java.io.OutputStream;

/**
 * The renderers of a board pack (PPTX and PDF): a port, implemented once in the api module beside the
 * report renderers and found by CDI, so the REST endpoint and the UI button render through the same code.
 */
public interface BoardPackRenderers {

    /**
     * Writes the pack in its header's format to the stream (which stays open).
     *
     * @return the SHA-256 (lower-case hex) and size of every byte written
     */
    Rendered render(BoardPack pack, OutputStream out);

    /** What a renderer wrote. */
    record Rendered(String fileSha256, long bytes) {
    }
}
