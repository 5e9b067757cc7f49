package io.cxtracker.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed production bundle (ui/src/main/bundles/prod.bundle) keeps what first paint (issue 17) depends on,
 * whoever rebuilds it: no React in it, and Chart.js in a chunk of its own that the eager scripts import only on
 * demand. Every script of the bundle is evaluated before the first view paints, so either regression costs the
 * department view's first rows hundreds of milliseconds without failing anything else.
 */
class ProductionBundleTest {

    static final Path BUNDLE = Path.of("src/main/bundles/prod.bundle");
    static final String BUILD = "webapp/VAADIN/build/";

    static final Map<String, String> scripts = new LinkedHashMap<>();
    static JsonObject stats;

    @BeforeAll
    static void readTheBundle() throws IOException {
        try (ZipFile zip = new ZipFile(BUNDLE.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith(BUILD) && name.endsWith(".js")) {
                    scripts.put(name.substring(BUILD.length()), read(zip, entry));
                } else if (name.equals("config/stats.json")) {
                    stats = Json.createReader(new StringReader(read(zip, entry))).readObject();
                }
            }
        }
    }

    private static String read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBundleIsBuiltWithoutReact() {
        JsonObject packages = stats.getJsonObject("packageJsonDependencies");
        List<String> react = new ArrayList<>();
        for (String name : packages.keySet()) {
            if (name.equals("react") || name.startsWith("react-") || name.equals("@vaadin/react-components")) {
                react.add(name);
            }
        }
        assertEquals(List.of(), react, "React is off (ui/pom.xml reactEnable=false, flow-react excluded)");
        assertTrue(packages.containsKey("@vaadin/router"), "Flow's own router replaces React Router");
    }

    @Test
    void chartJsIsAChunkOfItsOwnThatTheEagerScriptsImportOnDemand() {
        List<String> chunks = scripts.keySet().stream().filter(n -> n.startsWith("chart-")).toList();
        assertEquals(1, chunks.size(), "one chart-*.js chunk: " + scripts.keySet());
        String chunk = chunks.getFirst();
        String flowImports = scripts.entrySet().stream().filter(e -> e.getKey().startsWith("generated-flow-imports-"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertTrue(flowImports.contains("import(`./" + chunk + "`)") || flowImports.contains("import(\"./" + chunk + "\")")
                        || flowImports.contains("import('./" + chunk + "')"),
                "the component modules reach Chart.js only through a dynamic import of " + chunk);
        assertFalse(flowImports.contains("from\"./" + chunk + "\"") || flowImports.contains("from \"./" + chunk + "\""),
                "no static import of " + chunk + " in the eager component modules");
        // Chart.js's own error text, to be sure the chunk is Chart.js and the eager scripts do not also carry a copy
        String chartJsText = "Canvas is already in use";
        assertTrue(scripts.get(chunk).contains(chartJsText), chunk + " holds Chart.js");
        scripts.forEach((name, code) -> assertTrue(name.equals(chunk) || !code.contains(chartJsText),
                name + " carries Chart.js too"));
    }
}
