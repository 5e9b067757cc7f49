package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Browser;
import org.junit.jupiter.api.Test;

/**
 * The Review view in the browser: a milestone is checked in and overridden; the executive opens Review, sees the
 * change with who made it and why, the check-in and the override; marks the review done (the changes then count
 * from it), and follows the link to yesterday's dashboard, which says it is as of then and is read-only.
 * Screenshots: review-*.png.
 */
class ReviewBrowserIT extends BrowserTest {

    @Test
    void theExecutiveSeesWhatChangedMarksTheReviewAndOpensThePastDashboard() {
        Plan plan = new Plan();
        plan.demoDepartment("support");
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "LISTEN", "support");
        String title = Plan.unique("Vendor chosen");
        var created = Api.admin().post("/api/milestones", """
                {"initiativeId":%d,"title":"%s","ownerDepartment":"support","ownerPerson":"alice","due":"%s"}"""
                .formatted(initiative, title, Plan.today().plusDays(60)));
        long milestone = ok(created, 201).get("id").asLong();
        var checkIn = Api.write(Api.as("lead-support"), "POST", "/api/milestones/" + milestone + "/check-ins",
                "{\"status\":\"IN_PROGRESS\",\"progress\":40,\"comment\":\"Shortlist of two vendors\"}", Api.etag(created));
        ok(checkIn, 201);
        ok(Api.write(Api.admin(), "POST", "/api/milestones/" + milestone + "/override",
                "{\"status\":\"BLOCKED\",\"reason\":\"Both vendors withdrew\"}", Api.etag(checkIn)), 200);

        Page exec = browser.desktopPage();
        Browser.signIn(exec, base + "/review?program=" + program, "exec", "exec");
        exec.navigate(base + "/review?program=" + program);
        assertThat(exec.locator("#feature-nav")).containsText("Review");
        assertThat(exec.locator("#review-period")).containsText("Each side is read as the system knew it then");
        assertThat(exec.locator("#status-changes")).containsText(title);
        assertThat(exec.locator("#status-changes")).containsText("Both vendors withdrew");
        assertThat(exec.locator("#check-ins-made")).containsText("Shortlist of two vendors");
        assertThat(exec.locator("#overrides-made")).containsText("Both vendors withdrew");
        assertThat(exec.locator("#new-at-risk")).containsText(title);
        Browser.screenshot(exec, "review-changes");

        exec.locator("#review-note input").fill("Q3 board review");
        exec.locator("#review-mark").click();
        assertThat(exec.locator("#review-period")).containsText("the review by exec: Q3 board review");
        assertEquals("Q3 board review", ok(Api.as("auditor").get("/api/programs/" + program + "/reviews/latest"), 200)
                .get("note").asText());
        Browser.screenshot(exec, "review-after-mark");

        exec.navigate(base + "/dashboard?program=" + program + "&asOf=" + Plan.today().minusDays(1));
        assertThat(exec.locator("#as-of-banner")).containsText("As of the end of " + Plan.today().minusDays(1));
        assertThat(exec.locator("#as-of-banner")).containsText("cannot be changed here");
        Browser.screenshot(exec, "review-dashboard-as-of");
        assertEquals(0, exec.locator("#check-in-button, .check-in").count(), "an as-of view offers no check-in");
    }
}
