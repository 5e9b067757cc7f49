package io.cxtracker.it.api;

import io.cxtracker.it.support.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The row counts of every table the plan's writes touch, in one query: proof that a refused write left nothing. */
public final class RowCounts {
    public static final List<String> TABLES = List.of("department", "program", "phase", "initiative", "initiative_raci",
            "metric", "reading", "target", "milestone", "milestone_evidence", "milestone_target", "check_in",
            "check_in_evidence", "approval_request", "approval_decision", "audit_record");

    private RowCounts() {
    }

    public static Map<String, Long> now() {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < TABLES.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select count(*) from ").append(TABLES.get(i)).append(")");
        }
        try (Connection c = Database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            rs.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < TABLES.size(); i++) {
                counts.put(TABLES.get(i), rs.getLong(i + 1));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
