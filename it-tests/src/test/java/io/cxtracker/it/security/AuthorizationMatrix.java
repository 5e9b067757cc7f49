package io.cxtracker.it.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The authorization matrix as data: src/test/resources/security/authorization-matrix.json. A row is one
 * write operation; {@code setup} steps (run before each cell, usually as the admin) create what the write
 * needs and capture values from their answers — {@code "json:/id"} (a JSON pointer) or
 * {@code "header:ETag"} — which the write's path, body and headers use as {@code {name}}. {@code {n}} is
 * a fresh suffix per cell.
 */
record AuthorizationMatrix(Map<String, String> callers, List<Write> writes) {
    static final String RESOURCE = "/security/authorization-matrix.json";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** {@code alsoAccept}: statuses besides 2xx that leave the step's purpose met (409: the department exists already). */
    record Step(String caller, String method, String path, JsonNode body, Map<String, String> capture, Set<Integer> alsoAccept,
                Map<String, String> headers) {
    }

    /**
     * {@code rows}: the table whose row count a success changes, as {@code "table"} (one row more) or
     * {@code "table:-1"} (an unlink: one row fewer). {@code rowsFor}: a caller whose success changes another table
     * than {@code rows} (a lead's override is a request for approval, a program admin's applies at once).
     * {@code probe}: an SQL query (with {name} variables) whose value a success changes and a refusal leaves as it
     * was — for writes that change a row in place. {@code writesNothing}: a success must leave every table as it
     * was too (verifying a report or a checkpoint reads only).
     */
    record Write(String name, String operation, String method, String path, JsonNode body, Map<String, String> headers,
                 List<Step> setup, String rows, Map<String, String> rowsFor, String probe, boolean writesNothing,
                 Map<String, Integer> expect) {

        /** The table whose row count this caller's call changes, and by how much; null if none. */
        RowChange rowsOf(String caller) {
            String spec = rowsFor.getOrDefault(caller, rows);
            if (spec == null) {
                return null;
            }
            int colon = spec.indexOf(':');
            return colon < 0 ? new RowChange(spec, 1) : new RowChange(spec.substring(0, colon), Integer.parseInt(spec.substring(colon + 1)));
        }

        /** Whether a success is proven: a row count, a probe, or "writes nothing". */
        boolean checksItsEffect() {
            return rows != null || probe != null || writesNothing;
        }
    }

    record RowChange(String table, int delta) {
    }

    /** The variables of one cell: a fresh {n} and {day}. */
    static Map<String, String> freshVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        int cell = SEQUENCE.incrementAndGet();
        variables.put("n", cell + Long.toString(System.nanoTime() % 46_656, 36));
        // a past day of its own, for writes that allow one per department and day (maturity assessments)
        variables.put("day", LocalDate.of(2020, 1, 1).plusDays(cell).toString());
        return variables;
    }

    static String fill(String template, Map<String, String> variables) {
        if (template == null) {
            return null;
        }
        String result = template;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            result = result.replace("{" + v.getKey() + "}", v.getValue());
        }
        return result;
    }

    /** A JSON body; a body given as a JSON string is sent as that text (e.g. CSV, with a Content-Type header). */
    static String fill(JsonNode body, Map<String, String> variables) {
        if (body != null && body.isTextual()) {
            return fill(body.textValue(), variables);
        }
        return body == null || body.isNull() ? null : fill(body.toString(), variables);
    }

    static AuthorizationMatrix load() {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Write> writes = new ArrayList<>();
            for (JsonNode w : root.get("writes")) {
                List<Step> setup = new ArrayList<>();
                for (JsonNode s : w.path("setup")) {
                    setup.add(new Step(s.path("as").asText("admin"), s.get("method").asText(), s.get("path").asText(),
                            s.get("body"), strings(s.path("capture")), statuses(s.path("alsoAccept")),
                            strings(s.path("headers"))));
                }
                Map<String, Integer> expect = new LinkedHashMap<>();
                w.get("expect").properties().forEach(e -> expect.put(e.getKey(), e.getValue().asInt()));
                writes.add(new Write(w.get("name").asText(), w.get("operation").asText(), w.get("method").asText(),
                        w.get("path").asText(), w.get("body"), strings(w.path("headers")), setup,
                        w.hasNonNull("rows") ? w.get("rows").asText() : null, strings(w.path("rowsFor")),
                        w.hasNonNull("probe") ? w.get("probe").asText() : null, w.path("writesNothing").asBoolean(false), expect));
            }
            return new AuthorizationMatrix(strings(root.get("callers")), writes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Integer> statuses(JsonNode array) {
        Set<Integer> statuses = new HashSet<>();
        array.forEach(status -> statuses.add(status.asInt()));
        return statuses;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null) {
            object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }
}
