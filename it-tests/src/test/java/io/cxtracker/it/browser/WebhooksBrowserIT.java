package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cxtracker.it.api.Api.etag;
import static io.cxtracker.it.api.Api.ok;
import static io.cxtracker.it.api.Api.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Browser;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.webhook.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A program admin adds a webhook in the browser (switched off, so only the test is sent), copies the secret the
 * dialog shows once, sends a test, and sees the delivery in the log; the receiver in this JVM got it signed with
 * that secret. Screenshots: webhooks-*.png.
 */
class WebhooksBrowserIT extends BrowserTest {

    @Test
    void anAdminAddsAWebhookSendsATestAndSeesItDeliveredInTheLog() throws Exception {
        HttpJson admin = Api.admin();
        long program = new Plan().program();
        String programName = ok(admin.get("/api/programs/" + program), 200).get("name").asText();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String url = receiver.url("/ok") + "?from=browser-" + System.nanoTime();
            Page page = browser.desktopPage();
            Browser.signIn(page, base + "/webhooks", "admin", "admin");
            page.navigate(base + "/webhooks");
            assertThat(page.locator("#webhook-form")).isVisible();

            // the form starts on the first program: wait until the field shows it (the page may be drawn before its
            // value), then choose the test's program unless it is that one
            assertThat(page.locator("#webhook-program input")).not().hasValue("");
            JourneyBrowserIT.choose(page, "#webhook-program", programName);
            page.locator("#webhook-url input").fill(url);
            page.locator("#webhook-kinds input").click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Milestone overdue").setExact(true)).click();
            page.keyboard().press("Escape");
            page.locator("#webhook-enabled").click();
            page.locator("#webhook-add").click();

            // the dialog's host element has no box of its own: its content (in the overlay) is what shows
            assertThat(page.locator("#webhook-secret-dialog")).containsText("shown once");
            String secret = page.locator("#webhook-secret input").inputValue();
            assertTrue(secret.startsWith("whsec_"), secret);
            Browser.screenshot(page, "webhooks-secret-once");
            page.locator("#webhook-secret-done").click();

            JsonNode hook = null;
            for (JsonNode item : ok(admin.get("/api/webhooks?limit=500"), 200).get("items")) {
                if (item.get("url").asText().equals(url)) {
                    hook = item;
                }
            }
            assertTrue(hook != null, "the webhook was registered");
            long id = hook.get("id").asLong();
            assertEquals(false, hook.get("enabled").asBoolean());
            assertEquals(program, hook.get("programId").asLong());
            assertEquals(List.of("OVERDUE"), List.of(hook.get("kinds").get(0).asText()));
            try {
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test to 127.0.0.1 (#" + id + ")"))
                        .click();
                List<WebhookReceiver.Received> got = receiver.await(r -> true, 1, Duration.ofSeconds(20));
                assertEquals(1, got.size());
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                assertEquals("sha256=" + HexFormat.of().formatHex(mac.doFinal(got.getFirst().body())),
                        got.getFirst().header("X-CX-Signature"));
                assertTrue(got.getFirst().text().contains("\"kind\":\"TEST\""), got.getFirst().text());

                assertThat(page.locator("#webhook-deliveries")).containsText("Test delivery from CX Tracker");
                assertThat(page.locator("#webhook-deliveries")).containsText("Delivered");
                assertThat(page.locator("#webhook-deliveries")).containsText("HTTP 200");
                Browser.screenshot(page, "webhooks-delivery-log");
            } finally {
                var current = admin.get("/api/webhooks/" + id);
                ok(write(admin, "DELETE", "/api/webhooks/" + id, null, etag(current)), 204);
            }
        }
    }
}
