package io.cxtracker.ui.boardpack;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.TransferProgressListener;
import io.cxtracker.domain.boardpack.BoardPackFormat;
import io.cxtracker.domain.boardpack.BoardPackHeader;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.ui.shared.Downloads;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Builds the board pack in this process and streams it to the browser, through the same
 * {@link BoardPackService} (authority, signed checkpoint, record of the file's SHA-256) as the REST
 * endpoint, on behalf of the signed-in user of this request.
 */
final class BoardPackDownload implements DownloadHandler {

    private final BoardPackService packs;
    private final long programId;
    private final BoardPackFormat format;
    private final Supplier<LocalDate> asOf;
    private final TransferProgressListener listener;

    /** @param asOf read when the download starts (null: today) */
    BoardPackDownload(BoardPackService packs, long programId, BoardPackFormat format, Supplier<LocalDate> asOf,
            TransferProgressListener listener) {
        this.packs = packs;
        this.programId = programId;
        this.format = format;
        this.asOf = asOf;
        this.listener = listener;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) {
        BoardPackHeader header;
        try {
            header = packs.prepare(programId, asOf.get(), null, format);
        } catch (RuntimeException refused) {
            Downloads.refuse(event, listener, refused);
            return;
        }
        Downloads.send(event, listener, header.fileName(), format.mediaType(), out -> packs.export(header, out),
                "the " + format + " board pack " + header.packId());
    }
}
