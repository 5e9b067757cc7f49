package io.cxtracker.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real Keycloak for the whole test run, before WildFly: the distribution the build unpacked
 * (cx.it.keycloak.home), a fresh database every run (its data directory is deleted), the repository's
 * realm import, its own port and a pinned hostname so that every token names the same issuer. Then the
 * test-only clients and a second realm are added through the admin API ({@link TestRealm}). Stopped
 * when the run ends. The provider URL is published as cx.it.oidc.provider.url for arquillian.xml.
 */
public class ThrowawayKeycloak implements LauncherSessionListener {
    public static final String PROVIDER_URL = "cx.it.oidc.provider.url";
    public static final String KEYCLOAK_URL = "cx.it.keycloak.url";
    public static final String REALM = "cxtracker";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("cx.it.keycloak.startup.seconds", 400));

    private Process process;
    private Path pidFile;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROVIDER_URL) != null) {
            return; // an outer launcher (or the developer) already provides one
        }
        Path home = Path.of(System.getProperty("cx.it.keycloak.home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
        int port = Integer.getInteger("cx.it.keycloak.port", 8543);
        Path realm = Path.of(System.getProperty("cx.it.keycloak.realm", "../keycloak/cxtracker-realm.json"));
        Path log = Path.of(System.getProperty("cx.it.keycloak.log", "target/keycloak.log"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is missing at " + home + ": the build unpacks it in pre-integration-test "
                    + "(mvn verify, or ./cx test)");
        }
        pidFile = home.resolve("it-keycloak.pid");
        stopLeftoverFromAnEarlierRun(home);
        if (portTaken(port)) {
            throw new IllegalStateException("port " + port + " is taken; the tests' Keycloak needs it (set -Dcx.it.keycloak.port)");
        }
        try {
            Path data = home.resolve("data");
            deleteTree(data);
            Files.createDirectories(data.resolve("import"));
            Files.copy(realm, data.resolve("import").resolve("cxtracker-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(log.toAbsolutePath().getParent());

            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=http://localhost:" + port, "--import-realm")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            long started = System.nanoTime();
            process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-test-keycloak"));

            String base = "http://localhost:" + port;
            awaitReady("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration", log);
            System.out.printf("[it] Keycloak %s ready after %d s (log %s)%n", base,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(), log);
            System.setProperty(KEYCLOAK_URL, base);
            System.setProperty(PROVIDER_URL, base + "/realms/" + REALM);
            TestRealm.setUp("http://127.0.0.1:" + port);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    private synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> children = handle.descendants().toList();
        handle.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // nothing to clean then
        }
    }

    /** A Keycloak of an earlier, killed test run (same home, pid file) would hold the port: end it. */
    private void stopLeftoverFromAnEarlierRun(Path home) {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(h -> h.info().commandLine().map(c -> c.contains(home.toString())).orElse(false));
            leftover.ifPresent(h -> {
                System.out.println("[it] stopping the Keycloak an earlier test run left behind (pid " + pid + ")");
                h.destroy();
                h.onExit().completeOnTimeout(h, 30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            System.err.println("[it] ignoring the pid file " + pidFile + ": " + e.getMessage());
        }
    }

    private void awaitReady(String url, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start-up (exit " + process.exitValue() + "):\n" + tail(log));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        throw new IllegalStateException("Keycloak was not ready after " + STARTUP.toSeconds() + " s:\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean portTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
