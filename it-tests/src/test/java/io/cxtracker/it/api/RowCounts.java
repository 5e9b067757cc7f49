package io.cxtracker.it.api;

import io.cxtracker.it.support.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row counts of every table of the application's schema, in one query: proof that a refused write left nothing.
 * The list of tables is the database's own (pg_catalog), read at every call, so a table a new migration adds is
 * counted without anyone remembering to list it here; only the tables below are left out, each for its reason.
 */
public final class RowCounts {
    /**
     * Written in the background, not by a request: the sealer seals new audit records every second and signs a
     * daily checkpoint (persistence's AuditSealingSchedule), so their counts move between two calls of a test that
     * wrote nothing; what they seal is audit_record, which is counted. Flyway's history only changes on migrate. The
     * alert e-mails' turn (persistence's AlertSchedule, every second in the tests) marks each new alert expanded and
     * writes its mails, whichever request raised it and whenever: what it expands is alert, which is counted. The
     * read cache's data_change gets a row from every transaction that writes a dashboard's input (which is counted)
     * and loses rows to the cleanup on AlertSchedule's scheduler whenever it runs.
     */
    public static final Set<String> BACKGROUND = Set.of("audit_seal", "audit_checkpoint", "flyway_schema_history",
            "mail_expansion", "mail_delivery", "data_change");

    private RowCounts() {
    }

    /** Every table of the schema the application uses (current_schema()), sorted by name. */
    public static List<String> tables() {
        List<String> tables = new ArrayList<>();
        try (Connection c = Database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = current_schema() "
                     + "and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    /** The tables a request may write: all of them but {@link #BACKGROUND}. */
    public static List<String> counted() {
        return tables().stream().filter(t -> !BACKGROUND.contains(t)).toList();
    }

    public static Map<String, Long> now() {
        List<String> tables = counted();
        if (tables.size() < 20) {
            throw new IllegalStateException("the schema has only " + tables.size() + " tables: " + tables);
        }
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from \"").append(tables.get(i)).append("\")");
        }
        try (Connection c = Database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                counts.put(tables.get(i), rs.getLong(i + 1));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
