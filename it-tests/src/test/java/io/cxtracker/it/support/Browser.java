package io.cxtracker.it.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Debian Chromium driven by Playwright. The browser comes from the machine (the project's
 * scripts install it), never from Playwright's own download.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of(System.getProperty("cx.it.screenshots", "target/screenshots"));
    private static final String CHROMIUM = System.getenv().getOrDefault("CX_CHROMIUM", "/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException("Chromium is missing at " + CHROMIUM
                    + ": install it (apt-get install -y chromium chromium-driver) or set CX_CHROMIUM");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** A fresh page at desktop size (1280×800). */
    public Page desktopPage() {
        return page(1280, 800);
    }

    /** A fresh page at tablet size (768×1024). */
    public Page tabletPage() {
        return page(768, 1024);
    }

    private Page page(int width, int height) {
        BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(30_000);
        // assertions wait as long as actions do: their 5 s default failed views that rendered in 6–20 s on a loaded
        // machine (the 23:59:30 run, load average 40 on 2 cores); a missing element still fails, after 30 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        return context.newPage();
    }

    /**
     * Opens {@code url} of the app, signs in on the real Keycloak login page and waits until the browser
     * is back in the app (on whatever page the app sends this user to).
     */
    public static void signIn(Page page, String url, String user, String password) {
        page.navigate(url);
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        String app = url.substring(0, url.indexOf('/', url.indexOf("//") + 2));
        // back in the app, past the hop that carries Keycloak's answer (code and state) to the OIDC client
        page.waitForURL(u -> (u.equals(app) || u.startsWith(app + "/")) && !(u.contains("code=") && u.contains("state=")));
        // a deep link's query survives sign-in (the app restores it: SignInReturn), so the page is where it was sent
    }

    /**
     * Waits until the page has settled instead of for a fixed time: no Vaadin server round trip pending, no CSS
     * animation or transition running, fonts loaded, then two frames painted (a grid renders its rows in the frame
     * after the data arrives).
     */
    public static void settled(Page page) {
        page.waitForFunction("""
                () => document.readyState === 'complete' && document.fonts.status === 'loaded'
                    && !Object.values((window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {})
                        .some(c => c && typeof c.isActive === 'function' && c.isActive())
                    && document.getAnimations().every(a => a.playState !== 'running')""");
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");
    }

    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
