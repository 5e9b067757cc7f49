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
 *   LocalPostgres ensure-roles &lt;admin-jdbc-url&gt; &lt;user&gt; &lt;password&gt; &lt;database&gt; &lt;owner&gt; &lt;owner-password&gt; &lt;runtime&gt; &lt;runtime-password&gt;
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
        } else if (args.length == 9 && args[0].equals("ensure-roles")) {
            ensureRoles(args[1], args[2], args[3], args[4], args[5], args[6], args[7], args[8]);
            System.out.println("database " + args[4] + " is owned by " + args[5] + "; runtime login " + args[7]);
        } else if (args.length == 3 && args[0].equals("embedded")) {
            EmbeddedPostgres pg = startEmbedded(Path.of(args[1]), Integer.parseInt(args[2]), true);
            System.out.println("embedded PostgreSQL listening on 127.0.0.1:" + pg.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
            Thread.currentThread().join();
        } else {
            System.err.println("usage: LocalPostgres ensure-database <admin-url> <user> <password> <db>"
                    + " | ensure-roles <admin-url> <user> <password> <db> <owner> <owner-password> <runtime> <runtime-password>"
                    + " | embedded <data-dir> <port>");
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

    /**
     * The two logins of docs/OPERATIONS.md on a server where {@code user} is a superuser: the owner role (runs the
     * migrations, owns the database and everything in it) and the runtime role (WildFly's datasource; never a
     * superuser, owns nothing; its grants are applied by the app after every migrate). Idempotent, and it upgrades
     * a database of an earlier version, whose objects the superuser owns, by handing them to the owner role.
     */
    public static void ensureRoles(String adminUrl, String user, String password, String database,
                                   String owner, String ownerPassword, String runtime, String runtimePassword) throws SQLException {
        requireSafeName(database);
        requireSafeName(owner);
        requireSafeName(runtime);
        if (owner.equals(runtime)) {
            throw new IllegalArgumentException("the owner and the runtime login must be two roles");
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            ensureLogin(c, owner, ownerPassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE");
            ensureLogin(c, runtime, runtimePassword, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
        }
        ensureDatabase(adminUrl, user, password, database);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("alter database " + database + " owner to " + owner);
        }
        String databaseUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        try (Connection c = DriverManager.getConnection(databaseUrl, user, password); Statement s = c.createStatement()) {
            s.execute(TAKE_OVER.replace("@OWNER@", quoteLiteral(owner)));
            s.execute("revoke all on database " + database + " from public");
            s.execute("grant connect, temporary on database " + database + " to " + runtime);
        }
    }

    /**
     * A database from before the two roles: its schema, tables (with their identity sequences and triggers),
     * free-standing sequences, views and functions belong to the superuser that migrated it. The owner role takes
     * them over, so that its migrations may alter them; the runtime role gets its grants from the app.
     */
    private static final String TAKE_OVER = """
            DO $$
            DECLARE
                o record;
                target text := @OWNER@;
            BEGIN
                IF (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = current_schema())
                        NOT IN (target, 'pg_database_owner') THEN
                    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', current_schema(), target);
                END IF;
                FOR o IN SELECT c.relname, c.relkind FROM pg_class c
                         WHERE c.relnamespace = current_schema()::regnamespace
                           AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                           AND c.relowner <> target::regrole
                           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                           AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format(CASE o.relkind WHEN 'S' THEN 'ALTER SEQUENCE %I OWNER TO %I'
                                                  WHEN 'v' THEN 'ALTER VIEW %I OWNER TO %I'
                                                  WHEN 'm' THEN 'ALTER MATERIALIZED VIEW %I OWNER TO %I'
                                                  WHEN 'f' THEN 'ALTER FOREIGN TABLE %I OWNER TO %I'
                                                  ELSE 'ALTER TABLE %I OWNER TO %I' END, o.relname, target);
                END LOOP;
                FOR o IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                         WHERE p.pronamespace = current_schema()::regnamespace AND p.proowner <> target::regrole
                LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', o.signature, target);
                END LOOP;
            END
            $$""";

    private static void ensureLogin(Connection c, String role, String rolePassword, String attributes) throws SQLException {
        boolean exists;
        try (PreparedStatement q = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            q.setString(1, role);
            exists = q.executeQuery().next();
        }
        try (Statement s = c.createStatement()) {
            s.execute((exists ? "alter role " : "create role ") + role + " login " + attributes + " password "
                    + quoteLiteral(rolePassword));
        }
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Drops the roles, after the databases they own are gone. */
    public static void dropRoles(String adminUrl, String user, String password, String... roles) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            for (String role : roles) {
                requireSafeName(role);
                s.execute("drop role if exists " + role);
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
