package io.cxtracker.persistence.audit;

import io.cxtracker.domain.audit.AuditChain;
import io.cxtracker.domain.audit.ChainHead;
import io.cxtracker.domain.audit.ChainVerification;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The sealed chain in PostgreSQL: audit_seal, one row per sealed record, written only by the database
 * function audit_seal_pending (V11), which also holds the chain's lock. Sealing runs outside any caller
 * transaction: each batch is one statement in auto-commit, a transaction of milliseconds.
 */
@ApplicationScoped
public class JdbcAuditChain implements AuditChain {
    /** Records sealed per transaction: the lock is held for one batch only. */
    static final int BATCH = 5_000;

    /**
     * The first link that breaks the chain: its prev_hash is not its predecessor's hash (or, for the first
     * link, the genesis value), or its hash is not the hash of its record's content (or its record is gone).
     */
    private static final String FIRST_BROKEN_LINK = """
            WITH chain AS (
                SELECT s.seq, s.prev_hash, s.hash, r.seq IS NULL AS record_missing,
                       coalesce(lag(s.hash) OVER (ORDER BY s.seq), audit_record_genesis_hash()) AS expected_prev,
                       audit_seal_hash(s.hash_version, s.seq, s.record_seq, r.at, r.actor, r.entity_type, r.entity_id,
                                       r.department_code, r.action, r.old_value, r.new_value, r.request_id,
                                       s.prev_hash) AS recomputed
                FROM audit_seal s LEFT JOIN audit_record r ON r.seq = s.record_seq
                WHERE s.seq <= ?
            )
            SELECT seq,
                   CASE WHEN prev_hash IS DISTINCT FROM expected_prev
                        THEN 'its prev_hash is not the hash of the link before it: a record was removed, inserted or re-hashed'
                        WHEN record_missing
                        THEN 'its record is gone: a record was removed'
                        ELSE 'its content does not match its hash: the record was altered'
                   END AS reason
            FROM chain
            WHERE prev_hash IS DISTINCT FROM expected_prev OR hash IS DISTINCT FROM recomputed
            ORDER BY seq
            LIMIT 1
            """;
    private static final String PENDING = "SELECT count(*) FROM audit_record r "
            + "WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.record_seq = r.seq)";

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    /** For CDI. */
    public JdbcAuditChain() {
    }

    public JdbcAuditChain(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int sealPending() {
        int total = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try (PreparedStatement seal = connection.prepareStatement("SELECT audit_seal_pending(?)")) {
                seal.setInt(1, BATCH);
                while (true) {
                    int sealed;
                    try (ResultSet rs = seal.executeQuery()) {
                        rs.next();
                        sealed = rs.getInt(1);
                    }
                    if (sealed < 0) {
                        return total == 0 ? -1 : total;
                    }
                    total += sealed;
                    if (sealed < BATCH) {
                        return total;
                    }
                }
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seal the audit trail: " + e.getMessage(), e);
        }
    }

    @Override
    public long pending() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PENDING);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count unsealed audit records", e);
        }
    }

    @Override
    public ChainHead head() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT seq, hash FROM audit_seal ORDER BY seq DESC LIMIT 1");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2)) : ChainHead.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain's head", e);
        }
    }

    @Override
    public ChainVerification verifyThrough(long seq) {
        return verifyThrough(dataSource, seq);
    }

    /** Walks the links up to {@code seq} (all of them: Long.MAX_VALUE). */
    static ChainVerification verifyThrough(DataSource dataSource, long seq) {
        try (Connection connection = dataSource.getConnection()) {
            long links;
            long lastSeq;
            String lastHash;
            try (PreparedStatement last = connection.prepareStatement(
                    "SELECT (SELECT count(*) FROM audit_seal WHERE seq <= ?), seq, hash FROM audit_seal WHERE seq <= ? "
                            + "ORDER BY seq DESC LIMIT 1")) {
                last.setLong(1, seq);
                last.setLong(2, seq);
                try (ResultSet rs = last.executeQuery()) {
                    if (!rs.next()) {
                        return ChainVerification.intact(0, null, null);
                    }
                    links = rs.getLong(1);
                    lastSeq = rs.getLong(2);
                    lastHash = rs.getString(3);
                }
            }
            try (PreparedStatement check = connection.prepareStatement(FIRST_BROKEN_LINK)) {
                check.setLong(1, lastSeq);
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) {
                        return ChainVerification.broken(links, rs.getLong("seq"), rs.getString("reason"), lastSeq, lastHash);
                    }
                }
            }
            return ChainVerification.intact(links, lastSeq, lastHash);
        } catch (SQLException e) {
            throw new IllegalStateException("could not verify the audit trail", e);
        }
    }

    @Override
    public Map<Long, String> hashesAt(Collection<Long> seqs) {
        Map<Long, String> hashes = new HashMap<>();
        if (seqs.isEmpty()) {
            return hashes;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT seq, hash FROM audit_seal WHERE seq = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", seqs.toArray(Long[]::new));
            statement.setArray(1, array);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    hashes.put(rs.getLong(1), rs.getString(2));
                }
            }
            return hashes;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }
}
