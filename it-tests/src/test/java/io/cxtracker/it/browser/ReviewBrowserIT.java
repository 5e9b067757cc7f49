package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Browser;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.HttpJson;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Review view in the browser: a milestone is checked in and overridden; the executive opens Review, sees the
 * change with who made it and why, the check-in and the override; marks the review done (the changes then count
 * from it), and follows the link to yesterday's dashboard, which says it is as of then and is read-only. A lead opens
 * the department, accountability, roadmap and metrics views as of yesterday: each says so and offers no check-in,
 * while the same lead's view of today does. Screenshots: review-*.png, as-of-*.png.
 */
class ReviewBrowserIT extends BrowserTest {

    @Test
    void theExecutiveSeesWhatChangedMarksTheReviewAndOpensThePastDashboard() {
        Plan plan = new Plan();
        plan.demoDepartment("support");
        long program = plan.program();
        String title = Plan.unique("Vendor chosen");
        var created = supportMilestone(plan, program, title);
        checkInThenOverride(created, "Shortlist of two vendors");

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

    /**
     * The plan as it stood two days ago holds the milestone (its first history row is dated then, as if it had been
     * planned then); today it was checked in and overridden. As of yesterday the lead sees it not started, with
     * Details only; today, blocked, with Check in.
     */
    @Test
    void aLeadReadsTheAccountabilityRoadmapAndMetricsViewsAsOfYesterdayReadOnly() {
        Plan plan = new Plan();
        plan.demoDepartment("support");
        long program = plan.program();
        String title = Plan.unique("Survey vendor chosen");
        var created = supportMilestone(plan, program, title);
        long milestone = created.json().get("id").asLong();
        // history is append-only: a row dated two days back is the plan as it stood then
        Database.execute("""
                INSERT INTO milestone_history (milestone_id, valid_from, initiative_id, title, owner_department_id, due_date,
                                               weight, override_status, override_reason, override_by, override_at, target_ids)
                SELECT milestone_id, cx_now() - interval '2 days', initiative_id, title, owner_department_id, due_date,
                       weight, override_status, override_reason, override_by, override_at, target_ids
                  FROM milestone_history WHERE milestone_id = %d ORDER BY id LIMIT 1""".formatted(milestone));
        // … and so was its initiative (V22), or the milestone of then would have no initiative of then
        Database.execute("""
                INSERT INTO initiative_history (initiative_id, valid_from, program_id, phase_id, pillar, title, description,
                                                accountable_department_id, raci_department_ids, raci_roles, version)
                SELECT ih.initiative_id, cx_now() - interval '2 days', ih.program_id, ih.phase_id, ih.pillar, ih.title,
                       ih.description, ih.accountable_department_id, ih.raci_department_ids, ih.raci_roles, ih.version
                  FROM initiative_history ih JOIN milestone m ON m.initiative_id = ih.initiative_id
                 WHERE m.id = %d ORDER BY ih.id LIMIT 1""".formatted(milestone));
        checkInThenOverride(created, "Shortlist of two");
        String yesterday = Plan.today().minusDays(1).toString();
        String checkInOn = "Check in on " + title;
        String detailsOf = "Details of " + title;

        Page lead = browser.desktopPage();
        Browser.signIn(lead, base + "/accountability/support", "lead-support", "lead-support");
        lead.navigate(base + "/accountability/support");
        assertThat(lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(checkInOn))).isVisible();
        assertEquals(0, lead.locator("#as-of-banner").count(), "today's view is live");

        lead.navigate(base + "/accountability/support?asOf=" + yesterday);
        assertThat(lead.locator("#as-of-banner")).containsText("As of the end of " + yesterday);
        assertThat(lead.locator("#accountability-authority")).containsText("Read-only: as of " + yesterday);
        assertThat(lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(detailsOf))).isVisible();
        assertEquals(0, lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(checkInOn)).count(),
                "an as-of view offers no check-in");
        assertThat(lead.locator("#milestones-grid")).containsText("Not started");
        Browser.screenshot(lead, "as-of-accountability");
        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(detailsOf)).click();
        assertThat(lead.locator("#milestone-dialog")).containsText("0 check-ins by then");
        assertThat(lead.locator("#milestone-close")).isVisible();
        assertEquals(0, lead.locator("#override-section, #override-send, vaadin-dialog-overlay vaadin-button:has-text('Save')").count(),
                "the past cannot be overridden or checked in on");
        Browser.screenshot(lead, "as-of-accountability-details");
        lead.locator("#milestone-close").click();

        lead.navigate(base + "/departments/support?asOf=" + yesterday);
        assertThat(lead.locator("#as-of-banner")).containsText("As of the end of " + yesterday);
        assertThat(lead.locator("#department-authority")).containsText("Read-only");
        assertThat(lead.locator("#department-accountability-link")).hasAttribute("href",
                Pattern.compile("accountability/support\\?asOf=" + yesterday + "$"));
        Browser.screenshot(lead, "as-of-department");

        lead.navigate(base + "/roadmap?program=" + program + "&asOf=" + yesterday);
        assertThat(lead.locator("#as-of-banner")).containsText("As of the end of " + yesterday);
        assertThat(lead.locator(".roadmap-milestone[aria-label^='" + title + "']")).hasAttribute("aria-label",
                title + ", support, due " + Plan.today().plusDays(60) + ", Not started");
        assertThat(lead.locator("#roadmap")).containsText("status as of the end of " + yesterday);
        Browser.screenshot(lead, "as-of-roadmap");
        lead.navigate(base + "/roadmap?program=" + program);
        assertThat(lead.locator(".roadmap-milestone[aria-label^='" + title + "']")).hasAttribute("aria-label",
                title + ", support, due " + Plan.today().plusDays(60) + ", Blocked");

        // the roadmap's and dashboard's full list keeps the day, and so do its links to the accountability view
        lead.navigate(base + "/milestones?program=" + program + "&asOf=" + yesterday);
        assertThat(lead.locator("#as-of-banner")).containsText("As of the end of " + yesterday);
        assertThat(lead.locator("#milestone-list-grid")).containsText("Not started");
        assertThat(lead.locator("#milestone-list-grid .at-risk-link")).hasAttribute("href",
                Pattern.compile("accountability/support\\?milestone=" + milestone + "&asOf=" + yesterday + "$"));

        // a target set today: none as of yesterday, with its numbers today
        String metric = plan.metric("CSAT", "HIGHER_IS_BETTER", "support");
        plan.target(metric, "support", 70, 80, Plan.today().plusDays(200), 2);
        String series = base + "/metrics?metric=" + metric + "&granularity=WEEK&department=support";
        lead.navigate(series + "&asOf=" + yesterday);
        assertThat(lead.locator("#as-of-banner")).containsText("As of the end of " + yesterday);
        assertThat(lead.locator("#metrics-as-of input")).hasValue(Pattern.compile(".+"));
        assertThat(lead.locator("#metric-verdict")).hasText("No target for this scope.");
        assertEquals(0, lead.locator("#metrics vaadin-button:has-text('Edit'), #metrics vaadin-button:has-text('Save')").count(),
                "the metrics view offers no edit while as of");
        Browser.screenshot(lead, "as-of-metrics");
        lead.navigate(series);
        assertThat(lead.locator("#metric-verdict")).containsText("Target 80 by " + Plan.today().plusDays(200));
        assertEquals(0, lead.locator("#as-of-banner").count(), "today's metrics are live");
    }

    /** A milestone of support's, due in 60 days, under a Listen initiative of the program. */
    private static HttpJson.Reply supportMilestone(Plan plan, long program, String title) {
        long initiative = plan.initiative(program, 1, "LISTEN", "support");
        var created = Api.admin().post("/api/milestones", """
                {"initiativeId":%d,"title":"%s","ownerDepartment":"support","ownerPerson":"alice","due":"%s"}"""
                .formatted(initiative, title, Plan.today().plusDays(60)));
        ok(created, 201);
        return created;
    }

    /** Support's lead checks the milestone in as in progress; the program admin then overrides it to blocked. */
    private static void checkInThenOverride(HttpJson.Reply created, String comment) {
        long milestone = created.json().get("id").asLong();
        var checkIn = Api.write(Api.as("lead-support"), "POST", "/api/milestones/" + milestone + "/check-ins",
                "{\"status\":\"IN_PROGRESS\",\"progress\":40,\"comment\":\"" + comment + "\"}", Api.etag(created));
        ok(checkIn, 201);
        ok(Api.write(Api.admin(), "POST", "/api/milestones/" + milestone + "/override",
                "{\"status\":\"BLOCKED\",\"reason\":\"Both vendors withdrew\"}", Api.etag(checkIn)), 200);
    }
}
