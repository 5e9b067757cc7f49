package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.cxtracker.it.support.Browser;
import io.cxtracker.it.support.ThrowawayKeycloak;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The UI under its Content-Security-Policy: every view opened (desktop size), a chart drawn, a CSV uploaded and
 * imported, the sign-out form posted — and not one CSP violation reported by the browser, neither as a
 * {@code securitypolicyviolation} event nor on the console. Also what the browser keeps of the session cookie,
 * and that the Vaadin upload's size limit holds on the server when the browser's own check is bypassed.
 */
class ContentSecurityPolicyBrowserIT extends BrowserTest {

    /** Records every violation the page reports, from before the first script of each document runs. */
    private static final String RECORD_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
                e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    private final List<String> console = new ArrayList<>();

    private Page page() {
        Page page = browser.desktopPage();
        page.addInitScript(RECORD_VIOLATIONS);
        page.onConsoleMessage(message -> {
            String text = message.text();
            if (text.contains("Content Security Policy") || text.contains("Content-Security-Policy")
                    || text.contains("Refused to")) {
                console.add(message.type() + ": " + text);
            }
        });
        return page;
    }

    private static List<String> violations(Page page) {
        Object recorded = page.evaluate("() => window.__cspViolations || []");
        List<String> violations = new ArrayList<>();
        if (recorded instanceof List<?> list) {
            list.forEach(v -> violations.add(String.valueOf(v)));
        }
        return violations;
    }

    private void assertNoViolation(Page page, String where) {
        assertEquals(List.of(), violations(page), where + ": CSP violations");
        assertEquals(List.of(), console, where + ": CSP messages on the console");
    }

    @Test
    void everyViewWorksUnderThePolicyWithoutAViolation() {
        JourneyStory story = JourneyStory.get();
        Page page = page();
        Browser.signIn(page, base + "/departments", "admin", "admin");
        Response first = page.navigate(base + "/departments");
        String policy = first.headerValue("content-security-policy");
        assertTrue(policy != null && policy.contains("frame-ancestors 'none'"), String.valueOf(policy));

        List<String[]> views = List.of(
                new String[] {"/dashboard?program=" + story.program, "#dashboard"},
                new String[] {"/accountability/support", "#accountability"},
                new String[] {"/departments/support", "#department-authority"},
                new String[] {"/roadmap?program=" + story.program, "#roadmap"},
                new String[] {"/metrics?metric=" + story.fdr + "&granularity=WEEK&department=support", "#metrics"},
                new String[] {"/listen?granularity=MONTH&months=6", "#listen"},
                new String[] {"/audit?department=support", "#audit"},
                new String[] {"/admin?tab=initiatives&program=" + story.program, "#admin"},
                new String[] {"/departments", "#departments-grid"});
        for (String[] view : views) {
            page.navigate(base + view[0]);
            assertThat(page.locator(view[1])).isVisible();
            // let charts draw and grids fill: their scripts and styles run under the policy too
            Browser.settled(page);
            assertThat(page.locator("vaadin-notification-card")).hasCount(0);
            assertNoViolation(page, view[0]);
        }
        page.navigate(base + "/dashboard?program=" + story.program);
        assertThat(page.locator("#trend-charts cx-trend-chart").first()).isVisible();
        // the app still answers clicks: a server round trip through Vaadin's own scripts
        page.navigate(base + "/departments");
        page.locator("#departments-grid").getByText("support").first().click();
        Browser.settled(page);
        assertNoViolation(page, "departments after a click");

        // the listeners hear a real violation: a script from another origin is refused and reported
        page.evaluate("() => { const s = document.createElement('script'); s.src = 'https://elsewhere.invalid/x.js';"
                + " document.head.appendChild(s); }");
        // the report is an event: wait for it rather than for a fixed time
        page.waitForFunction("() => (window.__cspViolations || []).some(v => v.includes('elsewhere.invalid'))");
        page.waitForCondition(() -> console.stream().anyMatch(m -> m.contains("elsewhere.invalid")));
        assertTrue(violations(page).stream().anyMatch(v -> v.startsWith("script-src") && v.contains("elsewhere.invalid")),
                () -> "the probe was not reported: " + violations(page));
        assertTrue(console.stream().anyMatch(m -> m.contains("elsewhere.invalid")), () -> "not on the console: " + console);
        console.clear();

        Cookie session = page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
        assertTrue(session.httpOnly, "the session cookie is HttpOnly");
        assertEquals(SameSiteAttribute.LAX, session.sameSite, "the session cookie is SameSite=Lax");
        assertEquals(List.of(), page.evaluate("() => document.cookie.split(';').map(c => c.trim()).filter(c => c.startsWith('JSESSIONID'))"),
                "no script reads the session cookie");
    }

    @Test
    void theCsvImportWorksAndTheUploadLimitHoldsOnTheServer() {
        JourneyStory.get();
        Page page = page();
        Browser.signIn(page, base + "/listen", "admin", "admin");
        page.navigate(base + "/listen");
        String csv = "kind,score,answeredAt,idempotencyKey\nNPS,12,2026-01-01T10:00:00Z,csp-" + System.nanoTime() + "\n";
        page.locator("#import-upload input[type=file]").setInputFiles(
                new FilePayload("answers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#import-file")).containsText("answers.csv");
        page.locator("#import-run").click();
        assertThat(page.locator("#import-summary")).containsText("1 rows: 0 accepted, 0 already stored, 1 refused");
        assertNoViolation(page, "listen import");

        // past the browser's maxFileSize check, straight to the upload's address: the server refuses 21 MiB
        Object status = page.evaluate("""
                async size => {
                    const upload = document.querySelector('#import-upload');
                    const reply = await fetch(upload.target, {method: 'POST', body: new Uint8Array(size),
                        headers: {'Content-Type': 'text/csv', 'X-Filename': 'huge.csv'}});
                    return reply.status;
                }""", 21 * 1024 * 1024);
        assertTrue(((Number) status).intValue() >= 400, "the server took a 21 MiB upload: " + status);
        page.locator("#import-run").click();
        // the refused file was not kept: the import still has the small file (or nothing), never the huge one
        assertThat(page.locator("#import-file")).not().containsText("huge.csv");
        assertNoViolation(page, "listen upload");
    }

    @Test
    void signingOutPostsAFormAndReachesKeycloakUnderThePolicy() {
        Page page = page();
        Browser.signIn(page, base + "/departments", "auditor", "auditor");
        assertThat(page.locator("#signed-in-user")).hasText("Ada Auditor");
        assertNoViolation(page, "departments");
        page.locator("#sign-out").click();
        page.locator("#username").waitFor();
        assertTrue(page.url().startsWith(System.getProperty(ThrowawayKeycloak.PROVIDER_URL)), page.url());
        assertEquals(List.of(), console, "CSP messages on the console while signing out");
        // a GET to the logout address signs nobody out: signed in again, it answers a page with the button
        Browser.signIn(page, base + "/departments", "auditor", "auditor");
        Response get = page.navigate(base + "/logout");
        assertEquals(405, get.status());
        page.navigate(base + "/departments");
        assertThat(page.locator("#signed-in-user")).hasText("Ada Auditor");
        assertNoViolation(page, "after GET /logout");
    }
}
