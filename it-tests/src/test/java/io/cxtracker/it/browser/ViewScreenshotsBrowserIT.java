package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Browser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every view, opened by its deep link and filled with the journey story's data, at desktop (1280×800) and tablet
 * (768×1024) size, each checked for its content and saved as a screenshot; the layout must not scroll sideways.
 * And the Listen view's CSV import: a file with a bad row stores nothing and lists the row, then "store only the
 * valid rows" keeps the good ones.
 */
class ViewScreenshotsBrowserIT extends BrowserTest {

    private record View(String name, String path, String id, Consumer<Page> check) {
    }

    private List<View> views(JourneyStory story) {
        return List.of(
                new View("dashboard", "/dashboard?program=" + story.program, "#dashboard", page -> {
                    assertThat(page.locator("#pillar-cards")).containsText("Listen");
                    assertThat(page.locator("#heat-map")).containsText("Red");
                    assertThat(page.locator("#at-risk-grid")).containsText(story.atRiskTitle);
                    assertThat(page.locator("#trend-charts cx-trend-chart").first()).isVisible();
                }),
                new View("accountability", "/accountability/support", "#accountability", page -> {
                    assertThat(page.locator("#milestones-grid")).containsText(story.checkInTitle);
                    assertThat(page.locator("#targets")).containsText("First-day resolution");
                    assertThat(page.locator("#raci-grid")).containsText("Bills customers understand");
                    assertThat(page.locator("#raci-grid")).containsText("Responsible");
                }),
                new View("roadmap", "/roadmap?program=" + story.program, "#roadmap", page -> {
                    assertThat(page.locator("#roadmap")).containsText("Rewrite the bill template");
                    assertThat(page.locator("#roadmap")).containsText("NPS above 40 for four quarters");
                }),
                new View("metrics", "/metrics?metric=" + story.fdr + "&granularity=WEEK&department=support", "#metrics", page -> {
                    assertThat(page.locator("#metric-definitions")).containsText("First-day resolution");
                    assertThat(page.locator("#metric-verdict")).containsText("Target 80");
                    assertThat(page.locator("#metric-targets")).containsText("Red");
                }),
                new View("listen", "/listen?granularity=MONTH&months=6&theme=" + JourneyStory.HOLD_TIMES, "#listen", page -> {
                    assertThat(page.locator("#survey-nps")).containsText("Promoters");
                    assertThat(page.locator("#survey-csat")).containsText("Satisfied");
                    assertThat(page.locator("#survey-ces")).containsText("Mean of");
                    assertThat(page.locator("#themes-grid")).containsText(JourneyStory.HOLD_TIMES);
                    assertThat(page.locator("#feedback-grid")).containsText("Waited 40 minutes");
                    assertThat(page.locator("#commitments-grid")).containsText("Offer a callback after five minutes on hold");
                    assertThat(page.locator("#closed-loop")).containsText(story.checkInTitle);
                    assertThat(page.locator("#closed-loop")).containsText("Net Promoter Score (support)");
                    // support's NPS after the promise is above the month before it
                    assertThat(page.locator("#closed-loop .loop-metric").first().locator("[theme='badge success primary']")).hasText("improved");
                }),
                new View("audit", "/audit?department=support", "#audit", page -> {
                    assertThat(page.locator("#audit-grid")).containsText("milestone");
                    assertThat(page.locator("#export-pdf")).isVisible();
                }),
                new View("admin", "/admin?tab=initiatives&program=" + story.program, "#admin", page -> {
                    assertThat(page.locator("#admin-initiatives")).containsText("Resolve billing calls on the first day");
                    assertThat(page.locator("#admin-initiatives")).containsText("support: Responsible");
                    assertThat(page.locator("#admin-initiative-title")).isVisible();
                }),
                new View("approvals", "/approvals", "#approvals", page -> {
                    assertThat(page.locator("#pending-requests")).isVisible();
                    assertThat(page.locator("#approvals-about")).containsText("Nobody decides their own request");
                }),
                new View("departments", "/departments", "#departments-grid", page -> {
                    assertThat(page.locator("#departments-grid")).containsText("support");
                    assertThat(page.locator("#departments-grid")).containsText("marketing");
                }));
    }

    @Test
    void everyViewIsFilledAtDesktopAndTabletSize() {
        JourneyStory story = JourneyStory.get();
        for (boolean tablet : new boolean[] {false, true}) {
            Page page = tablet ? browser.tabletPage() : browser.desktopPage();
            // signed in first, then each view by its deep link: the OIDC login drops a URL's query on its way back
            Browser.signIn(page, base + "/departments", "admin", "admin");
            for (View view : views(story)) {
                page.navigate(base + view.path());
                assertThat(page.locator(view.id())).isVisible();
                String size = tablet ? "-768x1024" : "-1280x800";
                // the grids filled and nothing moving before the picture
                Browser.settled(page);
                Browser.screenshot(page, view.name() + size);
                fullLength(page, view.name() + size + "-full");
                view.check().accept(page);
                assertThat(page.locator("vaadin-notification-card")).hasCount(0);
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertTrue(((Number) overflow).intValue() <= 1, view.name() + " scrolls sideways by " + overflow + " px"
                        + (tablet ? " on a tablet" : ""));
            }
        }
    }

    /** The whole view, not just the first screen: the app layout scrolls its content, so the page is made as tall as it. */
    private static void fullLength(Page page, String name) {
        var viewport = page.viewportSize();
        Number height = (Number) page.evaluate("() => { const c = document.querySelector('vaadin-app-layout > *:not([slot])');"
                + " return c ? c.scrollHeight + 80 : document.body.scrollHeight; }");
        page.setViewportSize(viewport.width, Math.max(viewport.height, Math.min(6000, height.intValue())));
        Browser.settled(page);
        Browser.screenshot(page, name);
        page.setViewportSize(viewport.width, viewport.height);
    }

    @Test
    void aProgramAdminImportsSurveyAnswersFromCsvInTheListenView() {
        JourneyStory.get();
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/listen", "admin", "admin");
        String key = "ui-import-" + System.nanoTime();
        LocalDate day = Plan.today().minusDays(1);
        String csv = "kind,score,answeredAt,channel,departmentCode,idempotencyKey\n"
                + "NPS,9," + day + "T10:00:00Z,web,support," + key + "-1\n"
                + "NPS,11," + day + "T10:05:00Z,web,support," + key + "-2\n"
                + "CSAT,5," + day + "T10:10:00Z,web,support," + key + "-3\n";
        page.locator("#import-upload input[type=file]").setInputFiles(
                new FilePayload("answers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#import-file")).containsText("answers.csv");

        page.locator("#import-run").click();
        Locator summary = page.locator("#import-summary");
        assertThat(summary).containsText("3 rows: 2 accepted, 0 already stored, 1 refused — nothing was stored.");
        assertThat(page.locator("#import-errors")).containsText("score");
        assertThat(page.locator("#import-errors")).containsText("3");
        Browser.screenshot(page, "listen-import-refused");

        page.locator("#import-valid-only input").check();
        page.locator("#import-run").click();
        assertThat(summary).containsText("3 rows: 2 accepted, 0 already stored, 1 refused — the accepted rows are stored.");
        Browser.screenshot(page, "listen-import-valid-rows-stored");

        page.locator("#import-run").click();
        assertThat(summary).containsText("0 accepted, 2 already stored, 1 refused");
        assertEquals(0, page.locator("text=Exception").count());
    }
}
