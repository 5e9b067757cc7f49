package io.cxtracker.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.Tokens;
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
 * Every write endpoint × every caller, as the matrix in authorization-matrix.json says, against the
 * real WildFly with real Keycloak tokens. A refusal is a problem document and leaves every table of the
 * schema as it was (and the row's probe, if any); a success changes its table by exactly the row's count, or
 * changes its probe. New endpoints are new rows in the JSON, not new code.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {

    static final AuthorizationMatrix MATRIX = AuthorizationMatrix.load();
    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");

    private final HttpJson app = HttpJson.forBaseUrl();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (AuthorizationMatrix.Write write : MATRIX.writes()) {
            for (String caller : MATRIX.callers().keySet()) {
                cells.add(Arguments.of(write.operation(), caller, write.expect().get(caller), write));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("cells")
    void answersAsTheMatrixSays(String operation, String caller, Integer expected, AuthorizationMatrix.Write write) {
        Map<String, String> variables = AuthorizationMatrix.freshVariables();
        for (AuthorizationMatrix.Step step : write.setup()) {
            Map<String, String> stepHeaders = new LinkedHashMap<>();
            step.headers().forEach((name, value) -> stepHeaders.put(name, AuthorizationMatrix.fill(value, variables)));
            // '{caller}': the cell's own caller, whose own state (its preferences) the step puts in a known state
            String stepCaller = "{caller}".equals(step.caller()) ? caller : step.caller();
            var made = app.as(Tokens.of(stepCaller)).request(step.method(), AuthorizationMatrix.fill(step.path(), variables),
                    AuthorizationMatrix.fill(step.body(), variables), stepHeaders);
            assertTrue(made.status() / 100 == 2 || step.alsoAccept().contains(made.status()),
                    () -> "setup of " + operation + " failed: " + made);
            step.capture().forEach((name, from) -> variables.put(name, captured(made, from)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        write.headers().forEach((name, value) -> headers.put(name, AuthorizationMatrix.fill(value, variables)));
        AuthorizationMatrix.RowChange rows = write.rowsOf(caller);
        String probe = AuthorizationMatrix.fill(write.probe(), variables);
        Map<String, Long> everyTable = RowCounts.now();
        String probed = probe == null ? null : Database.value(probe);

        var reply = app.as(Tokens.of(caller)).request(write.method(), AuthorizationMatrix.fill(write.path(), variables),
                AuthorizationMatrix.fill(write.body(), variables), headers);

        assertEquals(expected.intValue(), reply.status(), () -> operation + " as " + caller + ": " + reply);
        Map<String, Long> after = RowCounts.now();
        if (expected / 100 != 2) {
            assertEquals("application/problem+json", reply.header("Content-Type"), reply::toString);
            assertEquals(expected.intValue(), reply.json().get("status").asInt(), reply::toString);
            // a refusal writes nothing anywhere: every table of the schema, not only the one the write aims at
            assertEquals(everyTable, after, () -> operation + " as " + caller + " was refused but changed a table");
            if (probe != null) {
                assertEquals(probed, Database.value(probe), () -> operation + " as " + caller + " was refused but changed " + probe);
            }
            return;
        }
        if (write.writesNothing()) {
            assertEquals(everyTable, after, () -> operation + " as " + caller + " only reads but changed a table");
        }
        if (rows != null) {
            assertEquals(everyTable.get(rows.table()) + rows.delta(), after.get(rows.table()),
                    () -> operation + " as " + caller + " should change " + rows.table() + " by " + rows.delta() + " row(s)");
        }
        if (probe != null) {
            assertNotEquals(probed, Database.value(probe), () -> operation + " as " + caller + " succeeded but left " + probe
                    + " at " + probed);
        }
    }

    private static String captured(HttpJson.Reply reply, String from) {
        if (from.startsWith("header:")) {
            return reply.header(from.substring("header:".length()));
        }
        if (from.startsWith("json:")) {
            return reply.json().at(from.substring("json:".length())).asText();
        }
        throw new IllegalArgumentException("capture must start with json: or header: — " + from);
    }

    @Test
    void everyWriteNamesAnExpectationForEveryCaller() {
        assertTrue(MATRIX.callers().containsKey(Tokens.ANONYMOUS), "the matrix must test callers without a token");
        for (AuthorizationMatrix.Write write : MATRIX.writes()) {
            assertEquals(MATRIX.callers().keySet(), write.expect().keySet(), () -> write.operation() + " lacks or adds callers");
            assertEquals(401, write.expect().get(Tokens.ANONYMOUS), () -> write.operation() + " must refuse anonymous callers");
            assertTrue(write.checksItsEffect(), () -> "'" + write.name() + "' must name 'rows', a 'probe' or 'writesNothing': "
                    + "a cell that cannot show a write cannot show that a refusal wrote nothing");
        }
    }

    @Test
    void coversEveryWriteOperationTheApiPublishes() {
        var openapi = HttpJson.forBaseUrl().get("/openapi?format=JSON");
        assertEquals(200, openapi.status(), openapi::toString);
        Set<String> published = new TreeSet<>();
        JsonNode paths = openapi.json().get("paths");
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (WRITE_METHODS.contains(op.getKey())) {
                published.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Set<String> covered = new TreeSet<>();
        MATRIX.writes().forEach(w -> covered.add(w.operation()));
        assertEquals(published, covered, "every write operation in /openapi needs a row in " + AuthorizationMatrix.RESOURCE);
    }
}
