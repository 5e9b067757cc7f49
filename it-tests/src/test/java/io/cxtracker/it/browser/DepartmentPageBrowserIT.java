package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.cxtracker.it.support.Browser;
import io.cxtracker.it.support.HttpJson;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The Vaadin department page in headless Chromium, against the same service the API uses. The browser
 * signs in through the real Keycloak login page as the demo program admin.
 */
class DepartmentPageBrowserIT extends BrowserTest {

    private final HttpJson api = HttpJson.asProgramAdmin();

    @Test
    void showsADepartmentCreatedThroughTheApi() {
        // a fresh code: the journey tests register the demo departments (marketing, support) in the same run
        String code = io.cxtracker.it.api.Plan.unique("brand");
        assertEquals(201, api.post("/api/departments", """
                {"code":"%s","name":"Marketing and Brand"}""".formatted(code)).status());

        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/departments", "admin", "admin");
        assertThat(page.locator("#departments-grid")).containsText("Marketing and Brand");
        assertThat(page.locator("#signed-in-roles")).containsText("program-admin");
        assertTrue(Files.exists(Browser.screenshot(page, "departments-created-1280x800")));

        Page tablet = browser.tabletPage();
        Browser.signIn(tablet, base + "/departments", "admin", "admin");
        assertThat(tablet.locator("#departments-grid")).containsText("Marketing and Brand");
        Browser.screenshot(tablet, "departments-created-768x1024");
    }

    @Test
    void addsADepartmentThroughTheFormThatTheApiThenServes() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/departments", "admin", "admin");
        // a code and name of this test's own: nothing else in the run makes them, whatever ran before
        String code = io.cxtracker.it.api.Plan.unique("onboarding");
        String name = "Customer Onboarding " + code;
        page.locator("#department-code input").fill(code);
        page.locator("#department-name input").fill(name);
        page.locator("#department-save").click();
        assertThat(page.locator("#departments-grid")).containsText(name);

        var read = api.get("/api/departments/" + code);
        assertEquals(200, read.status(), read::toString);
        assertEquals(name, read.json().get("name").asText());
    }

    @Test
    void formShowsTheRuleItBreaks() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/departments", "admin", "admin");
        page.locator("#department-code input").fill("Bad Code");
        page.locator("#department-name input").fill("Whatever");
        page.locator("#department-save").click();
        assertThat(page.locator("#department-code")).hasAttribute("invalid", "");
        Browser.screenshot(page, "departments-invalid-form");
        assertEquals(404, api.get("/api/departments/bad-code").status());
    }
}
