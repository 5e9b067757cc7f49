package io.cxtracker.persistence.progress;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.StatusOverride;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.ProgressRepository;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts of milestones as rows, not entities: one statement per read, each milestone's target links gathered in
 * the same statement, read over plain JDBC ({@link Jdbc}). A program's dashboard reads all 2,000 milestones of the
 * benchmark program; as JPQL that was a second statement for the links and Hibernate's handling of 30,000 values.
 */
@ApplicationScoped
public class JpaProgressRepository implements ProgressRepository {

    private static final Map<String, String> SORTS = Map.of("due", "m.due_date", "title", "m.title", "id", "m.id",
            "department", "d.code");

    /** The milestones over m, i, ph and d with their links ({@code %s}), the columns {@link #facts(ResultSet)} reads. */
    private static final String FACTS = """
            SELECT m.id, m.title, i.id, i.title, i.pillar, ph.number, ph.name, d.code, m.due_date, m.weight,
                   m.reported_status, m.override_status, m.override_reason, m.override_by, m.override_at, %s
              FROM milestone m
              JOIN initiative i ON i.id = m.initiative_id
              JOIN phase ph ON ph.id = i.phase_id
              JOIN department d ON d.id = m.owner_department_id""";
    /** A few milestones' links: one probe of the link table's key per milestone. */
    private static final String LINKS_OF_EACH = FACTS.formatted(
            "ARRAY(SELECT mt.target_id FROM milestone_target mt WHERE mt.milestone_id = m.id ORDER BY mt.target_id)");
    /**
     * A whole program's links: the link table grouped once and joined (links are far fewer than milestones),
     * instead of a probe for each of its milestones.
     */
    private static final String LINKS_GROUPED = FACTS.formatted("l.target_ids") + """

              LEFT JOIN (SELECT mt.milestone_id, array_agg(mt.target_id ORDER BY mt.target_id) AS target_ids
                           FROM milestone_target mt GROUP BY mt.milestone_id) l ON l.milestone_id = m.id""";
    private static final String FROM = """
             FROM milestone m
             JOIN initiative i ON i.id = m.initiative_id
             JOIN phase ph ON ph.id = i.phase_id
             JOIN department d ON d.id = m.owner_department_id""";

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaProgressRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaProgressRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<MilestoneFacts> milestonesOfProgram(long programId) {
        return Jdbc.query(em, LINKS_GROUPED + " WHERE i.program_id = ? ORDER BY m.id", List.of(programId),
                JpaProgressRepository::facts);
    }

    @Override
    public Page<MilestoneFacts> milestones(MilestoneFilter filter, PageRequest page) {
        Criteria criteria = Criteria.of(filter);
        List<Object> parameters = new ArrayList<>(criteria.parameters());
        parameters.add(page.limit());
        parameters.add(page.offset());
        List<MilestoneFacts> found = Jdbc.query(em, LINKS_OF_EACH + criteria.where() + orderBy(page) + " LIMIT ? OFFSET ?",
                parameters, JpaProgressRepository::facts);
        long total = Jdbc.query(em, "SELECT count(*)" + FROM + criteria.where(), criteria.parameters(), rs -> rs.getLong(1))
                .get(0);
        return new Page<>(found, total);
    }

    @Override
    public List<MilestoneFacts> allMilestones(MilestoneFilter filter, PageRequest order) {
        Criteria criteria = Criteria.of(filter);
        return Jdbc.query(em, LINKS_OF_EACH + criteria.where() + orderBy(order), criteria.parameters(),
                JpaProgressRepository::facts);
    }

    private static String orderBy(PageRequest page) {
        String property = page.sortProperty() == null ? "due" : page.sortProperty();
        String column = SORTS.get(property);
        if (column == null) {
            throw new InvalidInputException("sort", "must be one of " + SORTS.keySet().stream().sorted().toList());
        }
        return " ORDER BY " + column + (page.ascending() ? " ASC" : " DESC") + ", m.id ASC";
    }

    private static MilestoneFacts facts(ResultSet rs) throws SQLException {
        String overridden = rs.getString(12);
        StatusOverride override = overridden == null ? null
                : new StatusOverride(MilestoneStatus.valueOf(overridden), rs.getString(13), rs.getString(14),
                        rs.getObject(15, OffsetDateTime.class).toInstant());
        String reported = rs.getString(11);
        return new MilestoneFacts(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                Pillar.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, LocalDate.class), Jdbc.nullableDouble(rs, 10),
                reported == null ? null : CheckInStatus.valueOf(reported), override, Jdbc.longs(rs, 16));
    }

    /** The filter's criteria (its status aside) as a where clause over m, i, ph and d, with its parameters. */
    private record Criteria(String where, List<Object> parameters) {

        static Criteria of(MilestoneFilter filter) {
            StringBuilder where = new StringBuilder(" WHERE TRUE");
            List<Object> parameters = new ArrayList<>();
            condition(where, parameters, "i.program_id = ?", filter.programId());
            condition(where, parameters, "i.id = ?", filter.initiativeId());
            condition(where, parameters, "d.code = ?", filter.department() == null ? null : filter.department().value());
            condition(where, parameters, "i.pillar = ?", filter.pillar() == null ? null : filter.pillar().name());
            condition(where, parameters, "ph.number = ?", filter.phaseNumber());
            condition(where, parameters, "m.due_date >= ?", filter.dueAfter());
            condition(where, parameters, "m.due_date <= ?", filter.dueBefore());
            return new Criteria(where.toString(), List.copyOf(parameters));
        }

        private static void condition(StringBuilder where, List<Object> parameters, String comparison, Object value) {
            if (value != null) {
                parameters.add(value);
                where.append(" AND ").append(comparison);
            }
        }
    }
}
