package io.cxtracker.persistence.audit;

import io.cxtracker.domain.audit.AuditRecord;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * Reads audit records out of result sets. The jsonb maps come back as two-dimensional text arrays
 * ({@code {{field, value}, …}}, ordered by field name), so no JSON parser is needed here.
 */
public final class AuditRows {
    private static final String RECORD_COLUMNS = "r.seq, r.at, r.actor, r.entity_type, r.entity_id, r.department_code, r.action, "
            + "ARRAY(SELECT ARRAY[e.key, e.value] FROM jsonb_each_text(r.old_value) e ORDER BY e.key COLLATE \"C\") AS old_pairs, "
            + "ARRAY(SELECT ARRAY[e.key, e.value] FROM jsonb_each_text(r.new_value) e ORDER BY e.key COLLATE \"C\") AS new_pairs, "
            + "r.request_id";
    /** The select list {@link #read} expects, for a query on {@link #FROM}. */
    public static final String COLUMNS = RECORD_COLUMNS + ", s.seq AS chain_seq, s.prev_hash, s.hash";
    /** A record with its seal, when it has one yet. */
    public static final String FROM = "audit_record r LEFT JOIN audit_seal s ON s.record_seq = r.seq";
    /** The select list {@link #read} expects from {@code INSERT INTO audit_record AS r … RETURNING}: not sealed yet. */
    public static final String INSERTED_COLUMNS = RECORD_COLUMNS + ", NULL::bigint AS chain_seq, NULL::text AS prev_hash, "
            + "NULL::text AS hash";

    private AuditRows() {
    }

    public static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("department_code"), rs.getString("action"),
                pairs(rs.getArray("old_pairs")), pairs(rs.getArray("new_pairs")), rs.getString("request_id"),
                rs.getString("prev_hash"), rs.getString("hash"), rs.getObject("chain_seq", Long.class));
    }

    private static SequencedMap<String, String> pairs(Array array) throws SQLException {
        SequencedMap<String, String> map = new LinkedHashMap<>();
        if (array == null) {
            return map;
        }
        try {
            Object[] rows = (Object[]) array.getArray();
            for (Object row : rows) {
                Object[] pair = (Object[]) row;
                map.put((String) pair[0], (String) pair[1]);
            }
        } finally {
            array.free();
        }
        return map;
    }
}
