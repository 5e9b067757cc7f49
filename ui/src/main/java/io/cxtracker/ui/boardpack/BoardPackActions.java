package io.cxtracker.ui.boardpack;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.cxtracker.domain.boardpack.BoardPackFormat;
import io.cxtracker.domain.boardpack.BoardPackService;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.ui.shared.DownloadProgress;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The "Board pack" action: an as-of day and one link per format; a click builds the pack in this process
 * and downloads it, with a progress bar while it builds. Shown to those who may build packs (executives,
 * auditors, program admins); the service decides either way.
 */
public class BoardPackActions extends HorizontalLayout {

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
        DownloadProgress progress = new DownloadProgress("board-pack-progress", "board-pack-progress-text",
                "Board pack being built");
        progress.bar().setWidth("10rem");
        for (BoardPackFormat format : BoardPackFormat.values()) {
            String noun = "the " + format.name() + " board pack";
            Anchor link = new Anchor(new BoardPackDownload(packs, programId, format, asOf::getValue,
                    progress.listener("Building", noun, "built")), "Board pack " + format.name());
            link.setId("board-pack-" + format.extension());
            link.getElement().setAttribute("aria-label", "Board pack " + format.name() + ": build and download");
            progress.showOnClick(link, "Building", noun);
            link.getElement().getThemeList().add("badge");
            link.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-m)");
            add(link);
        }
        add(progress.bar(), progress.text());
    }

    /** Whether the user may build packs: the same roles as the service's check, to not offer a link that is refused. */
    public static boolean mayBuild(CurrentUser user) {
        return user.has(Role.EXECUTIVE) || user.has(Role.AUDITOR) || user.has(Role.PROGRAM_ADMIN);
    }
}
