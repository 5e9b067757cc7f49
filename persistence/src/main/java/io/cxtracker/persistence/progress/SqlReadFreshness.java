package io.cxtracker.persistence.progress;

import io.cxtracker.domain.progress.ReadFreshness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hibernate.Session;

/**
 * {@link ReadFreshness} from the transactions recorded in {@code data_change} (V23): a statement trigger on every
 * table today's dashboards read records the writing transaction's id. A snapshot S0 is still good for a reader
 * whose snapshot is S1 when no recorded transaction is visible in S1 but not in S0; those not visible in S0 are at or
 * above its xmin, and the rows below {@code data_change_horizon} are gone, so S0's xmin must not be below it. A
 * transaction that has written (it has an id) computes from its own uncommitted changes: it neither keeps nor is
 * served anything. Plain JDBC on the transaction's own connection, one statement.
 */
@ApplicationScoped
public class SqlReadFreshness implements ReadFreshness {

    /** The reader's snapshot, unless its transaction has written. */
    private static final String SNAPSHOT = """
            SELECT CASE WHEN pg_current_xact_id_if_assigned() IS NULL THEN pg_current_snapshot()::text END""";

    /** The same, and whether nothing recorded became visible since the given snapshot (?, three times). */
    private static final String SNAPSHOT_AND_UNCHANGED = SNAPSHOT + """
            ,
                   pg_current_xact_id_if_assigned() IS NULL
                   AND pg_snapshot_xmin(?::pg_snapshot) >= (SELECT h.horizon FROM data_change_horizon h)
                   AND NOT EXISTS (SELECT 1 FROM data_change c
                                    WHERE c.txid >= pg_snapshot_xmin(?::pg_snapshot)
                                      AND pg_visible_in_snapshot(c.txid, pg_current_snapshot())
                                      AND NOT pg_visible_in_snapshot(c.txid, ?::pg_snapshot))""";

    /**
     * Every transaction below the oldest running one has ended, and every snapshot taken from now on sees it: its
     * rows are removed and the horizon moves up to it, in one statement (a concurrent check sees both or neither).
     */
    private static final String REMOVE_SETTLED = """
            WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x),
                 removed AS (DELETE FROM data_change WHERE txid < (SELECT x FROM h) RETURNING 1),
                 moved AS (UPDATE data_change_horizon SET horizon = GREATEST(horizon, (SELECT x FROM h)) RETURNING 1)
            SELECT count(*) FROM removed""";

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    public SqlReadFreshness() {
    }

    public SqlReadFreshness(EntityManager em) {
        this.em = em;
    }

    @Override
    public Check check(String since) {
        if (em.isJoinedToTransaction()) {
            // pending changes make this a writing transaction, as they do for every read model's native query
            em.flush();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> check(connection, since));
    }

    /** {@link #check(String)} on a connection, in its current transaction. */
    public static Check check(Connection connection, String since) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(since == null ? SNAPSHOT : SNAPSHOT_AND_UNCHANGED)) {
            if (since != null) {
                for (int i = 1; i <= 3; i++) {
                    statement.setString(i, since);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new Check(rs.getString(1), since != null && rs.getBoolean(2));
            }
        }
    }

    /** Removes the changes no snapshot taken from now on can miss, and moves the horizon; the rows removed. */
    public static long removeSettled(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REMOVE_SETTLED);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
