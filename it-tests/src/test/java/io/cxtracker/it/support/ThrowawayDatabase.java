package io.cxtracker.it.support;

import io.cxtracker.devtools.LocalPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the whole test run its own PostgreSQL database, created before the first test and dropped
 * after the last. The server is the one named by CX_IT_ADMIN_URL, else the machine's on
 * 127.0.0.1:5432, else an embedded PostgreSQL started for the run. The coordinates are published as
 * system properties that arquillian.xml hands to WildFly and tests use for row counts.
 */
public class ThrowawayDatabase implements LauncherSessionListener {
    public static final String URL = "cx.it.db.url";
    public static final String USER = "cx.it.db.user";
    public static final String PASSWORD = "cx.it.db.password";

    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(URL) != null) {
            return;
        }
        user = env("CX_IT_DB_USER", "postgres");
        password = env("CX_IT_DB_PASSWORD", "postgres");
        adminUrl = env("CX_IT_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String hostPart;
        if (LocalPostgres.answers(adminUrl, user, password)) {
            hostPart = adminUrl.substring(0, adminUrl.lastIndexOf('/'));
        } else {
            int port = freePort();
            try {
                embedded = LocalPostgres.startEmbedded(Path.of("target", "embedded-pg-" + port), port, false);
            } catch (IOException e) {
                throw new UncheckedIOException("no PostgreSQL answers at " + adminUrl + " and the embedded one did not start", e);
            }
            hostPart = "jdbc:postgresql://127.0.0.1:" + port;
            adminUrl = hostPart + "/postgres";
        }
        database = "cx_it_" + ProcessHandle.current().pid() + "_" + (System.currentTimeMillis() % 100_000);
        try {
            LocalPostgres.ensureDatabase(adminUrl, user, password, database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + database, e);
        }
        System.setProperty(URL, hostPart + "/" + database);
        System.setProperty(USER, user);
        System.setProperty(PASSWORD, password);
        System.out.println("[it] throwaway database " + System.getProperty(URL));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database == null) {
            return;
        }
        try {
            LocalPostgres.dropDatabase(adminUrl, user, password, database);
        } catch (SQLException e) {
            System.err.println("[it] could not drop " + database + ": " + e.getMessage());
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("[it] could not stop embedded PostgreSQL: " + e.getMessage());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
