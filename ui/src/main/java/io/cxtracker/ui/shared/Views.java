package io.cxtracker.ui.shared;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.rollup.RollUpResult;
import io.cxtracker.domain.rollup.StatusHealth;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.Rag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/** Small pieces every feature view shares: paged queries, RAG badges, friendly notifications, URL parameters. */
public final class Views {

    private Views() {
    }

    /** How many rows a grid shows before it scrolls; more and it keeps this height and fetches page by page. */
    public static final int VISIBLE_ROWS = 10;
    private static final String SCROLLING_GRID_HEIGHT = "min(30rem, 70vh)";

    /**
     * Lets a grid grow with its rows while they are few ({@link #VISIBLE_ROWS} or fewer) and gives it a fixed height
     * once they are more. A grid with all rows visible asks the server for every row at once: Vaadin refuses more
     * than 1,000 in one go ("Attempted to fetch more items from server than allowed") and hundreds are slow to
     * render; a fixed-height grid fetches only the pages it scrolls to, at any size.
     */
    public static void fitRows(Grid<?> grid, long rows) {
        boolean few = rows <= VISIBLE_ROWS;
        grid.setAllRowsVisible(few);
        grid.setHeight(few ? null : SCROLLING_GRID_HEIGHT);
    }

    /** The grid's rows fetched page by page from a service, and its height fitted to how many there are now. */
    public static <T> void pagedItems(Grid<T> grid, CallbackDataProvider.FetchCallback<T, Void> fetch,
            CallbackDataProvider.CountCallback<T, Void> count) {
        grid.setItems(fetch, count);
        fitRows(grid, count.count(new Query<>()));
    }

    /** A list already in memory, with the grid's height fitted to it. */
    public static <T> void listItems(Grid<T> grid, List<T> rows) {
        grid.setItems(rows);
        fitRows(grid, rows.size());
    }

    /** The grid's query as a service page, sorted by the first sort order the service knows, else the default. */
    public static PageRequest page(Query<?, ?> query, String defaultSort, boolean defaultAscending, Set<String> sorts) {
        List<QuerySortOrder> orders = query.getSortOrders();
        String property = defaultSort;
        boolean ascending = defaultAscending;
        if (!orders.isEmpty() && sorts.contains(orders.getFirst().getSorted())) {
            property = orders.getFirst().getSorted();
            ascending = orders.getFirst().getDirection() == SortDirection.ASCENDING;
        }
        int limit = Math.max(1, Math.min(query.getLimit(), PageRequest.MAX_LIMIT));
        return new PageRequest(query.getOffset(), limit, property, ascending);
    }

    /**
     * A coloured badge for a RAG, with the words spelled out (colour is never the only signal). The solid ("primary")
     * Lumo variants: their text on the badge colour meets WCAG AA's 4.5:1, the pale default variants' red and green
     * text does not. No aria-label: a plain span may not carry one, and its words are what a screen reader reads.
     */
    public static Span rag(Rag rag) {
        Span badge = new Span(ragText(rag));
        badge.getElement().setAttribute("theme", ragTheme(rag));
        badge.getElement().setAttribute("title", "RAG: " + ragText(rag));
        return badge;
    }

    /** The theme attribute of {@link #rag}'s badge, for templates that draw the same badge in the browser. */
    public static String ragTheme(Rag rag) {
        return "badge pill " + switch (rag) {
            case GREEN -> "success primary";
            case AMBER -> "warning primary";
            case RED -> "error primary";
            case NO_DATA -> "contrast";
        };
    }

    public static String ragText(Rag rag) {
        return switch (rag) {
            case GREEN -> "Green";
            case AMBER -> "Amber";
            case RED -> "Red";
            case NO_DATA -> "No data";
        };
    }

    /** The RAG colour of a milestone status. */
    public static Rag ragOf(MilestoneStatus status) {
        return switch (StatusHealth.of(status)) {
            case HEALTHY -> Rag.GREEN;
            case AMBER -> Rag.AMBER;
            case RED -> Rag.RED;
            case NEUTRAL -> Rag.NO_DATA;
        };
    }

    public static Span status(MilestoneStatus status) {
        Span badge = rag(ragOf(status));
        badge.setText(statusText(status));
        badge.getElement().setAttribute("title", "Status: " + statusText(status));
        return badge;
    }

    public static String statusText(Enum<?> status) {
        String words = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "3 on track · 1 at risk · 2 overdue": the non-zero counts of a roll-up. */
    public static String counts(RollUpResult result) {
        String text = result.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + statusText(e.getKey()).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" · "));
        return text.isEmpty() ? "no milestones" : text;
    }

    public static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "–";
    }

    public static String number(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.2f", value);
    }

    public static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static String violations(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }

    /** The constant of the enum with this name, if there is one (a hand-edited address may name none). */
    public static <E extends Enum<E>> Optional<E> constant(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first value of a query parameter, if given and not blank. */
    public static Optional<String> parameter(QueryParameters parameters, String name) {
        Map<String, List<String>> all = parameters.getParameters();
        return Optional.ofNullable(all.get(name)).flatMap(v -> v.stream().findFirst()).filter(s -> !s.isBlank());
    }

    /** A query parameter that names a day (2026-06-30), if given and well-formed; anything else is no day. */
    public static Optional<java.time.LocalDate> day(QueryParameters parameters, String name) {
        return parameter(parameters, name).flatMap(text -> {
            try {
                return Optional.of(java.time.LocalDate.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
