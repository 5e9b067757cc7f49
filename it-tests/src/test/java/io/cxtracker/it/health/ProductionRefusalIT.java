package io.cxtracker.it.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.ThrowawayDatabase;
import io.cxtracker.it.support.ThrowawayKeycloak;
import io.cxtracker.it.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real server started the way an operator would start it, in production mode with every unsafe setting at once:
 * the shipped UI client secret, the server's superuser as the datasource login, ssl-required none and no owner login.
 * It must say so in one log line, keep readiness DOWN, serve nothing (503 even with a valid token) and not touch the
 * database (no migration). A second WildFly of its own (its own base directory and ports), next to Arquillian's.
 */
class ProductionRefusalIT {
    private static final String REFUSAL = "CX Tracker refuses to start";
    private static Process server;
    private static Path base;
    private static String database;
    private static int offset;

    @BeforeAll
    static void startInProductionModeWithEverythingUnsafe() throws Exception {
        String url = System.getProperty(ThrowawayDatabase.URL);
        database = url.substring(url.lastIndexOf('/') + 1) + "_refused";
        Database.executeAdmin("create database " + database);

        Path home = Path.of(System.getProperty("jboss.home"));
        base = Path.of(System.getProperty("cx.it.work", "target/it-work")).resolve("refused-server").toAbsolutePath();
        deleteTree(base);
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("cx.it.war")), base.resolve("deployments/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);

        offset = Integer.parseInt(System.getProperty("cx.it.port.offset", "200")) + 50;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        env.remove("CX_MODE"); // production is the default
        env.remove("CX_DB_OWNER_USER");
        // a key the app would generate for itself serves local mode only: production needs a key file
        env.remove("CX_AUDIT_SIGNING_KEY_FILE");
        env.put("CX_AUDIT_LOCAL_KEY_DIR", base.resolve("local-key").toString());
        env.put("CX_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + database);
        env.put("CX_DB_USER", System.getProperty(ThrowawayDatabase.USER));
        env.put("CX_DB_PASSWORD", System.getProperty(ThrowawayDatabase.PASSWORD));
        env.put("CX_OIDC_PROVIDER_URL", System.getProperty(ThrowawayKeycloak.PROVIDER_URL));
        env.put("CX_OIDC_SSL_REQUIRED", "none");
        env.put("CX_DEMO_LOAD", "true");
        server = builder.start();

        HttpJson management = management();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the server stopped; see " + base.resolve("console.log"));
            try {
                if (management.get("/health/ready").body().contains("deployment-profile")) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the refused server's readiness never reported the deployment profile");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            List<ProcessHandle> tree = Stream.concat(server.descendants(), Stream.of(server.toHandle())).toList();
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : tree) {
                p.onExit().get(60, TimeUnit.SECONDS);
            }
        }
        if (database != null) {
            Database.executeAdmin("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void readinessIsDownAndNamesEveryUnsafeSetting() {
        var ready = management().get("/health/ready");
        assertEquals(503, ready.status(), ready::toString);
        var profile = checkNamed(ready, "deployment-profile");
        assertEquals("DOWN", profile.get("status").asText(), ready::toString);
        String refused = profile.get("data").get("refused").asText();
        for (String named : List.of("CX_OIDC_CLIENT_SECRET", "is a PostgreSQL superuser", "CX_OIDC_SSL_REQUIRED", "CX_DB_OWNER_USER",
                "CX_AUDIT_SIGNING_KEY_FILE")) {
            assertTrue(refused.contains(named), named + " not in: " + refused);
        }
    }

    @Test
    void oneLogLineSaysWhatToFix() throws IOException {
        List<String> lines = Files.readAllLines(base.resolve("log/server.log")).stream().filter(l -> l.contains(REFUSAL)).toList();
        assertEquals(1, lines.size(), lines::toString);
        String line = lines.get(0);
        assertTrue(line.contains("SEVERE") || line.contains("ERROR"), line);
        for (String named : List.of("CX_OIDC_CLIENT_SECRET", "CX_DB_USER", "CX_OIDC_SSL_REQUIRED", "CX_DB_OWNER_USER",
                "CX_AUDIT_SIGNING_KEY_FILE")) {
            assertTrue(line.contains(named), named + " not in: " + line);
        }
    }

    @Test
    void noRequestIsServedEvenWithAValidToken() {
        HttpJson app = new HttpJson("http://127.0.0.1:" + (8080 + offset)).as(Tokens.programAdmin());
        for (String path : List.of("/api/departments", "/api/programs", "/api/audit/verify")) {
            var refused = app.get(path);
            assertEquals(503, refused.status(), path + ": " + refused);
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused::toString);
            assertEquals("https://cxtracker.io/problems/refused-to-start", refused.json().get("type").asText());
            assertFalse(refused.body().contains("superuser"), "the reason is for the operator, not for callers");
        }
        var write = app.post("/api/departments", """
                {"code":"refused","name":"Refused"}""");
        assertEquals(503, write.status(), write::toString);
    }

    @Test
    void theDatabaseIsNotTouched() throws SQLException {
        String url = System.getProperty(ThrowawayDatabase.URL);
        try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + database,
                System.getProperty(ThrowawayDatabase.USER), System.getProperty(ThrowawayDatabase.PASSWORD));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_tables where schemaname = 'public'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "no migration, no demo load");
        }
    }

    private static HttpJson management() {
        return new HttpJson("http://127.0.0.1:" + (9990 + offset));
    }

    private static com.fasterxml.jackson.databind.JsonNode checkNamed(HttpJson.Reply reply, String name) {
        for (var check : reply.json().get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + reply);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    if (!p.getFileName().toString().equals("standalone_xml_history")) {
                        Files.createDirectories(target);
                    }
                } else if (!p.toString().contains("standalone_xml_history")) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
