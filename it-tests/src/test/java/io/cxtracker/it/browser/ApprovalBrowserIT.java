package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Browser;
import org.junit.jupiter.api.Test;

/**
 * Four eyes in the browser: support's lead asks to override a milestone's status and sees it waiting ("override
 * requested", the status unchanged); the program admin finds it under Approvals, approves it with a reason, and the
 * lead's view then shows the new status. Screenshots: approval-*.png.
 */
class ApprovalBrowserIT extends BrowserTest {

    @Test
    void aLeadRequestsAnOverrideTheAdminApprovesItAndTheStatusChanges() {
        Plan plan = new Plan();
        plan.demoDepartment("support");
        long program = plan.program();
        long initiative = plan.initiative(program, 1, "MEASURE", "support");
        String title = Plan.unique("Callback within a day");
        long milestone = ok(Api.admin().post("/api/milestones", """
                {"initiativeId":%d,"title":"%s","ownerDepartment":"support","ownerPerson":"alice","due":"%s"}"""
                .formatted(initiative, title, Plan.today().plusDays(60))), 201).get("id").asLong();

        Page lead = browser.desktopPage();
        Browser.signIn(lead, base + "/accountability/support?milestone=" + milestone, "lead-support", "lead-support");
        Locator dialog = lead.locator("#milestone-dialog");
        assertThat(dialog).containsText(title);
        assertThat(lead.locator("#override-note")).containsText("sent for approval");
        assertThat(lead.locator("#override-send")).hasText("Send for approval");
        JourneyBrowserIT.choose(lead, "#override-status", "At risk");
        lead.locator("#override-reason input").fill("Callback vendor slips to next quarter");
        Browser.screenshot(lead, "approval-lead-request-form");
        lead.locator("#override-send").click();
        assertThat(lead.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Sent for approval")))
                .isVisible();
        Locator row = lead.locator("#milestones-grid");
        assertThat(row).containsText("override requested");
        assertThat(row).containsText("Override requested: at risk, by lead-support (waiting for approval)");
        Browser.screenshot(lead, "approval-lead-request-pending");
        assertEquals("NOT_STARTED", ok(Api.admin().get("/api/milestones/" + milestone), 200).get("status").asText(),
                "the derived status stands until approval");

        Page admin = browser.desktopPage();
        Browser.signIn(admin, base + "/approvals", "admin", "admin");
        admin.navigate(base + "/approvals");
        assertThat(admin.locator("#feature-nav")).containsText("Approvals");
        Locator pending = admin.locator("#pending-requests");
        assertThat(pending).containsText(title);
        Browser.screenshot(admin, "approval-admin-queue");
        pending.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(title)).first().waitFor();
        // the row's Approve button: the grid renders one per pending request; ours is the newest, listed last
        admin.locator(".request-approve").last().click();
        assertThat(admin.locator("#decision-dialog")).containsText(title);
        admin.locator("#decision-reason textarea").fill("Confirmed with the vendor's account manager");
        Browser.screenshot(admin, "approval-admin-decision");
        admin.locator("#decision-confirm").click();
        admin.locator("#decided-requests").waitFor();
        assertThat(admin.locator("#decided-requests")).containsText("Approved by admin: Confirmed with the vendor's account manager");
        Browser.screenshot(admin, "approval-admin-decided");

        assertEquals("AT_RISK", ok(Api.admin().get("/api/milestones/" + milestone), 200).get("status").asText());
        lead.navigate(base + "/accountability/support");
        Locator after = lead.locator("#milestones-grid");
        assertThat(after).containsText(title);
        assertThat(after).containsText("Set to at risk by lead-support: Callback vendor slips to next quarter");
        Browser.screenshot(lead, "approval-lead-after-approval");
    }
}
