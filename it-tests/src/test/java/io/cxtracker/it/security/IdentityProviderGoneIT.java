package io.cxtracker.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxtracker.it.api.RowCounts;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.ThrowawayKeycloak;
import io.cxtracker.it.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The identity provider goes away while the app runs: the tests' own Keycloak is frozen (SIGSTOP to its
 * processes), which is worse than a refused connection — its port still accepts, and nothing ever answers. The
 * app must go on refusing what it cannot verify, quickly: no token, a forged token, a token signed by a key it
 * has not seen (which makes it ask Keycloak for the realm's keys) all get a 401 problem within seconds, never a
 * hang and never a write; the UI never serves a page to a stranger. A token the app can verify with the keys it
 * already holds stays valid — its signature is checked locally, and refusing it would turn an outage of Keycloak
 * into an outage of the app. Keycloak is always thawed afterwards, and answering again, before the test ends:
 * the other test classes share it.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityProviderGoneIT {
    /**
     * The answer must come well before a client gives up (HttpJson: 30 s). The app's OIDC client waits at most 2 s to
     * connect and 5 s for an answer, and may ask Keycloak twice for one request (discovery, then the keys): 14 s.
     */
    private static final Duration QUICKLY = Duration.ofSeconds(16);
    /** The OIDC client asks for the realm's keys at most once in this long (its min-time-between-jwks-requests). */
    private static final Duration JWKS_PAUSE = Duration.ofSeconds(11);

    private final HttpJson app = HttpJson.forBaseUrl();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void aFrozenKeycloakGives401ProblemsQuicklyAndNeverAnOpenDoor() throws Exception {
        // every token this test sends is taken while Keycloak still answers
        String admin = Tokens.programAdmin();
        String visitor = Tokens.of("visitor");
        String unknownKey = withHeader(admin, "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"rotated-" + System.nanoTime() + "\"}");
        String elevated = elevated(visitor);
        assertEquals(200, app.as(admin).get("/api/departments").status(), "the app works before Keycloak goes");

        List<ProcessHandle> keycloak = keycloakProcesses();
        signal("STOP", keycloak);
        try {
            assertFalse(answers(), "Keycloak should be frozen");
            Thread.sleep(JWKS_PAUSE.toMillis()); // so that the unknown key below makes the app ask Keycloak
            Map<String, Long> before = RowCounts.now();

            List<String> slow = new ArrayList<>();
            TokenValidationIT.assertUnauthorized(timed("a token signed by a key the app has not seen", slow,
                    () -> app.as(unknownKey).post("/api/departments", "{\"code\":\"idp-gone-1\",\"name\":\"Never\"}")));
            TokenValidationIT.assertUnauthorized(timed("the same token again", slow,
                    () -> app.as(unknownKey).get("/api/departments")));
            TokenValidationIT.assertUnauthorized(timed("no token", slow,
                    () -> app.post("/api/departments", "{\"code\":\"idp-gone-2\",\"name\":\"Never\"}")));
            TokenValidationIT.assertUnauthorized(timed("a token whose roles were changed", slow,
                    () -> app.as(elevated).post("/api/departments", "{\"code\":\"idp-gone-3\",\"name\":\"Never\"}")));
            HttpJson.Reply page = timed("a UI page for a stranger", slow, () -> app.send(
                    HttpRequest.newBuilder(app.uri("/departments")).header("Accept", "text/html")));
            assertFalse(page.status() / 100 == 2, () -> "the UI served a page without sign-in: " + page);
            HttpJson.Reply valid = timed("a valid token the app can verify with the keys it holds", slow,
                    () -> app.as(admin).get("/api/departments"));
            assertTrue(valid.status() == 200 || valid.status() == 401 || valid.status() == 503, valid::toString);

            assertEquals(List.of(), slow, "answers that took longer than " + QUICKLY.toSeconds() + " s");
            assertEquals(before, RowCounts.now(), "nothing may be written while Keycloak is gone");
        } finally {
            signal("CONT", keycloak);
            awaitKeycloak();
        }
        assertEquals(200, app.as(Tokens.programAdmin()).get("/api/departments").status(), "the app works once Keycloak is back");
    }

    private static HttpJson.Reply timed(String what, List<String> slow, Supplier<HttpJson.Reply> call) {
        long started = System.nanoTime();
        HttpJson.Reply reply = call.get(); // HttpJson gives up after 30 s: a hang fails the test
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[it] Keycloak frozen: %s → %d in %d ms%n", what, reply.status(), took.toMillis());
        if (took.compareTo(QUICKLY) > 0) {
            slow.add(what + ": " + took.toMillis() + " ms");
        }
        return reply;
    }

    /** The Keycloak this run started (its pid file, see ThrowawayKeycloak) and the JVM it runs in. */
    private static List<ProcessHandle> keycloakProcesses() throws IOException {
        Path pidFile = Path.of(System.getProperty("cx.it.keycloak.home")).resolve("it-keycloak.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Keycloak " + pid + " is gone"));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + command);
    }

    private static boolean answers() {
        String url = System.getProperty(ThrowawayKeycloak.KEYCLOAK_URL).replace("//localhost:", "//127.0.0.1:")
                + "/realms/" + ThrowawayKeycloak.REALM + "/.well-known/openid-configuration";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitKeycloak() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak did not answer again within 120 s of being thawed");
            }
            Thread.sleep(500);
        }
    }

    private static String withHeader(String token, String header) {
        String[] parts = token.split("\\.");
        return base64(header) + "." + parts[1] + "." + parts[2];
    }

    private static String elevated(String token) {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) Tokens.claims(token);
        claims.putObject("realm_access").putArray("roles").add("program-admin");
        return parts[0] + "." + base64(claims.toString()) + "." + parts[2];
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
