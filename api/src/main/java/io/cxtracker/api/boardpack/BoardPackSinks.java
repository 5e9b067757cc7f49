package io.cxtracker.api.boardpack;

import io.cxtracker.api.report.DigestingOutputStream;
import io.cxtracker.domain.boardpack.BoardPack;
import io.cxtracker.domain.boardpack.BoardPackRenderers;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one implementation of the domain's {@link BoardPackRenderers}: lays the pack out once ({@link Deck})
 * and draws it as PPTX or PDF into the stream, digesting every byte on its way out.
 */
@ApplicationScoped
public class BoardPackSinks implements BoardPackRenderers {

    @Override
    public Rendered render(BoardPack pack, OutputStream out) {
        Deck deck = Deck.of(pack);
        DigestingOutputStream file = new DigestingOutputStream(out);
        switch (pack.header().format()) {
            case PPTX -> PptxBoardPack.write(pack, deck, file);
            case PDF -> PdfBoardPack.write(pack, deck, file);
        }
        try {
            file.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(file.hexSoFar(), file.count());
    }
}
