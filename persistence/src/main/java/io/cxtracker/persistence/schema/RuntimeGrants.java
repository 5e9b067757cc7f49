package io.cxtracker.persistence.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Gives the runtime login exactly the privileges listed in {@code db/runtime-grants.properties}, after every
 * migrate (also when nothing was pending), as the owner login that ran the migrations. Everything is revoked
 * first, so the file is the whole truth: a privilege removed from it disappears at the next start, and a table
 * it does not mention gets nothing (fail closed).
 *
 * <p>The runtime role never owns anything, so {@code ALTER TABLE}, {@code DROP TRIGGER} and {@code DROP TABLE}
 * are refused to it by PostgreSQL itself; {@code TRUNCATE}, {@code TRIGGER} and {@code REFERENCES} are never
 * granted.
 */
public final class RuntimeGrants extends BaseCallback {
    public static final String RESOURCE = "db/runtime-grants.properties";
    private static final Logger LOG = Logger.getLogger(RuntimeGrants.class.getName());
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Set<String> TABLE_PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final Set<String> SEQUENCE_PRIVILEGES = Set.of("USAGE", "SELECT");

    private final String runtimeRole;
    private final Map<String, Set<String>> privileges;

    /** @param runtimeRole the role WildFly's datasource logs in as */
    public RuntimeGrants(String runtimeRole) {
        this(runtimeRole, load());
    }

    RuntimeGrants(String runtimeRole, Map<String, Set<String>> privileges) {
        if (runtimeRole == null || runtimeRole.isBlank()) {
            throw new IllegalArgumentException("the runtime role is not named");
        }
        this.runtimeRole = runtimeRole;
        this.privileges = privileges;
    }

    /** The table or sequence → privileges of the grants file, in file order. */
    public static Map<String, Set<String>> load() {
        try (InputStream in = RuntimeGrants.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code name = PRIV, PRIV} lines; {@code #} starts a comment; an empty right side means none. */
    static Map<String, Set<String>> parse(String text) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected 'name = PRIVILEGES', got '" + line + "'");
            }
            String name = line.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": '" + name + "' is not a plain table or sequence name");
            }
            Set<String> privs = new LinkedHashSet<>();
            for (String p : line.substring(eq + 1).split(",")) {
                String priv = p.strip().toUpperCase(Locale.ROOT);
                if (priv.isEmpty()) {
                    continue;
                }
                if (!TABLE_PRIVILEGES.contains(priv) && !SEQUENCE_PRIVILEGES.contains(priv)) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + priv
                            + " is not a privilege the runtime role may get (tables: " + TABLE_PRIVILEGES
                            + ", sequences: " + SEQUENCE_PRIVILEGES + ")");
                }
                privs.add(priv);
            }
            if (result.put(name, Collections.unmodifiableSet(privs)) != null) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + name + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(result);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            apply(context.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the runtime role " + runtimeRole + " its privileges: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "runtime-grants";
    }

    /** Revokes everything from the runtime role in the current schema, then grants what the file lists. */
    public void apply(Connection connection) throws SQLException {
        String role = quoted(connection, runtimeRole);
        String schema = currentSchema(connection);
        String schemaName = quoted(connection, schema);
        List<String> statements = new ArrayList<>();
        statements.add("REVOKE ALL ON SCHEMA " + schemaName + " FROM " + role);
        statements.add("GRANT USAGE ON SCHEMA " + schemaName + " TO " + role);
        if (ownsSchema(connection)) {
            // PostgreSQL 14 and older let every role create tables in public; only the owner may change the schema
            statements.add("REVOKE CREATE ON SCHEMA " + schemaName + " FROM PUBLIC");
        }
        List<String> unlisted = new ArrayList<>();
        for (Relation relation : relations(connection)) {
            String name = schemaName + "." + quoted(connection, relation.name());
            String kind = relation.sequence() ? "SEQUENCE " : "TABLE ";
            statements.add("REVOKE ALL ON " + kind + name + " FROM " + role);
            Set<String> granted = privileges.get(relation.name());
            if (granted == null) {
                unlisted.add(relation.name());
                continue;
            }
            Set<String> allowed = relation.sequence() ? SEQUENCE_PRIVILEGES : TABLE_PRIVILEGES;
            List<String> fitting = granted.stream().filter(allowed::contains).toList();
            if (fitting.size() != granted.size()) {
                throw new IllegalStateException(RESOURCE + ": " + relation.name() + " is a " + kind.strip().toLowerCase(Locale.ROOT)
                        + " and cannot get " + granted + " (allowed: " + allowed + ")");
            }
            if (!fitting.isEmpty()) {
                statements.add("GRANT " + String.join(", ", fitting) + " ON " + kind + name + " TO " + role);
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        if (!unlisted.isEmpty()) {
            LOG.warning(() -> "The runtime role " + runtimeRole + " gets no privileges on " + unlisted + ": they are not listed in " + RESOURCE);
        }
        LOG.info(() -> "Runtime role " + runtimeRole + " granted what " + RESOURCE + " lists on schema " + schema);
    }

    /** Tables, views and the sequences that are not an identity column's own (those need no grant). */
    public static List<Relation> relations(Connection connection) throws SQLException {
        String sql = """
                SELECT c.relname, c.relkind = 'S' AS is_sequence
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema()
                  AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
                ORDER BY c.relname
                """;
        List<Relation> result = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(new Relation(rs.getString(1), rs.getBoolean(2)));
            }
        }
        return result;
    }

    /** A table (or view) or a sequence of the schema. */
    public record Relation(String name, boolean sequence) {
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean ownsSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pg_has_role(current_user, nspowner, 'USAGE') FROM pg_namespace WHERE nspname = current_schema()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String quoted(Connection connection, String identifier) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT quote_ident(?)")) {
            s.setString(1, identifier);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
