package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.support.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The three journeys of the product, each through the real Keycloak login page in headless Chromium: an
 * executive opens an at-risk item and reads why; a lead checks in on a milestone and the dashboard and the audit
 * history show it; an auditor exports the accountability report as PDF. And the stale check-in: a lead who opened
 * a milestone before someone else saved gets a plain conflict message, and nothing is stored.
 */
class JourneyBrowserIT extends BrowserTest {

    @Test
    void anExecutiveOpensAnAtRiskItemAndSeesWhy() {
        JourneyStory story = JourneyStory.get();
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/dashboard?program=" + story.program, "exec", "exec");

        assertThat(page.locator("#dashboard-program input")).hasValue(story.programName);
        Locator atRisk = page.locator("#at-risk-grid");
        assertThat(atRisk).containsText(story.atRiskTitle);
        // the list itself says why: which target, how far from it, and what the forecast says
        assertThat(atRisk).containsText(reason(story));
        assertThat(atRisk).containsText("forecast");
        assertThat(page.locator("#heat-map")).containsText("Red");
        Browser.screenshot(page, "journey-executive-dashboard");

        page.locator("a.at-risk-link", new Page.LocatorOptions().setHasText(story.atRiskTitle)).click();

        page.waitForURL(Pattern.compile(".*/accountability/support\\?milestone=" + story.atRisk + "$"));
        // the dialog's host element has no box of its own: its content (in the overlay) is what shows
        Locator dialog = page.locator("#milestone-dialog");
        assertThat(page.locator("#milestone-why")).isVisible();
        assertThat(dialog).containsText(story.atRiskTitle);
        assertThat(page.locator("#milestone-why")).containsText(reason(story));
        assertThat(page.locator("#milestone-why")).containsText("forecast");
        // an executive reads; only the department's leads check in
        assertThat(page.locator("#checkin-save")).hasCount(0);
        Browser.screenshot(page, "journey-executive-at-risk-reason");
    }

    @Test
    void aLeadChecksInAndTheDashboardAndTheAuditHistoryShowIt() throws IOException {
        JourneyStory story = JourneyStory.get();
        Page page = browser.desktopPage();
        page.navigate(base + "/");
        page.locator("#username").fill("lead-support");
        page.locator("#password").fill("lead-support");
        long submitted = System.nanoTime();
        page.locator("#kc-login").click();
        page.locator("#accountability-heading").waitFor();
        long millis = (System.nanoTime() - submitted) / 1_000_000;
        System.out.println("Login form submitted → department accountability view visible: " + millis + " ms");
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.writeString(Browser.SCREENSHOTS.resolve("login-to-department.txt"),
                "Keycloak login form submitted to the department accountability view visible (lead-support, 1280x800): "
                        + millis + " ms\n");
        page.waitForURL(base + "/accountability/support");
        assertThat(page.locator("#accountability-authority")).containsText("You may check in");
        // other journeys (in this class or another) may have moved support's milestones already: count from here
        int inProgressBefore = supportInProgress(page, story);
        page.navigate(base + "/accountability/support");

        Locator row = page.locator("#milestones-grid");
        assertThat(row).containsText(story.checkInTitle);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in on " + story.checkInTitle)).click();
        Locator dialog = page.locator("#milestone-dialog");
        assertThat(dialog).containsText(story.checkInTitle);
        choose(page, "#checkin-status", "In progress");
        page.locator("#checkin-progress input").fill("40");
        page.locator("#checkin-comment textarea").fill("Script drafted with the night shift; legal review next week");
        page.locator("#checkin-evidence textarea").fill("https://intranet.example.com/cx/callback-script-v1");
        Browser.screenshot(page, "journey-lead-check-in-form");
        page.locator("#checkin-save").click();

        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Check-in saved"))).isVisible();
        assertThat(page.locator("#checkin-save")).hasCount(0);
        JsonNode stored = ok(Api.as("exec").get("/api/milestones/" + story.checkIn), 200);
        assertEquals(40, stored.get("progress").asInt(), stored::toString);
        assertEquals(1, stored.get("checkInCount").asInt(), stored::toString);
        assertThat(page.locator("#milestones-grid")).containsText("In progress");
        Browser.screenshot(page, "journey-lead-checked-in");

        assertEquals(inProgressBefore + 1, supportInProgress(page, story));
        Browser.screenshot(page, "journey-lead-dashboard");

        Page auditor = browser.desktopPage();
        Browser.signIn(auditor, base + "/audit?entity=milestone&id=" + story.checkIn, "auditor", "auditor");
        Locator history = auditor.locator("#audit-grid");
        assertThat(history).containsText("lead-support");
        assertThat(history).containsText("IN_PROGRESS");
        Browser.screenshot(auditor, "journey-lead-check-in-in-audit");
    }

    @Test
    void anAuditorExportsTheReportAsPdf() throws IOException {
        JourneyStory.get();
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/audit?department=support", "auditor", "auditor");
        assertThat(page.locator("#export-pdf")).isVisible();

        Download download = page.waitForDownload(() -> page.locator("#export-pdf").click());

        assertEquals(null, download.failure());
        Path file = download.path();
        byte[] pdf = Files.readAllBytes(file);
        assertTrue(pdf.length > 0);
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(download.suggestedFilename().endsWith(".pdf"), download.suggestedFilename());
        // the progress the view showed while the report streamed ends with its size
        assertThat(page.locator("#export-status")).containsText("The PDF report is ready");
        // produced in-process by the same report service as the API: its digest is on record, under a signed checkpoint
        java.net.http.HttpRequest.Builder verify = java.net.http.HttpRequest.newBuilder(
                        io.cxtracker.it.support.HttpJson.forBaseUrl().uri("/api/reports/verify"))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf));
        JsonNode recorded = ok(Api.as("auditor").send(verify), 200);
        assertTrue(recorded.get("matches").asBoolean(), recorded::toString);
        assertEquals("auditor", recorded.get("generatedBy").asText(), recorded::toString);
        assertEquals("pdf", recorded.get("format").asText(), recorded::toString);
        assertTrue(download.suggestedFilename().contains(recorded.get("reportId").asText()), download.suggestedFilename());
        assertTrue(recorded.at("/checkpoint/valid").asBoolean(), recorded::toString);
        Files.copy(file, Browser.SCREENSHOTS.resolve("accountability-report-support.pdf"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Browser.screenshot(page, "journey-auditor-export");
    }

    @Test
    void aStaleCheckInShowsTheConflictAndStoresNothing() {
        JourneyStory story = JourneyStory.get();
        String url = base + "/accountability/support?milestone=" + story.conflict;
        Page first = browser.desktopPage();
        Browser.signIn(first, base + "/accountability/support", "lead-support", "lead-support");
        first.navigate(url);
        Page second = browser.desktopPage();
        Browser.signIn(second, base + "/accountability/support", "lead-support", "lead-support");
        second.navigate(url);
        Browser.screenshot(second, "journey-stale-check-in-opened");
        // the deep link opened the milestone's check-in in both, each with the version it saw
        assertThat(first.locator("#milestone-dialog")).containsText(story.conflictTitle);
        assertThat(first.locator("#checkin-save")).isVisible();
        assertThat(second.locator("#checkin-save")).isVisible();

        choose(first, "#checkin-status", "In progress");
        first.locator("#checkin-progress input").fill("20");
        first.locator("#checkin-save").click();
        assertThat(first.locator("#checkin-save")).hasCount(0);

        choose(second, "#checkin-status", "At risk");
        second.locator("#checkin-progress input").fill("10");
        second.locator("#checkin-comment textarea").fill("Trainer is off sick");
        second.locator("#checkin-save").click();

        Locator conflict = second.locator("#checkin-conflict");
        assertThat(conflict).isVisible();
        assertThat(conflict).containsText("Someone else saved this milestone first");
        assertThat(second.locator("#checkin-save")).isDisabled();
        assertThat(second.locator("body")).not().containsText("Exception");
        Browser.screenshot(second, "journey-stale-check-in-conflict");

        JsonNode stored = ok(Api.as("exec").get("/api/milestones/" + story.conflict), 200);
        assertEquals(1, stored.get("checkInCount").asInt(), stored::toString);
        assertEquals(20, stored.get("progress").asInt(), stored::toString);
    }

    /** The dashboard's "N in progress" on support's card (0 when the card names no milestone in progress). */
    private int supportInProgress(Page page, JourneyStory story) {
        page.navigate(base + "/dashboard?program=" + story.program);
        Locator card = page.locator("#department-cards .cx-card")
                // named "Customer Support" by the story, or "support" when another class made the department first
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("support", Pattern.CASE_INSENSITIVE)));
        assertThat(card).isVisible();
        Browser.settled(page);
        java.util.regex.Matcher m = Pattern.compile("(\\d+) in progress").matcher(card.textContent());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** "fdr-… (support): 65.60 now vs target 80 from baseline 65 (4% of the way); forecast 49 by …": the window's value slid. */
    private static Pattern reason(JourneyStory story) {
        // a JavaScript regular expression (Playwright matches in the browser): no \Q…\E quoting
        return Pattern.compile(story.fdr + " \\(support\\): 6[4-6](\\.\\d+)? now vs target 80 from baseline 65 "
                + "\\(\\d+% of the way\\); forecast \\d+(\\.\\d+)? by ");
    }

    /** Picks an item of a Vaadin combo box by its label. */
    static void choose(Page page, String comboBox, String label) {
        // a view may have chosen it already (the webhooks form starts on the first program, which may be the test's):
        // typing the text the field already holds changes nothing, so no list opens to pick from
        if (!label.equals(page.locator(comboBox + " input").inputValue())) {
            page.locator(comboBox + " input").fill(label);
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        }
        assertThat(page.locator(comboBox + " input")).hasValue(label);
    }
}
