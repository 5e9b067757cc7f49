package io.cxtracker.it.bench;

import io.cxtracker.it.support.Browser;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The department view's first paint (see {@link FirstPaintBenchmark}) of two (or three) builds of the WAR on the same server
 * start, the same benchmark program and the same machine load: A and B are deployed in turn, {@code rounds} times
 * (A B A B…), each measured {@code runs} times per turn, so a change is compared with what it changed and the
 * machine's other work weighs on both alike. The first deployment loads the program; the later ones find it.
 * Not part of the test suite:
 * <pre>flock /tmp/cx-it.lock mvn verify -pl it-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=FirstPaintComparison -Dcx.it.demo.load=true -Dcx.it.demo.profile=benchmark \
 *     -Dcx.bench.paint.war.a=/path/to/before.war -Dcx.bench.paint.war.b=/path/to/after.war</pre>
 * Read the lines starting with [first-paint-ab].
 */
@ExtendWith(ArquillianExtension.class)
class FirstPaintComparison {

    static final int ROUNDS = Integer.getInteger("cx.bench.paint.rounds", 2);
    static final int RUNS = Integer.getInteger("cx.bench.paint.runs", 5);

    final String base = System.getProperty("cx.it.base.url", "http://127.0.0.1:8280");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "a", managed = false, testable = false)
    static WebArchive a() {
        return war("a", "cx.bench.paint.war.a");
    }

    @Deployment(name = "b", managed = false, testable = false)
    static WebArchive b() {
        return war("b", "cx.bench.paint.war.b");
    }

    /** A third build, when {@code cx.bench.paint.war.c} names one (A B C A B C…). */
    @Deployment(name = "c", managed = false, testable = false)
    static WebArchive c() {
        return war("c", System.getProperty("cx.bench.paint.war.c") == null ? "cx.bench.paint.war.b" : "cx.bench.paint.war.c");
    }

    /** The WAR under a name of its own (Arquillian refuses two of one name); its context root is its own, "/". */
    private static WebArchive war(String name, String property) {
        File war = new File(System.getProperty(property, System.getProperty("cx.it.war", "../ui/target/cxtracker.war")));
        if (!war.isFile()) {
            throw new IllegalStateException("no WAR at " + war.getAbsolutePath() + " (" + property + ")");
        }
        return ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(war).as(WebArchive.class);
    }

    @Test
    void departmentViewOfTwoBuilds() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("cx.it.demo.load"), "the server loads the demo only with -Dcx.it.demo.load=true");
        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, List<Map<String, Long>>> splits = new LinkedHashMap<>();
        try (Browser browser = new Browser()) {
            for (int round = 0; round < ROUNDS; round++) {
                for (String build : System.getProperty("cx.bench.paint.war.c") == null ? List.of("a", "b") : List.of("a", "b", "c")) {
                    deployer.deploy(build);
                    try {
                        FirstPaintBenchmark.waitUntilTheDemoIsLoaded();
                        String firstRow = FirstPaintBenchmark.firstRow();
                        // one sign-in unmeasured: the deployment's first request builds its OIDC configuration
                        FirstPaintBenchmark.departmentView(browser, base, firstRow, 1);
                        FirstPaintBenchmark.DepartmentPaint paint = FirstPaintBenchmark.departmentView(browser, base, firstRow, RUNS);
                        System.out.printf(Locale.ROOT, "[first-paint-ab] round %d, %s (%s): %s ms; load %s%n", round + 1, build,
                                System.getProperty("cx.bench.paint.war." + build), FirstPaintBenchmark.joined(paint.times()),
                                loadAverage());
                        times.computeIfAbsent(build, k -> new ArrayList<>()).addAll(paint.times());
                        splits.computeIfAbsent(build, k -> new ArrayList<>()).addAll(paint.splits());
                    } finally {
                        deployer.undeploy(build);
                    }
                }
            }
        }
        for (String build : times.keySet()) {
            System.out.printf(Locale.ROOT, "[first-paint-ab] %s: department view, Keycloak form submitted → first milestone row:"
                    + " median %d ms of %d (%s)%n", build, FirstPaintBenchmark.median(times.get(build)), times.get(build).size(),
                    FirstPaintBenchmark.joined(times.get(build)));
            System.out.printf(Locale.ROOT, "[first-paint-ab] %s: split, ms after the submit (median per leg): %s%n", build,
                    PaintSplit.line(PaintSplit.medians(splits.get(build))));
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
