package io.cxtracker.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Finds or starts the PostgreSQL that the run command and the integration tests use, so neither
 * needs psql or Docker on the machine.
 *
 * <pre>
 *   LocalPostgres ensure-database &lt;admin-jdbc-url&gt; &lt;user&gt; &lt;password&gt; &lt;database&gt;
 *   LocalPostgres embedded &lt;data-dir&gt; &lt;port&gt;      (blocks until killed)
 * </pre>
 */
public final class LocalPostgres {
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("ensure-database")) {
            ensureDatabase(args[1], args[2], args[3], args[4]);
            System.out.println("database " + args[4] + " is ready");
        } else if (args.length == 3 && args[0].equals("embedded")) {
            EmbeddedPostgres pg = startEmbedded(Path.of(args[1]), Integer.parseInt(args[2]), true);
            System.out.println("embedded PostgreSQL listening on 127.0.0.1:" + pg.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
            Thread.currentThread().join();
        } else {
            System.err.println("usage: LocalPostgres ensure-database <admin-url> <user> <password> <db> | embedded <data-dir> <port>");
            System.exit(2);
        }
    }

    /** Creates the database unless it exists. */
    public static void ensureDatabase(String adminUrl, String user, String password, String database) throws SQLException {
        requireSafeName(database);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (Statement create = c.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        }
    }

    /** Drops the database, closing whatever sessions still use it. */
    public static void dropDatabase(String adminUrl, String user, String password, String database) throws SQLException {
        requireSafeName(database);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement drop = c.createStatement()) {
            drop.execute("drop database if exists " + database + " with (force)");
        }
    }

    /**
     * Starts PostgreSQL from the binaries on the classpath. {@code durable} turns fsync and
     * synchronous commit back on: the library's defaults are for throwaway test data, the run
     * command's data must survive a crash.
     */
    public static EmbeddedPostgres startEmbedded(Path dataDir, int port, boolean durable) throws IOException {
        Files.createDirectories(dataDir);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port);
        if (durable) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on");
        }
        return builder.start();
    }

    public static boolean answers(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }


    private static void requireSafeName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("could not stop embedded PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
