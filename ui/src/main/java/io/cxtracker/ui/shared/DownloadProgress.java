package io.cxtracker.ui.shared;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.TransferContext;
import com.vaadin.flow.server.streams.TransferProgressListener;
import java.io.IOException;

/**
 * The progress bar and status line of an in-process download (the accountability report, the board pack): shown
 * at the click, moved by the download's listener, hidden with a last word when it is done or has failed. The
 * download runs outside Vaadin's requests, so the page polls while it runs.
 */
public final class DownloadProgress {
    private final ProgressBar bar = new ProgressBar();
    private final Span text = new Span();

    public DownloadProgress(String barId, String textId, String label) {
        bar.setIndeterminate(true);
        bar.setVisible(false);
        bar.setId(barId);
        bar.getElement().setAttribute("aria-label", label);
        text.setId(textId);
        text.getElement().setAttribute("aria-live", "polite");
    }

    public ProgressBar bar() {
        return bar;
    }

    public Span text() {
        return text;
    }

    /**
     * Shows the bar as soon as the link is clicked and polls until the listener says it is done.
     *
     * @param doing "Producing", "Building"
     * @param noun "the PDF report", "the PPTX board pack"
     */
    public void showOnClick(Anchor link, String doing, String noun) {
        link.getElement().addEventListener("click", click -> {
            bar.setVisible(true);
            text.setText(doing + " " + noun + "…");
            link.getUI().ifPresent(ui -> ui.setPollInterval(500));
        });
    }

    /** @param failed what could not be done to it: "produced", "built" */
    public TransferProgressListener listener(String doing, String noun, String failed) {
        String sentence = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
        return new TransferProgressListener() {
            @Override
            public void onStart(TransferContext context) {
                show(context.getUI(), true, doing + " " + noun + "…");
            }

            @Override
            public void onProgress(TransferContext context, long transferred, long total) {
                show(context.getUI(), true, doing + " " + noun + "… " + transferred / 1024 + " KB");
            }

            @Override
            public void onComplete(TransferContext context, long bytes) {
                show(context.getUI(), false, sentence + " is ready (" + bytes / 1024 + " KB).");
            }

            @Override
            public void onError(TransferContext context, IOException reason) {
                String message = sentence + " could not be " + failed + ". Please try again.";
                show(context.getUI(), false, message);
                context.getUI().access(() -> Views.error(message));
            }
        };
    }

    private void show(UI ui, boolean running, String words) {
        ui.access(() -> {
            bar.setVisible(running);
            text.setText(words);
            if (!running) {
                ui.setPollInterval(-1);
            }
        });
    }
}
