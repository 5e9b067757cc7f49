package io.cxtracker.ui.boardpack;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.TransferContext;
import com.vaadin.flow.server.streams.TransferProgressListener;
import io.cxtracker.domain.boardpack.BoardPackFormat;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.ui.shared.Views;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The "Board pack" action: an as-of day and one link per format; a click builds the pack in this process
 * and downloads it, with a progress bar while it builds. Shown to those who may build packs (executives,
 * auditors, program admins); the service decides either way.
 */
public class BoardPackActions extends HorizontalLayout {
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();

    public BoardPackActions(BoardPackService packs, long programId, Clock clock) {
        setId("board-pack-actions");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        DatePicker asOf = new DatePicker("Board pack as of");
        asOf.setId("board-pack-as-of");
        LocalDate today = LocalDate.now(clock);
        asOf.setValue(today);
        asOf.setMax(today);
        asOf.setWidth("11rem");
        add(asOf);
        for (BoardPackFormat format : BoardPackFormat.values()) {
            Anchor link = new Anchor(new BoardPackDownload(packs, programId, format, asOf::getValue, listener(format)),
                    "Board pack " + format.name());
            link.setId("board-pack-" + format.extension());
            link.getElement().setAttribute("aria-label", "Board pack " + format.name() + ": build and download");
            // the download runs outside Vaadin's requests: show the bar at once and poll until the listener says it is done
            link.getElement().addEventListener("click", click -> {
                progress.setVisible(true);
                progressText.setText("Building the " + format.name() + " board pack…");
                getUI().ifPresent(ui -> ui.setPollInterval(500));
            });
            link.getElement().getThemeList().add("badge");
            link.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
            add(link);
        }
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("10rem");
        progress.setId("board-pack-progress");
        progress.getElement().setAttribute("aria-label", "Board pack being built");
        progressText.setId("board-pack-progress-text");
        progressText.getElement().setAttribute("aria-live", "polite");
        add(progress, progressText);
    }

    /** Whether the user may build packs: the same roles as the service's check, to not offer a link that is refused. */
    public static boolean mayBuild(CurrentUser user) {
        return user.has(Role.EXECUTIVE) || user.has(Role.AUDITOR) || user.has(Role.PROGRAM_ADMIN);
    }

    private TransferProgressListener listener(BoardPackFormat format) {
        return new TransferProgressListener() {
            @Override
            public void onStart(TransferContext context) {
                show(context.getUI(), true, "Building the " + format.name() + " board pack…");
            }

            @Override
            public void onProgress(TransferContext context, long transferred, long total) {
                show(context.getUI(), true, "Sending the " + format.name() + " board pack… " + transferred / 1024 + " KB");
            }

            @Override
            public void onComplete(TransferContext context, long bytes) {
                show(context.getUI(), false, "The " + format.name() + " board pack is ready (" + bytes / 1024 + " KB).");
            }

            @Override
            public void onError(TransferContext context, IOException reason) {
                show(context.getUI(), false, "The " + format.name() + " board pack could not be built. Please try again.");
                context.getUI().access(() -> Views.error("The " + format.name() + " board pack could not be built. Please try again."));
            }
        };
    }

    private void show(UI ui, boolean running, String text) {
        ui.access(() -> {
            progress.setVisible(running);
            progressText.setText(text);
            if (!running) {
                ui.setPollInterval(-1);
            }
        });
    }
}
