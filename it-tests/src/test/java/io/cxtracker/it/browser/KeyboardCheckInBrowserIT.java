package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.support.Browser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lead checks in on a milestone with the keyboard alone: Tab into the milestones grid, arrow keys to the milestone's
 * row, Enter on its "Check in" button; in the dialog Tab from field to field, type, choose the status, Tab to "Save
 * check-in" and press Enter. Tab never leaves the open dialog (focus is trapped), and once it closes the focus is back
 * on the button that opened it. The mouse is never used.
 */
class KeyboardCheckInBrowserIT extends BrowserTest {

    /** The element that has the focus, through open shadow roots, and the grid row (its cells' text) it sits in. */
    private static final String FOCUS = """
            () => {
              let a = document.activeElement;
              while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
              if (!a) return { tag: 'none', name: '', row: '', inDialog: false, id: '' };
              let row = '';
              if (a.tagName === 'TD' && a.parentElement) {
                row = Array.from(a.parentElement.querySelectorAll('slot'))
                    .map(s => s.assignedNodes().map(n => n.textContent).join('')).join(' | ');
              }
              let host = a;
              const ids = [];
              let inDialog = false;
              while (host) {
                if (host.id) ids.push(host.id);
                if (host.matches && host.matches('vaadin-dialog, vaadin-dialog-overlay, #milestone-dialog')) inDialog = true;
                host = host.parentElement || (host.getRootNode && host.getRootNode().host) || null;
              }
              const button = a.closest && a.closest('vaadin-button');
              return { tag: a.tagName, name: (button || a).getAttribute('aria-label') || (button || a).textContent.trim(),
                       row, inDialog, id: ids.join(' ') };
            }""";

    @Test
    void aLeadChecksInWithTheKeyboardOnly() {
        JourneyStory story = JourneyStory.get();
        Page page = browser.desktopPage();
        Browser.signIn(page, base + "/accountability/support", "lead-support", "lead-support");
        assertThat(page.locator("#milestones-grid")).containsText(story.keyboardTitle);
        String opener = "Check in on " + story.keyboardTitle;

        // Tab into the milestones grid, then down its rows to the milestone
        until(page, "Tab", 60, f -> f.get("id").toString().contains("milestones-grid") && !f.get("row").toString().isEmpty(),
                "the milestones grid's rows");
        until(page, "ArrowDown", 40, f -> f.get("row").toString().contains(story.keyboardTitle), "the row of " + story.keyboardTitle);
        // its last cell holds the button; Enter moves the focus into the cell, onto the button
        page.keyboard().press("End");
        page.keyboard().press("Enter");
        assertEquals(opener, focus(page).get("name"), "Enter in the row's last cell focuses its button");
        page.keyboard().press("Enter");

        Locator dialog = page.locator("#milestone-dialog");
        assertThat(dialog).containsText(story.keyboardTitle);
        until(page, "Tab", 10, f -> f.get("id").toString().contains("checkin-status"), "the status field");
        page.keyboard().type("At risk");
        page.keyboard().press("Enter");
        assertThat(page.locator("#checkin-status input")).hasValue("At risk");
        until(page, "Tab", 5, f -> f.get("id").toString().contains("checkin-progress"), "the progress field");
        page.keyboard().press("ControlOrMeta+a");
        page.keyboard().type("15");
        until(page, "Tab", 5, f -> f.get("id").toString().contains("checkin-comment"), "the comment field");
        page.keyboard().type("Waiting for the telephony vendor's announcement module");

        // focus is trapped: forty Tabs and forty Shift+Tabs never leave the dialog
        List<String> outside = new ArrayList<>();
        for (String key : new String[] {"Tab", "Shift+Tab"}) {
            for (int i = 0; i < 40; i++) {
                page.keyboard().press(key);
                var f = focus(page);
                if (!(Boolean) f.get("inDialog")) {
                    outside.add(key + " #" + (i + 1) + " → " + f);
                }
            }
        }
        assertTrue(outside.isEmpty(), "focus left the open dialog: " + outside);
        Browser.screenshot(page, "keyboard-check-in-form");

        until(page, "Tab", 40, f -> "Save check-in".equals(f.get("name")), "the save button");
        page.keyboard().press("Enter");

        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Check-in saved"))).isVisible();
        assertThat(page.locator("#checkin-save")).hasCount(0);
        // the focus is back where the user was: on the button that opened the dialog
        page.waitForFunction("(name) => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement)"
                + " a = a.shadowRoot.activeElement; const b = a && a.closest && a.closest('vaadin-button');"
                + " return b && b.getAttribute('aria-label') === name; }", opener);
        Browser.screenshot(page, "keyboard-check-in-saved");

        JsonNode stored = ok(Api.as("exec").get("/api/milestones/" + story.keyboard), 200);
        assertEquals(15, stored.get("progress").asInt(), stored::toString);
        assertEquals("AT_RISK", stored.get("reportedStatus").asText(stored.path("status").asText()), stored::toString);
        assertEquals(1, stored.get("checkInCount").asInt(), stored::toString);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> focus(Page page) {
        return (java.util.Map<String, Object>) page.evaluate(FOCUS);
    }

    /** Presses {@code key} until the focus is where {@code reached} says (at most {@code max} times). */
    private static void until(Page page, String key, int max, java.util.function.Predicate<java.util.Map<String, Object>> reached,
            String where) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            page.keyboard().press(key);
            var f = focus(page);
            if (reached.test(f)) {
                return;
            }
            path.add(f.get("tag") + "#" + f.get("id") + " '" + f.get("name").toString().replaceAll("\\s+", " ")
                    .substring(0, Math.min(40, f.get("name").toString().length())) + "'");
        }
        fail(max + " × " + key + " did not reach " + where + "; focus went " + path);
    }
}
