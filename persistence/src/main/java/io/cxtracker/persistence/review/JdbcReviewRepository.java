package io.cxtracker.persistence.review;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.review.CheckInMade;
import io.cxtracker.domain.review.OverrideMade;
import io.cxtracker.domain.review.ReviewMark;
import io.cxtracker.domain.review.ReviewRepository;
import io.cxtracker.persistence.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The acts recorded between two instants, from the append-only tables: check-ins from {@code check_in},
 * overrides from consecutive {@code milestone_history} rows whose override differs (V15), and the program's
 * reviews from {@code program_review} (V16).
 */
@ApplicationScoped
public class JdbcReviewRepository implements ReviewRepository {

    private static final String CHECK_INS = """
            SELECT c.milestone_id, m.title, d.code, c.status, c.progress, c.author, c.comment, c.checked_in_at
              FROM check_in c
              JOIN milestone m ON m.id = c.milestone_id
              JOIN initiative i ON i.id = m.initiative_id
              JOIN department d ON d.id = m.owner_department_id
             WHERE i.program_id = ?1 AND c.checked_in_at > CAST(?2 AS timestamptz) AND c.checked_in_at <= CAST(?3 AS timestamptz)
             ORDER BY c.checked_in_at, c.id""";

    /** Each history row against the one before it of the same milestone; the first row is its creation. */
    private static final String OVERRIDES = """
            SELECT x.milestone_id, x.title, x.code, x.previous_status, x.override_status, x.override_reason,
                   coalesce(x.override_by, x.previous_by), x.valid_from
              FROM (SELECT h.id, h.milestone_id, h.title, d.code, h.valid_from, h.override_status, h.override_reason,
                           h.override_by, h.override_at,
                           lag(h.override_status) OVER w AS previous_status, lag(h.override_by) OVER w AS previous_by,
                           lag(h.override_at) OVER w AS previous_at, row_number() OVER w AS n
                      FROM milestone_history h
                      JOIN milestone m ON m.id = h.milestone_id
                      JOIN initiative i ON i.id = m.initiative_id
                      JOIN department d ON d.id = h.owner_department_id
                     WHERE i.program_id = ?1 AND h.valid_from <= CAST(?3 AS timestamptz)
                    WINDOW w AS (PARTITION BY h.milestone_id ORDER BY h.valid_from, h.id)) x
             WHERE x.n > 1 AND x.valid_from > CAST(?2 AS timestamptz)
               AND (x.override_at IS DISTINCT FROM x.previous_at OR x.override_status IS DISTINCT FROM x.previous_status)
             ORDER BY x.valid_from, x.id""";

    private static final String LAST_REVIEW = """
            SELECT r.id, r.program_id, r.reviewed_at, r.reviewed_by, r.note FROM program_review r
             WHERE r.program_id = ?1 AND r.reviewed_at <= CAST(?2 AS timestamptz)
             ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1""";

    private static final String RECORD = """
            INSERT INTO program_review (program_id, reviewed_at, reviewed_by, note)
            VALUES (?1, CAST(?2 AS timestamptz), ?3, ?4) RETURNING id""";

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI. */
    public JdbcReviewRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JdbcReviewRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<CheckInMade> checkInsBetween(long programId, Instant from, Instant to) {
        List<CheckInMade> made = new ArrayList<>();
        for (Object[] row : rows(CHECK_INS, programId, from.toString(), to.toString())) {
            made.add(new CheckInMade(Rows.toLong(row[0]), (String) row[1], (String) row[2],
                    CheckInStatus.valueOf((String) row[3]), Rows.toInt(row[4]), (String) row[5], (String) row[6],
                    Rows.toInstant(row[7])));
        }
        return made;
    }

    @Override
    public List<OverrideMade> overridesBetween(long programId, Instant from, Instant to) {
        List<OverrideMade> made = new ArrayList<>();
        for (Object[] row : rows(OVERRIDES, programId, from.toString(), to.toString())) {
            made.add(new OverrideMade(Rows.toLong(row[0]), (String) row[1], (String) row[2], status(row[3]),
                    status(row[4]), (String) row[5], (String) row[6], Rows.toInstant(row[7])));
        }
        return made;
    }

    @Override
    public Optional<ReviewMark> lastReview(long programId, Instant atOrBefore) {
        return rows(LAST_REVIEW, programId, atOrBefore.toString()).stream()
                .map(row -> new ReviewMark(Rows.toLong(row[0]), Rows.toLong(row[1]), Rows.toInstant(row[2]),
                        (String) row[3], (String) row[4]))
                .findFirst();
    }

    @Override
    public ReviewMark record(long programId, Instant reviewedAt, String reviewedBy, String note) {
        Object id = em.createNativeQuery(RECORD).setParameter(1, programId).setParameter(2, reviewedAt.toString())
                .setParameter(3, reviewedBy).setParameter(4, note).getSingleResult();
        return new ReviewMark(Rows.toLong(id), programId, reviewedAt, reviewedBy, note);
    }

    private static MilestoneStatus status(Object value) {
        return value == null ? null : MilestoneStatus.valueOf((String) value);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return (List<Object[]>) query.getResultList();
    }
}
