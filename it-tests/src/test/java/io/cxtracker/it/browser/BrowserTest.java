package io.cxtracker.it.browser;

import io.cxtracker.it.support.Browser;
import io.cxtracker.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class shares: the real WAR deployed as a client would meet it, one headless Chromium per
 * class (starting one per test would triple the run), and the app's base URL.
 */
@ExtendWith(ArquillianExtension.class)
abstract class BrowserTest {

    static Browser browser;
    final String base = System.getProperty("cx.it.base.url", "http://127.0.0.1:8280");

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
