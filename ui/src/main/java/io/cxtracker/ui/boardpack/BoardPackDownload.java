package io.cxtracker.ui.boardpack;

import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.TransferContext;
import com.vaadin.flow.server.streams.TransferProgressListener;
import io.cxtracker.domain.boardpack.BoardPackFormat;
import io.cxtracker.domain.boardpack.BoardPackHeader;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.ui.shared.Downloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the board pack in this process and streams it to the browser, through the same
 * {@link BoardPackService} (authority, signed checkpoint, record of the file's SHA-256) as the REST
 * endpoint, on behalf of the signed-in user of this request.
 */
final class BoardPackDownload implements DownloadHandler {
    private static final Logger LOG = Logger.getLogger(BoardPackDownload.class.getName());

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
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        BoardPackHeader header;
        try {
            header = packs.prepare(programId, asOf.get(), null, format);
        } catch (RuntimeException refused) {
            event.getResponse().setStatus(Downloads.status(refused));
            listener.onError(Downloads.context(event, null), new IOException(refused.getMessage(), refused));
            return;
        }
        event.setFileName(header.fileName());
        event.setContentType(format.mediaType());
        TransferContext context = Downloads.context(event, header.fileName());
        listener.onStart(context);
        Downloads.ProgressStream out = new Downloads.ProgressStream(event.getOutputStream(), context, listener);
        try {
            packs.export(header, out);
            out.flush();
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "the " + format + " board pack " + header.packId() + " could not be streamed", failed);
            listener.onError(context, failed instanceof IOException io ? io
                    : failed instanceof UncheckedIOException unchecked ? unchecked.getCause() : new IOException(failed));
            return;
        }
        listener.onComplete(context, out.count());
    }
}
