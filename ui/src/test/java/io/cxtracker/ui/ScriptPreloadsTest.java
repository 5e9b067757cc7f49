package io.cxtracker.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScriptPreloadsTest {

    @Test
    void theBundlesScriptChunksArePreloadedNotTheirCompressedCopiesNorAnythingElse() {
        String b = ScriptPreloads.BUILD;
        assertEquals(List.of("FlowClient-Cb8xp1i_.js", "generated-CJyFExYO.js", "generated-flow-imports-19hwWUfo.js"),
                ScriptPreloads.chunks(Set.of(b + "generated-flow-imports-19hwWUfo.js", b + "generated-flow-imports-19hwWUfo.js.br",
                        b + "FlowClient-Cb8xp1i_.js", b + "generated-CJyFExYO.js", b + "assets/", b + "assets/font.js",
                        b + "stats.json", "/WEB-INF/classes/other.js")));
        assertEquals(List.of(), ScriptPreloads.chunks(null));
    }
}
