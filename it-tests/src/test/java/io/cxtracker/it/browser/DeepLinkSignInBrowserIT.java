package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.cxtracker.it.api.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A deep link opened while signed out keeps its query through sign-in, on every view that takes one: the browser
 * signs in on Keycloak's page and lands on the address it was given, filters and all, with the view showing them,
 * under the app's Content-Security-Policy (nothing on the console) and without opening the link a second time.
 * WildFly's OIDC client alone returns to the path without its query. The views read as of a past day keep the day
 * (their banner says which).
 */
class DeepLinkSignInBrowserIT extends BrowserTest {

    private record Link(String path, Consumer<Page> shows) {
    }

    @Test
    void everyViewsDeepLinkKeepsItsQueryThroughSignIn() {
        JourneyStory story = JourneyStory.get();
        String yesterday = Plan.today().minusDays(1).toString();
        Consumer<Page> asOfYesterday = page -> assertThat(page.locator("#as-of-banner"))
                .containsText("As of the end of " + yesterday);
        List<Link> links = List.of(
                new Link("/accountability/support?asOf=" + yesterday, asOfYesterday),
                new Link("/departments/support?asOf=" + yesterday, asOfYesterday),
                new Link("/roadmap?program=" + story.program + "&asOf=" + yesterday, asOfYesterday),
                new Link("/metrics?metric=" + story.fdr + "&asOf=" + yesterday, asOfYesterday),
                new Link("/dashboard?program=" + story.program,
                        page -> assertThat(page.locator("#dashboard-program input")).hasValue(story.programName)),
                new Link("/accountability/support?milestone=" + story.checkIn,
                        page -> assertThat(page.locator("#milestone-dialog")).containsText(story.checkInTitle)),
                new Link("/roadmap?program=" + story.program + "&pillar=CHANGE", page -> {
                    assertThat(page.locator("#roadmap-pillar input")).hasValue("Change");
                    assertThat(page.locator("#roadmap-grid")).containsText("Rewrite the bill template");
                }),
                new Link("/metrics?metric=" + story.fdr + "&granularity=WEEK&department=support",
                        page -> assertThat(page.locator("#metric-verdict")).containsText("Target 80")),
                new Link("/listen?granularity=MONTH&months=6&theme=" + JourneyStory.HOLD_TIMES,
                        page -> assertThat(page.locator("#feedback-grid")).containsText("Waited 40 minutes")),
                new Link("/audit?department=support", page -> assertThat(page.locator("#audit-department input")).not().hasValue("")),
                new Link("/admin?tab=initiatives&program=" + story.program,
                        page -> assertThat(page.locator("#admin-initiatives")).containsText("Resolve billing calls on the first day")));
        List<String> wrong = new ArrayList<>();
        for (Link link : links) {
            Page page = browser.desktopPage();
            List<String> csp = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy") || message.text().contains("Content-Security-Policy")) {
                    csp.add(message.text());
                }
            });
            List<String> opened = new ArrayList<>();
            page.onResponse((Response r) -> {
                if (r.request().isNavigationRequest() && r.url().startsWith(base + link.path().substring(0, link.path().indexOf('?')))) {
                    opened.add(r.status() + " " + r.url());
                }
            });
            page.navigate(base + link.path());
            page.locator("#username").fill("admin");
            page.locator("#password").fill("admin");
            page.locator("#kc-login").click();
            page.waitForURL(url -> url.startsWith(base + "/") && !url.contains("code="));
            // the app's own redirect is the last hop: wait until the view is drawn, then read the address
            page.waitForLoadState();
            if (!page.url().equals(base + link.path())) {
                wrong.add(link.path() + " → " + page.url());
                continue;
            }
            link.shows().accept(page);
            assertEquals(List.of(), csp, link.path() + ": CSP messages on the console");
            // asked once before sign-in, once as Keycloak's answer, once with the query restored: never the bare path
            assertTrue(opened.stream().noneMatch(o -> o.equals("200 " + base + link.path().substring(0, link.path().indexOf('?')))),
                    link.path() + ": the bare path was served on the way: " + opened);
            assertTrue(page.context().cookies().stream().noneMatch(c -> c.name.equals("cx-sign-in-return")),
                    link.path() + ": the saved address is cleared once used");
            page.context().close();
        }
        assertEquals(List.of(), wrong, "deep links that lost their query through sign-in");
    }

    @Test
    void aLinkWithoutAQueryAndTheStartPageAreUnchanged() {
        Page page = browser.desktopPage();
        page.navigate(base + "/departments");
        page.locator("#username").fill("admin");
        page.locator("#password").fill("admin");
        page.locator("#kc-login").click();
        page.waitForURL(base + "/departments");
        assertThat(page.locator("#departments-grid")).isVisible();
        // no leftover address: a later visit to a page is not sent to an old deep link
        assertTrue(page.context().cookies().stream().noneMatch(c -> c.name.equals("cx-sign-in-return")),
                page.context().cookies().toString());
        page.context().close();
    }
}
