package io.cxtracker.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.cxtracker.it.support.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA as an outside tool sees it: axe-core (the npm package's {@code axe.min.js}, vendored into the test
 * resources so a fresh machine needs nothing more) runs in Chromium on every view at desktop (1280×800) and tablet
 * (768×1024) size. No view may have a critical or serious violation of the WCAG 2.0/2.1 A and AA rules, and every
 * view has exactly one {@code main} landmark. What axe found, per view and size, is written to
 * {@code target/axe-summary.txt} whether the test passes or not.
 */
class AccessibilityBrowserIT extends BrowserTest {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path SUMMARY = Browser.SCREENSHOTS.toAbsolutePath().getParent().resolve("axe-summary.txt");

    private record View(String name, String path, String ready) {
    }

    private static List<View> views(JourneyStory story) {
        return List.of(
                new View("dashboard", "/dashboard?program=" + story.program, "#at-risk-grid"),
                new View("accountability", "/accountability/support", "#milestones-grid"),
                new View("department-page", "/departments/support", "#department-authority"),
                new View("roadmap", "/roadmap?program=" + story.program, "#roadmap"),
                new View("milestone-list", "/milestones?attention=true&program=" + story.program, "#milestone-list-grid"),
                new View("metrics", "/metrics?metric=" + story.fdr + "&granularity=WEEK&department=support", "#metric-verdict"),
                new View("listen", "/listen?granularity=MONTH&months=6&theme=" + JourneyStory.HOLD_TIMES, "#feedback-grid"),
                new View("audit", "/audit?department=support", "#audit-grid"),
                new View("admin", "/admin?tab=initiatives&program=" + story.program, "#admin-initiatives"),
                new View("approvals", "/approvals", "#pending-requests"),
                new View("departments", "/departments", "#departments-grid"));
    }

    @Test
    void everyViewPassesAxeAtDesktopAndTabletSize() throws IOException {
        JourneyStory story = JourneyStory.get();
        Map<String, Result> results = new LinkedHashMap<>();
        for (boolean tablet : new boolean[] {false, true}) {
            String size = tablet ? "768x1024" : "1280x800";
            Page page = tablet ? browser.tabletPage() : browser.desktopPage();
            Browser.signIn(page, base + "/departments", "admin", "admin");
            for (View view : views(story)) {
                page.navigate(base + view.path());
                page.locator(view.ready()).first().waitFor();
                Browser.settled(page);
                results.put(view.name() + " " + size, audit(page));
            }
            Page visitor = tablet ? browser.tabletPage() : browser.desktopPage();
            Browser.signIn(visitor, base + "/dashboard", "visitor", "visitor");
            visitor.locator("#no-role-heading").waitFor();
            results.put("no-role " + size, audit(visitor));
        }
        String summary = summary(results);
        Files.createDirectories(SUMMARY.getParent());
        Files.writeString(SUMMARY, summary);
        System.out.println(summary);

        List<String> failures = new ArrayList<>();
        results.forEach((view, result) -> {
            if (result.seriousOrCritical() > 0) {
                failures.add(view + ": " + result.seriousOrCritical() + " critical/serious violation(s)");
            }
            if (result.mainLandmarks() != 1) {
                failures.add(view + ": " + result.mainLandmarks() + " main landmarks");
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n\n" + summary);
    }

    /** axe's verdict on the page as it is now, and how many main landmarks it has (shadow roots included). */
    static Result audit(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
        Object json = page.evaluate("async (tags) => {"
                + " const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });"
                + " const mains = [];"
                + " const walk = (root) => { root.querySelectorAll('*').forEach(e => {"
                + "   if (e.matches('main, [role=main]')) mains.push(e);"
                + "   if (e.shadowRoot) walk(e.shadowRoot); }); };"
                + " walk(document);"
                + " return JSON.stringify({ mains: mains.length, violations: r.violations.map(v => ({ id: v.id,"
                + "   impact: v.impact, help: v.help, nodes: v.nodes.length,"
                + "   examples: v.nodes.slice(0, 3).map(n => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)) })) });"
                + "}", TAGS);
        try {
            JsonNode tree = new ObjectMapper().readTree((String) json);
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : tree.get("violations")) {
                List<String> examples = new ArrayList<>();
                v.get("examples").forEach(e -> examples.add(e.asText()));
                violations.add(new Violation(v.get("id").asText(), v.path("impact").asText("unknown"), v.get("help").asText(),
                        v.get("nodes").asInt(), examples));
            }
            return new Result(tree.get("mains").asInt(), violations);
        } catch (IOException e) {
            throw new IllegalStateException("axe's answer is not JSON: " + json, e);
        }
    }

    private static String axe;

    static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = AccessibilityBrowserIT.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return axe;
    }

    static String summary(Map<String, Result> results) {
        StringBuilder text = new StringBuilder("axe-core " + TAGS + ": violations per view (critical+serious / all rules"
                + " violated), main landmarks\n\n");
        results.forEach((view, r) -> text.append(String.format("%-28s %2d critical/serious, %2d rules violated, %d main%n",
                view, r.seriousOrCritical(), r.violations().size(), r.mainLandmarks())));
        text.append("\nDetails\n");
        results.forEach((view, r) -> r.violations().forEach(v -> {
            text.append(String.format("%s: %s [%s] %s (%d nodes)%n", view, v.id(), v.impact(), v.help(), v.nodes()));
            v.examples().forEach(e -> text.append("    ").append(e).append('\n'));
        }));
        return text.toString();
    }

    record Violation(String id, String impact, String help, int nodes, List<String> examples) {
    }

    record Result(int mainLandmarks, List<Violation> violations) {
        long seriousOrCritical() {
            return violations.stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical")).count();
        }
    }

    /** Each milestone's title wraps between words in its quarter column, never inside one, at both sizes. */
    @Test
    void theRoadmapBreaksNoWordInsideAQuarter() {
        JourneyStory story = JourneyStory.get();
        for (boolean tablet : new boolean[] {false, true}) {
            Page page = tablet ? browser.tabletPage() : browser.desktopPage();
            Browser.signIn(page, base + "/roadmap?program=" + story.program, "admin", "admin");
            assertThat(page.locator("#roadmap-grid")).containsText("Plain-language bill in every region");
            Object broken = page.evaluate(BROKEN_WORDS);
            Object chips = page.evaluate("() => document.querySelectorAll('#roadmap-grid .roadmap-milestone').length");
            assertTrue(((Number) chips).intValue() >= 4, "milestones on the roadmap: " + chips);
            assertEquals(List.of(), broken, "words broken across lines " + (tablet ? "at 768x1024" : "at 1280x800"));
            Browser.screenshot(page, "roadmap-words-" + (tablet ? "768x1024" : "1280x800"));
            page.context().close();
        }
    }

    /** The words (split at spaces and hyphens) of the roadmap's milestone titles whose letters sit on more than one line. */
    static final String BROKEN_WORDS = """
            () => {
              const broken = [];
              document.querySelectorAll('#roadmap-grid .roadmap-milestone').forEach(link => {
                const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode())) {
                  const words = /[^\\s-]+/g;
                  let m;
                  while ((m = words.exec(node.textContent))) {
                    const range = document.createRange();
                    range.setStart(node, m.index);
                    range.setEnd(node, m.index + m[0].length);
                    const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
                    if (lines.size > 1) broken.push(m[0]);
                  }
                }
              });
              return broken;
            }""";

    /** Sanity: the check sees a violation when there is one, so a green run means something. */
    @Test
    void axeFindsAViolationWhenThereIsOne() {
        Page page = browser.desktopPage();
        page.setContent("<html lang='en'><head><title>t</title></head><body><main>"
                + "<button></button><p style='color:#777;background:#888'>faint</p></main></body></html>");
        Result result = audit(page);
        assertTrue(result.violations().stream().anyMatch(v -> v.id().equals("button-name")), result.toString());
        assertTrue(result.violations().stream().anyMatch(v -> v.id().equals("color-contrast")), result.toString());
        assertEquals(1, result.mainLandmarks());
        assertThat(page.locator("main")).hasCount(1);
    }
}
