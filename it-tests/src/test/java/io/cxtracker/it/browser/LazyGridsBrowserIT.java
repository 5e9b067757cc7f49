package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Browser;
import io.cxtracker.it.support.ViewTour;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grids stay lazy whatever their size (issue 17, item 6): a department owns more milestones than one page fetch
 * (Vaadin's grid fetches 50 rows a page) and all of them are overdue, so its accountability view, the dashboard's
 * at-risk list and the roadmap each have more rows than a screen. Every view opens with no error notification and
 * no grid shows all of more than a screenful of rows; the long grids scroll to their last row page by page, and the
 * dashboard shows the first at-risk milestones with a link to all of them.
 */
class LazyGridsBrowserIT extends BrowserTest {

    /** More than one page fetch of the grid (50), so the last rows come from a second fetch. */
    static final int MILESTONES = 64;

    private static long program;
    private static String department;
    private static String metric;
    private static final List<String> titles = new ArrayList<>();

    @BeforeAll
    static void aDepartmentWithManyOverdueMilestones() {
        Plan plan = new Plan();
        department = plan.department("lazy");
        program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", department);
        metric = plan.metric("RATIO", "HIGHER_IS_BETTER", department);
        // due on consecutive days before today, none checked in: every one is overdue, the earliest due first
        for (int i = 0; i < MILESTONES; i++) {
            JsonNode m = plan.milestone(initiative, department, Plan.programStart().plusDays(i));
            titles.add(m.get("title").asText());
        }
    }

    @Test
    void everyViewOpensWithoutAnErrorAndNoGridShowsAllOfManyRows() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/departments", "admin", "admin");
        for (ViewTour.Stop stop : ViewTour.stops(program, department, metric)) {
            long millis = ViewTour.open(page, base, stop);
            page.waitForTimeout(300);
            Browser.screenshot(page, "lazy-" + stop.name());
            ViewTour.assertNoErrorNotification(page, stop.name());
            assertEquals(List.of(), ViewTour.eagerGrids(page), stop.name() + " shows every row of a long grid");
            System.out.printf("[lazy-grids] %-18s settled in %5d ms%n", stop.name(), millis);
        }
    }

    @Test
    void theAccountabilityGridFetchesItsLastRowsOnlyWhenScrolledTo() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/accountability/" + department, "admin", "admin");
        ViewTour.settled(page, "accountability");
        scrollsToItsLastRowPageByPage(page.locator("#milestones-grid"));
        Browser.screenshot(page, "lazy-accountability-scrolled");
        ViewTour.assertNoErrorNotification(page, "accountability");
    }

    @Test
    void theDashboardSummarisesTheAtRiskListAndLinksToAllOfItPageByPage() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/departments", "admin", "admin");
        page.navigate(base + "/dashboard?program=" + program);
        ViewTour.settled(page, "dashboard");
        Locator summary = page.locator("#at-risk-grid");
        assertThat(summary).containsText(titles.getFirst());
        assertEquals(ViewTour.VISIBLE_ROWS, ((Number) summary.evaluate("g => g.size")).intValue());
        Locator all = page.locator("#at-risk-show-all");
        assertThat(all).hasText("Show all " + MILESTONES + " milestones needing attention");
        all.click();
        ViewTour.settled(page, "milestone-list");

        assertThat(page.locator("#milestone-list-count")).containsText(MILESTONES + " milestones");
        scrollsToItsLastRowPageByPage(page.locator("#milestone-list-grid"));
        Browser.screenshot(page, "lazy-milestone-list");
        ViewTour.assertNoErrorNotification(page, "milestone list");
    }

    @Test
    void theRoadmapListsAFewMilestonesPerQuarterAndLinksToTheRest() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/departments", "admin", "admin");
        page.navigate(base + "/roadmap?program=" + program);
        ViewTour.settled(page, "roadmap");
        assertThat(page.locator("#roadmap-grid")).containsText(titles.getFirst());
        // 64 milestones due on consecutive days from the first of a month fall in at most two quarters
        Locator more = page.locator("#roadmap-grid .roadmap-more").first();
        assertThat(more).containsText("more");
        more.click();
        ViewTour.settled(page, "milestone-list");
        Locator list = page.locator("#milestone-list-grid");
        assertThat(list).containsText(titles.getFirst());
        assertThat(page.locator("#milestone-list-count")).containsText("in the pillar Measure");
        ViewTour.assertNoErrorNotification(page, "roadmap's list");
    }

    /**
     * The grid shows the earliest due first, knows all its rows but shows a screenful: the last row is in the second
     * page, which the browser has not asked for; scrolled to the end, the grid fetches it.
     */
    private static void scrollsToItsLastRowPageByPage(Locator grid) {
        assertThat(grid).containsText(titles.getFirst());
        assertEquals(MILESTONES, ((Number) grid.evaluate("g => g.size")).intValue());
        assertFalse((Boolean) grid.evaluate("g => g.allRowsVisible"), "the grid has a height of its own and scrolls");
        assertFalse((Boolean) grid.evaluate("(g, t) => g.textContent.includes(t)", titles.getLast()));
        grid.evaluate("g => g.scrollToIndex(g.size - 1)");
        // the second page's fetch is one round trip; a busy machine gets longer than the default five seconds
        assertThat(grid).containsText(titles.getLast(), new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
    }
}
