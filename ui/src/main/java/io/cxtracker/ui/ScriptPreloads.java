package io.cxtracker.ui;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Set;

/**
 * The production bundle's script chunks, for the page's head to preload. Vaadin's client asks the server for the
 * first view (its init request) and only once that is answered imports the chunk holding every component (the
 * largest script by far) and the Flow client: one after the other. Named in {@code <link rel="modulepreload">}, they
 * are fetched and compiled while the server builds the view; the imports then find them loaded. A chunk no page
 * imports would only be fetched once in vain; outside a production build there is no such directory and nothing is
 * preloaded.
 */
final class ScriptPreloads {

    /** Where the WAR holds the bundle that Vaadin serves as {@code VAADIN/build/}. */
    static final String BUILD = "/WEB-INF/classes/META-INF/VAADIN/webapp/VAADIN/build/";

    private static volatile List<String> cached;

    private ScriptPreloads() {
    }

    /** The chunks' file names, read once per deployment. */
    static List<String> of(ServletContext context) {
        List<String> chunks = cached;
        if (chunks == null) {
            chunks = context == null ? List.of() : chunks(context.getResourcePaths(BUILD));
            cached = chunks;
        }
        return chunks;
    }

    /** The script chunks among the bundle directory's entries (the compressed copies and the rest left out), by name. */
    static List<String> chunks(Set<String> paths) {
        if (paths == null) {
            return List.of();
        }
        return paths.stream()
                .filter(p -> p.startsWith(BUILD) && p.endsWith(".js") && p.indexOf('/', BUILD.length()) < 0)
                .map(p -> p.substring(BUILD.length()))
                .sorted()
                .toList();
    }
}
