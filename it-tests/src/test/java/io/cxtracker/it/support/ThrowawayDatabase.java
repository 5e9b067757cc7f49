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
 *
 * <p>Like a deployment, the run has two roles of its own (named after the database, dropped with it): the owner
 * role, which WildFly's schema migrator logs in as, and the runtime role of WildFly's datasource. Tests' own SQL
 * ({@link #USER}) uses the server's administrator login, which may also tamper with data on purpose.
 */
public class ThrowawayDatabase implements LauncherSessionListener {
    public static final String URL = "cx.it.db.url";
    public static final String USER = "cx.it.db.user";
    public static final String PASSWORD = "cx.it.db.password";
    public static final String RUNTIME_USER = "cx.it.db.runtime-user";
    public static final String RUNTIME_PASSWORD = "cx.it.db.runtime-password";
    public static final String OWNER_USER = "cx.it.db.owner-user";
    public static final String OWNER_PASSWORD = "cx.it.db.owner-password";

    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(URL) != null) {
            // a database given from outside: one login for everything unless the roles are given too
            System.setProperty(RUNTIME_USER, System.getProperty(RUNTIME_USER, System.getProperty(USER, "")));
            System.setProperty(RUNTIME_PASSWORD, System.getProperty(RUNTIME_PASSWORD, System.getProperty(PASSWORD, "")));
            System.setProperty(OWNER_USER, System.getProperty(OWNER_USER, System.getProperty(USER, "")));
            System.setProperty(OWNER_PASSWORD, System.getProperty(OWNER_PASSWORD, System.getProperty(PASSWORD, "")));
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
        String rolePassword = "it_" + Long.toString(System.nanoTime(), 36);
        try {
            LocalPostgres.ensureRoles(adminUrl, user, password, database, owner(), rolePassword, runtime(), rolePassword);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + database + " and its roles", e);
        }
        System.setProperty(URL, hostPart + "/" + database);
        System.setProperty(USER, user);
        System.setProperty(PASSWORD, password);
        System.setProperty(OWNER_USER, owner());
        System.setProperty(OWNER_PASSWORD, rolePassword);
        System.setProperty(RUNTIME_USER, runtime());
        System.setProperty(RUNTIME_PASSWORD, rolePassword);
        System.out.println("[it] throwaway database " + System.getProperty(URL));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database == null) {
            return;
        }
        try {
            LocalPostgres.dropDatabase(adminUrl, user, password, database);
            LocalPostgres.dropRoles(adminUrl, user, password, runtime(), owner());
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

    private String owner() {
        return database + "_owner";
    }

    private String runtime() {
        return database + "_app";
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
