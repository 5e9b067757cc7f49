package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Browser;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.ThrowawayKeycloak;
import io.cxtracker.it.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Signing in through the real Keycloak login page, landing where the role works, and signing out of
 * both the app and Keycloak.
 */
class SignInBrowserIT extends BrowserTest {

    @Test
    void aDepartmentLeadLandsOnTheirDepartmentsAccountability() {
        HttpJson admin = HttpJson.asProgramAdmin();
        if (admin.get("/api/departments/support").status() == 404) {
            assertEquals(201, admin.post("/api/departments", """
                    {"code":"support","name":"Customer Support"}""").status());
        }
        if (admin.get("/api/departments/marketing").status() == 404) {
            assertEquals(201, admin.post("/api/departments", """
                    {"code":"marketing","name":"Marketing"}""").status());
        }
        // Other test classes may have registered "support" first, under another name: expect whatever is stored.
        String name = admin.get("/api/departments/support").json().get("name").asText();

        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/", "lead-support", "lead-support");

        // a lead lands where they check in: what their department is accountable for
        page.waitForURL(base + "/accountability/support");
        assertThat(page.locator("#accountability-heading")).hasText(name);
        assertThat(page.locator("#accountability-authority")).containsText("You may check in");
        assertThat(page.locator("#signed-in-user")).hasText("Lee Support");
        assertThat(page.locator("#signed-in-roles")).hasText("department-lead");
        assertThat(page.locator("#my-departments-nav")).containsText(name);
        Browser.screenshot(page, "lead-landing-1280x800");

        page.navigate(base + "/accountability/marketing");
        assertThat(page.locator("#accountability-authority")).containsText("Read-only for you");
        page.navigate(base + "/departments/support");
        assertThat(page.locator("#department-authority")).containsText("You lead this department");
        page.navigate(base + "/departments/marketing");
        assertThat(page.locator("#department-authority")).containsText("Read-only for you");

        page.navigate(base + "/departments");
        assertThat(page.locator("#departments-grid")).containsText(name);
        assertThat(page.locator("#department-save")).isHidden();
        Browser.screenshot(page, "lead-departments-read-only");
    }

    @Test
    void anExecutiveSeesTheDepartmentsReadOnly() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/", "exec", "exec");

        page.waitForURL(base + "/departments");
        assertThat(page.locator("#signed-in-roles")).hasText("executive");
        assertThat(page.locator("#departments-grid")).isVisible();
        assertThat(page.locator("#department-save")).isHidden();
        assertThat(page.locator("#my-departments-nav")).hasCount(0);
    }

    @Test
    void anAccountWithoutARoleSeesOnlyTheNoRolePageOnEveryRoute() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/dashboard", "visitor", "visitor");

        // the address stays what the user asked for; the page says why there is nothing and what to do
        page.waitForURL(base + "/dashboard");
        assertThat(page.locator("#no-role-heading")).hasText("You are signed in, but you have no role yet");
        assertThat(page.locator("#no-role-ask")).containsText("Ask a program admin");
        assertThat(page.locator("#signed-in-roles")).hasText("no role");
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(page.locator("#main-nav")).hasCount(0);
        assertThat(page.locator("#feature-nav")).hasCount(0);
        Browser.screenshot(page, "visitor-no-role");

        // deep links, the start page and a department's pages: the same page, no program data
        for (String deepLink : new String[] {"/accountability/support?from=2026-01-01", "/departments/support", "/listen",
                "/metrics", "/audit", "/admin", "/"}) {
            page.navigate(base + deepLink);
            assertThat(page.locator("#no-role-heading")).isVisible();
            assertThat(page.locator("#departments-grid")).hasCount(0);
            assertThat(page.locator("#feedback-grid")).hasCount(0);
        }
    }

    @Test
    void aLeadReadsInListenOnlyTheirOwnDepartmentsCustomersWords() {
        HttpJson admin = HttpJson.asProgramAdmin();
        for (String code : new String[] {"support", "marketing"}) {
            if (admin.get("/api/departments/" + code).status() == 404) {
                assertEquals(201, admin.post("/api/departments", """
                        {"code":"%s","name":"%s"}""".formatted(code, code)).status());
            }
        }
        String theme = "ui-read-" + Long.toString(System.nanoTime(), 36);
        String day = Plan.today().minusDays(3).toString();
        Api.ok(Api.as(Tokens.INGEST).post("/api/feedback", """
                [{"channel":"CALL","text":"Support's customer said this","sentiment":-0.5,"themes":["%1$s"],
                  "departmentCode":"support","receivedAt":"%2$sT10:00:00Z","idempotencyKey":"%1$s-s"},
                 {"channel":"SOCIAL","text":"Marketing's customer said that","sentiment":0.5,"themes":["%1$s"],
                  "departmentCode":"marketing","receivedAt":"%2$sT11:00:00Z","idempotencyKey":"%1$s-m"}]"""
                .formatted(theme, day)), 200);

        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/listen?theme=" + theme, "lead-marketing", "lead-marketing");

        var grid = page.locator("#feedback-grid");
        assertThat(grid).containsText("Marketing's customer said that");
        // support's item is there with its theme and sentiment, its words are not
        assertThat(grid).containsText("not shown");
        assertThat(grid).not().containsText("Support's customer said this");
        Browser.screenshot(page, "lead-listen-other-departments-text-withheld");
    }

    @Test
    void signingOutEndsTheAppAndTheKeycloakSession() {
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/departments", "auditor", "auditor");
        assertThat(page.locator("#signed-in-user")).hasText("Ada Auditor");

        page.locator("#sign-out").click();

        // back at Keycloak's login page: the single sign-on session is over, not just the app's
        page.locator("#username").waitFor();
        assertTrue(page.url().startsWith(System.getProperty(ThrowawayKeycloak.PROVIDER_URL)), page.url());
        Browser.screenshot(page, "signed-out");
        page.navigate(base + "/departments");
        page.locator("#username").waitFor();
        assertTrue(page.url().startsWith(System.getProperty(ThrowawayKeycloak.PROVIDER_URL)), page.url());
    }
}
