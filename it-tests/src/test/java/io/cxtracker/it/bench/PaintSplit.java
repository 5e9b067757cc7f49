package io.cxtracker.it.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.Timing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Where the time of one sign-in → first rows goes, from Chromium's own timings: each request's start and end as the
 * browser saw them (Playwright's request timing, milliseconds since the epoch) and the final document's navigation
 * timing, all counted from the moment the Keycloak form was submitted. Legs, in order:
 * <ol>
 * <li><b>keycloak</b>: the form's POST answered (password check, code issued, redirect to the app);</li>
 * <li><b>callback</b>: the app's answer to the request carrying the code (WildFly's OIDC client exchanges the code
 *     for tokens with Keycloak, then redirects to the address first asked for);</li>
 * <li><b>first byte</b> of the app's page, <b>DOMContentLoaded</b>, the <b>bundle</b> (the largest script) loaded;</li>
 * <li><b>init</b>: Vaadin's first server round trip answered (the UI and the view built on the server);</li>
 * <li><b>rows</b>: the first row's text in the grid; every other Vaadin round trip in between is listed.</li>
 * </ol>
 */
final class PaintSplit {

    private record Seen(String method, String url, String type, double start, double end) {
    }

    private final List<Seen> requests = new ArrayList<>();
    private final Consumer<Request> listener = this::finished;
    private long submittedEpochMs;

    PaintSplit(Page page) {
        page.onRequestFinished(listener);
    }

    void submitted(long epochMs) {
        submittedEpochMs = epochMs;
    }

    private synchronized void finished(Request request) {
        Timing t = request.timing();
        if (t == null || t.startTime <= 0) {
            return;
        }
        double end = t.responseEnd >= 0 ? t.startTime + t.responseEnd : t.startTime;
        requests.add(new Seen(request.method(), request.url(), request.resourceType(), t.startTime, end));
    }

    /**
     * The legs of this run once the first row is there: {@code rowsAtPerformanceNow} is the page's
     * {@code performance.now()} when the row was seen.
     */
    synchronized Map<String, Long> legs(Page page, double rowsAtPerformanceNow) {
        // the requests before the submit (the page first asked for, the Keycloak form) are not part of the leg
        requests.removeIf(r -> r.start() < submittedEpochMs - 5);
        @SuppressWarnings("unchecked")
        Map<String, Object> nav = (Map<String, Object>) page.evaluate("""
                () => { const n = performance.getEntriesByType('navigation')[0];
                  return { origin: performance.timeOrigin, dcl: n ? n.domContentLoadedEventEnd : -1,
                           fetchStart: n ? n.fetchStart : -1 }; }""");
        double origin = ((Number) nav.get("origin")).doubleValue();
        Map<String, Long> legs = new LinkedHashMap<>();
        requests.stream().filter(r -> r.method().equals("POST") && r.url().contains("/login-actions/authenticate"))
                .findFirst().ifPresent(r -> legs.put("keycloak", since(r.end())));
        requests.stream().filter(r -> r.url().contains("code=") && r.url().contains("state=") && !r.url().contains("/realms/"))
                .findFirst().ifPresent(r -> {
                    legs.put("callback-start", since(r.start()));
                    legs.put("callback", since(r.end()));
                });
        requests.stream().filter(r -> r.type().equals("document") && !r.url().contains("/realms/")
                        && !(r.url().contains("code=") && r.url().contains("state=")))
                .findFirst().ifPresent(r -> legs.put("document", since(r.end())));
        double dcl = ((Number) nav.get("dcl")).doubleValue();
        if (dcl > 0) {
            legs.put("DOMContentLoaded", since(origin + dcl));
        }
        double rows = origin + rowsAtPerformanceNow;
        // the scripts the first row waited for: a chunk loaded on demand after it (Chart.js, for the sparklines) is not
        requests.stream().filter(r -> r.type().equals("script") && r.end() <= rows)
                .max((a, b) -> Double.compare(a.end(), b.end()))
                .ifPresent(r -> legs.put("scripts", since(r.end())));
        requests.stream().filter(r -> r.url().contains("v-r=init")).findFirst()
                .ifPresent(r -> {
                    legs.put("init-sent", since(r.start()));
                    legs.put("init", since(r.end()));
                });
        int n = 0;
        for (Seen r : requests) {
            if (r.url().contains("v-r=uidl") && r.start() < rows) {
                n++;
                legs.put("uidl" + n + "-sent", since(r.start()));
                legs.put("uidl" + n, since(r.end()));
            }
        }
        legs.put("rows", since(rows));
        return legs;
    }

    /** Every request of the run, in order of start, for a log: method, path and its start → end from the submit. */
    synchronized String requests() {
        return requests.stream().sorted((a, b) -> Double.compare(a.start(), b.start()))
                .map(r -> String.format(Locale.ROOT, "    %5d → %5d  %s %s", since(r.start()), since(r.end()), r.method(),
                        shortened(r.url())))
                .collect(Collectors.joining("\n"));
    }

    private long since(double epochMs) {
        return Math.round(epochMs - submittedEpochMs);
    }

    private static String shortened(String url) {
        String s = url.replaceFirst("^https?://[^/]+", "");
        return s.length() > 110 ? s.substring(0, 110) + "…" : s;
    }

    static String line(Map<String, Long> legs) {
        return legs.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    /** Per leg, the median over the runs that have it. */
    static Map<String, Long> medians(List<Map<String, Long>> runs) {
        Map<String, List<Long>> byLeg = new LinkedHashMap<>();
        runs.forEach(run -> run.forEach((leg, ms) -> byLeg.computeIfAbsent(leg, k -> new ArrayList<>()).add(ms)));
        Map<String, Long> medians = new LinkedHashMap<>();
        byLeg.forEach((leg, values) -> medians.put(leg, FirstPaintBenchmark.median(values)));
        return medians;
    }
}
