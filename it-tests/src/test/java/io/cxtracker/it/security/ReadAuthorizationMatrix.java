package io.cxtracker.it.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read half of the authorization matrix as data: src/test/resources/security/read-authorization-matrix.json.
 * A row is one call of a published GET operation with the status every caller must get and, for partial views,
 * the JSON pointers that must be present or absent in a caller's answer. The {@code fixtures} run once per test
 * class and capture what the rows' paths use as {@code {name}}.
 */
record ReadAuthorizationMatrix(Map<String, String> callers, List<Fixture> fixtures, List<Read> reads) {
    static final String RESOURCE = "/security/read-authorization-matrix.json";

    /** One set-up call, as {@code caller}; {@code alsoAccept}: statuses besides 2xx that meet its purpose (409: exists). */
    record Fixture(String caller, String method, String path, JsonNode body, Map<String, String> headers,
                   Map<String, String> capture, Set<Integer> alsoAccept) {
    }

    /** What must and must not be in a caller's answer: JSON pointers. */
    record Fields(List<String> present, List<String> absent) {
    }

    record Read(String name, String operation, String path, Map<String, Integer> expect, Map<String, Fields> fields) {
    }

    static ReadAuthorizationMatrix load() {
        try (InputStream in = ReadAuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Fixture> fixtures = new ArrayList<>();
            for (JsonNode f : root.path("fixtures")) {
                Set<Integer> alsoAccept = new HashSet<>();
                f.path("alsoAccept").forEach(s -> alsoAccept.add(s.asInt()));
                fixtures.add(new Fixture(f.path("as").asText("admin"), f.get("method").asText(), f.get("path").asText(),
                        f.get("body"), strings(f.path("headers")), strings(f.path("capture")), alsoAccept));
            }
            List<Read> reads = new ArrayList<>();
            for (JsonNode r : root.get("reads")) {
                Map<String, Integer> expect = new LinkedHashMap<>();
                r.get("expect").properties().forEach(e -> expect.put(e.getKey(), e.getValue().asInt()));
                Map<String, Fields> fields = new LinkedHashMap<>();
                r.path("fields").properties().forEach(e -> fields.put(e.getKey(),
                        new Fields(texts(e.getValue().path("present")), texts(e.getValue().path("absent")))));
                reads.add(new Read(r.get("name").asText(), r.get("operation").asText(), r.get("path").asText(), expect, fields));
            }
            return new ReadAuthorizationMatrix(strings(root.get("callers")), fixtures, reads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null) {
            object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }
}
