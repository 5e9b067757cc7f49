package io.cxtracker.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every read endpoint × every caller, as read-authorization-matrix.json says (ARCHITECTURE §1, reads), against the real
 * WildFly with real Keycloak tokens: the status, a problem document for every refusal, and for partial views the
 * fields that must be there and those that must be absent. New GET endpoints are new rows in the JSON, not new code;
 * a GET that /openapi publishes without a row fails {@link #coversEveryReadOperationTheApiPublishes}.
 */
@ExtendWith(ArquillianExtension.class)
class ReadAuthorizationMatrixIT {

    static final ReadAuthorizationMatrix MATRIX = ReadAuthorizationMatrix.load();
    private static Map<String, String> fixtures;

    private final HttpJson app = HttpJson.forBaseUrl();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (ReadAuthorizationMatrix.Read read : MATRIX.reads()) {
            for (String caller : MATRIX.callers().keySet()) {
                cells.add(Arguments.of(read.name(), caller, read.expect().get(caller), read));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void answersAsTheMatrixSays(String name, String caller, Integer expected, ReadAuthorizationMatrix.Read read) {
        String path = AuthorizationMatrix.fill(read.path(), fixtures());

        var reply = app.as(Tokens.of(caller)).get(path);

        assertEquals(expected.intValue(), reply.status(), () -> read.operation() + " (" + name + ") as " + caller + ": " + reply);
        if (expected / 100 != 2) {
            assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
            assertEquals(expected.intValue(), reply.json().get("status").asInt(), reply::toString);
            if (expected == 403) {
                // who was refused, what they may not do, which roles it needs; a read writes nothing, so says nothing of it
                String detail = reply.json().get("detail").asText();
                assertTrue(detail.startsWith(caller + " ") && detail.contains(" may not ") && !detail.contains("written"),
                        () -> "unclear refusal for " + caller + ": " + detail);
                if ("visitor".equals(caller)) {
                    // Authority's read checks say this for every account without a role
                    assertTrue(detail.contains("has no role yet") && detail.contains("needs one of the roles [")
                            && detail.contains("ask a program admin"), detail);
                }
            }
            return;
        }
        ReadAuthorizationMatrix.Fields fields = read.fields().get(caller);
        if (fields != null) {
            JsonNode json = reply.json();
            for (String pointer : fields.present()) {
                JsonNode value = json.at(pointer);
                assertFalse(value.isMissingNode() || value.isNull(), () -> caller + " must see " + pointer + " in " + path + ": " + reply);
            }
            for (String pointer : fields.absent()) {
                assertTrue(json.at(pointer).isMissingNode(), () -> caller + " must not see " + pointer + " in " + path + ": " + reply);
            }
        }
    }

    /** The fixtures' captured values, made once for the class (as each fixture's caller) and shared by every cell. */
    private static synchronized Map<String, String> fixtures() {
        if (fixtures != null) {
            return fixtures;
        }
        Map<String, String> variables = new LinkedHashMap<>(AuthorizationMatrix.freshVariables());
        // a day of this run's own, far from the write matrix's days: one assessment per department and day
        variables.put("day", LocalDate.of(2010, 1, 1).plusDays(System.nanoTime() % 3000).toString());
        HttpJson app = HttpJson.forBaseUrl();
        for (ReadAuthorizationMatrix.Fixture f : MATRIX.fixtures()) {
            Map<String, String> headers = new LinkedHashMap<>();
            f.headers().forEach((name, value) -> headers.put(name, AuthorizationMatrix.fill(value, variables)));
            var made = app.as(Tokens.of(f.caller())).request(f.method(), AuthorizationMatrix.fill(f.path(), variables),
                    AuthorizationMatrix.fill(f.body(), variables), headers);
            assertTrue(made.status() / 100 == 2 || f.alsoAccept().contains(made.status()),
                    () -> "fixture " + f.method() + " " + f.path() + " failed: " + made);
            f.capture().forEach((name, from) -> variables.put(name, captured(made, AuthorizationMatrix.fill(from, variables))));
        }
        fixtures = Map.copyOf(variables);
        return fixtures;
    }

    private static String captured(HttpJson.Reply reply, String from) {
        if (from.startsWith("header:")) {
            return reply.header(from.substring("header:".length()));
        }
        if (from.startsWith("json:")) {
            return reply.json().at(from.substring("json:".length())).asText();
        }
        if (from.startsWith("literal:")) {
            return from.substring("literal:".length());
        }
        throw new IllegalArgumentException("capture must start with json:, header: or literal: — " + from);
    }

    @Test
    void everyReadNamesAnExpectationForEveryCaller() {
        assertEquals(AuthorizationMatrix.load().callers().keySet(), MATRIX.callers().keySet(),
                "the read and the write matrix test the same callers");
        for (ReadAuthorizationMatrix.Read read : MATRIX.reads()) {
            assertEquals(MATRIX.callers().keySet(), read.expect().keySet(), () -> read.name() + " lacks or adds callers");
            assertEquals(401, read.expect().get(Tokens.ANONYMOUS), () -> read.name() + " must refuse anonymous callers");
            assertEquals(403, read.expect().get("visitor"), () -> read.name() + ": an account without a role reads nothing");
            read.fields().forEach((caller, fields) -> assertTrue(read.expect().getOrDefault(caller, 0) / 100 == 2,
                    () -> read.name() + " lists fields for " + caller + ", who is refused"));
        }
    }

    @Test
    void coversEveryReadOperationTheApiPublishes() {
        var openapi = HttpJson.forBaseUrl().get("/openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi::toString);
        Set<String> published = new TreeSet<>();
        openapi.json().get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if ("get".equals(op.getKey())) {
                published.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> covered = new TreeSet<>();
        MATRIX.reads().forEach(r -> covered.add(r.operation()));
        Set<String> missing = new TreeSet<>(published);
        missing.removeAll(covered);
        Set<String> unknown = new TreeSet<>(covered);
        unknown.removeAll(published);
        assertTrue(missing.isEmpty(), () -> "GET operations in /openapi without a row in " + ReadAuthorizationMatrix.RESOURCE
                + ": " + missing);
        assertTrue(unknown.isEmpty(), () -> "rows of " + ReadAuthorizationMatrix.RESOURCE + " name operations /openapi "
                + "does not publish: " + unknown);
    }
}
