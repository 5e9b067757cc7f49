package io.cxtracker.ui.shared;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import io.cxtracker.domain.shared.AsOf;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A view's "as of": the day picker, the deep link's {@code asOf} parameter and the banner that says the view
 * shows a record of the past. Every view that reads as of a day uses this one, so they read the parameter, limit
 * the picker and word the banner alike. Today counts as now (the live, writable view); only earlier days are
 * past. The services decide what a day means ({@link AsOf#endOf}) and refuse a day to come.
 */
public final class AsOfChoice {

    /** The query parameter of the deep links, as the API names it. */
    public static final String PARAMETER = "asOf";

    private final DatePicker picker = new DatePicker("As of (end of day, UTC)");
    private final Clock clock;
    private LocalDate day;

    /**
     * @param pickerId the picker's element id (each view has its own, e.g. {@code dashboard-as-of})
     * @param chosen told the day the user picked (null: today), to navigate to the view's address with it
     */
    public AsOfChoice(String pickerId, Clock clock, Consumer<LocalDate> chosen) {
        this.clock = clock;
        picker.setId(pickerId);
        picker.setPlaceholder("today");
        picker.setClearButtonVisible(true);
        picker.setMax(LocalDate.now(clock));
        picker.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                chosen.accept(e.getValue() == null || !e.getValue().isBefore(LocalDate.now(clock)) ? null : e.getValue());
            }
        });
    }

    /** Reads the deep link's day; a day that is not past (today, to come, or not a day) means now. */
    public void read(QueryParameters parameters) {
        day = Views.day(parameters, PARAMETER).filter(d -> d.isBefore(LocalDate.now(clock))).orElse(null);
        picker.setMax(LocalDate.now(clock));
        picker.setValue(day);
    }

    public DatePicker picker() {
        return picker;
    }

    /** The past day shown, null for now. */
    public LocalDate day() {
        return day;
    }

    /** The instant every read of the view is made as of; null for now. */
    public AsOf asOf() {
        return day == null ? null : AsOf.endOf(day);
    }

    public boolean isPast() {
        return day != null;
    }

    /** Adds the day to a view's query parameters when it is past, so links and navigation keep it. */
    public void into(Map<String, String> parameters) {
        if (day != null) {
            parameters.put(PARAMETER, day.toString());
        }
    }

    /** The query of a view's address as of the end of {@code day} (null: now, no parameter). */
    public static QueryParameters query(LocalDate day) {
        return day == null ? QueryParameters.empty() : QueryParameters.of(PARAMETER, day.toString());
    }

    /** The banner over a view read as of the end of {@code day}: what it shows and that it cannot be changed. */
    public static Paragraph banner(LocalDate day) {
        Paragraph banner = new Paragraph("As of the end of " + day + " (UTC): the plan, statuses, check-ins, targets "
                + "and metric values exactly as the system knew them then. Later check-ins, overrides, target edits "
                + "and late readings are not shown. This is a record of the past and cannot be changed here.");
        banner.setId("as-of-banner");
        banner.getElement().setAttribute("role", "status");
        banner.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("font-weight", "600");
        return banner;
    }
}
