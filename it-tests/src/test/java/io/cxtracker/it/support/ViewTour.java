package io.cxtracker.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * A walk through every view of the app, as the browser tests and the first-paint benchmark take it: each view opened
 * by its deep link, timed until its grids show rows (or say they have none), and checked for an error notification.
 */
public final class ViewTour {

    /** One view: a name for the reports and screenshots, its path, and the id of the element that is the view. */
    public record Stop(String name, String path, String id) {
    }

    /** The rows a grid may show all at once (the UI's {@code Views.VISIBLE_ROWS}); beyond that it must scroll lazily. */
    public static final int VISIBLE_ROWS = 10;

    /**
     * True once the view's element is there and every grid it shows has its size from the server, is not loading,
     * and shows at least one body cell with text unless it is empty. Body cells are the ones slotted into a {@code td}.
     */
    private static final String SETTLED = """
            id => {
              if (!document.getElementById(id)) return false;
              const grids = [...document.querySelectorAll('vaadin-grid')].filter(g => g.offsetParent !== null);
              return grids.every(g => typeof g.size === 'number' && !g.hasAttribute('loading')
                  && (g.size === 0 || [...g.querySelectorAll('vaadin-grid-cell-content')].some(c =>
                      c.assignedSlot && c.assignedSlot.parentElement && c.assignedSlot.parentElement.localName === 'td'
                      && c.textContent.trim() !== '')));
            }""";

    /** The grids shown with all their rows although they have more than a screenful: each would fetch every row. */
    private static final String EAGER_GRIDS = """
            max => [...document.querySelectorAll('vaadin-grid')]
                .filter(g => g.allRowsVisible && typeof g.size === 'number' && g.size > max)
                .map(g => (g.id || '(grid without id)') + ': ' + g.size + ' rows')""";

    private ViewTour() {
    }

    /** Every view of the app for a program, a department and a metric in it. */
    public static List<Stop> stops(long program, String department, String metric) {
        return List.of(
                new Stop("home", "/", "departments-grid"),
                new Stop("dashboard", "/dashboard?program=" + program, "dashboard"),
                new Stop("milestones-at-risk", "/milestones?attention=true&program=" + program, "milestone-list"),
                new Stop("accountability", "/accountability/" + department, "accountability"),
                new Stop("department", "/departments/" + department, "department-accountability"),
                new Stop("departments", "/departments", "departments-grid"),
                new Stop("roadmap", "/roadmap?program=" + program, "roadmap"),
                new Stop("metrics", "/metrics?metric=" + metric + "&granularity=MONTH", "metrics"),
                new Stop("listen", "/listen?granularity=MONTH&months=6", "listen"),
                new Stop("audit", "/audit", "audit"),
                new Stop("approvals", "/approvals", "approvals"),
                new Stop("webhooks", "/webhooks", "webhooks"),
                new Stop("admin-programs", "/admin?tab=programs&program=" + program, "admin"),
                new Stop("admin-initiatives", "/admin?tab=initiatives&program=" + program, "admin"),
                new Stop("admin-milestones", "/admin?tab=milestones&program=" + program, "admin"),
                new Stop("admin-metrics", "/admin?tab=metrics&program=" + program, "admin"),
                new Stop("admin-targets", "/admin?tab=targets&program=" + program, "admin"));
    }

    /** Opens the view and waits until it has settled; the milliseconds from the navigation's start. */
    public static long open(Page page, String base, Stop stop) {
        long started = System.nanoTime();
        page.navigate(base + stop.path());
        settled(page, stop.id());
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Waits (polling every animation frame) until the view's element is there and its grids show rows. */
    public static void settled(Page page, String id) {
        page.waitForFunction(SETTLED, id, new Page.WaitForFunctionOptions().setPollingInterval(16).setTimeout(60_000));
    }

    /** Fails when the page shows a notification of an error ("Something went wrong" and the like). */
    public static void assertNoErrorNotification(Page page, String view) {
        Object errors = page.evaluate("() => [...document.querySelectorAll('vaadin-notification-card')]"
                + ".filter(c => (c.getAttribute('theme') || '').includes('error')).map(c => c.textContent.trim())");
        assertEquals(List.of(), errors, view + " shows an error notification");
    }

    /** The grids of the page that show all of more than {@link #VISIBLE_ROWS} rows (each fetches every row at once). */
    @SuppressWarnings("unchecked")
    public static List<String> eagerGrids(Page page) {
        return (List<String>) page.evaluate(EAGER_GRIDS, VISIBLE_ROWS);
    }
}
