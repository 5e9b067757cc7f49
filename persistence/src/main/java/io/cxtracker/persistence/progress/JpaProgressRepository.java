package io.cxtracker.persistence.progress;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.StatusOverride;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.ProgressRepository;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.SortColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts of a program's milestones in two queries (the milestones, their target links), as rows not entities. */
@ApplicationScoped
public class JpaProgressRepository implements ProgressRepository {

    private static final SortColumns SORT = new SortColumns(
            Map.of("due", "due", "title", "title", "id", "id", "department", "ownerDepartment.code"), "due");

    private static final String FACTS = """
            select m.id, m.title, i.id, i.title, i.pillar, ph.number, ph.name, d.code, m.due, m.weight,
                   m.reportedStatus, m.overrideStatus, m.overrideReason, m.overrideBy, m.overrideAt
            from Milestone m join m.initiative i join i.phase ph join m.ownerDepartment d""";

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
        Map<Long, List<Long>> links = new HashMap<>();
        em.createQuery("""
                        select m.id, t.id from Milestone m join m.targets t
                        where m.initiative.program.id = :program order by m.id, t.id""", Object[].class)
                .setParameter("program", programId)
                .getResultList()
                .forEach(row -> links.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]));
        List<MilestoneFacts> facts = new ArrayList<>();
        em.createQuery(FACTS + " where i.program.id = :program order by m.id", Object[].class)
                .setParameter("program", programId)
                .getResultList()
                .forEach(row -> facts.add(facts(row, links)));
        return facts;
    }

    @Override
    public Page<MilestoneFacts> milestones(MilestoneFilter filter, PageRequest page) {
        Criteria criteria = Criteria.of(filter);
        String orderBy = SORT.orderBy("m", page);
        TypedQuery<Object[]> rows = criteria.bind(em.createQuery(FACTS + criteria.where() + orderBy, Object[].class));
        TypedQuery<Long> count = criteria.bind(em.createQuery("select count(m) from Milestone m join m.initiative i"
                + " join i.phase ph join m.ownerDepartment d" + criteria.where(), Long.class));
        List<Object[]> found = rows.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return new Page<>(withLinks(found), count.getSingleResult());
    }

    @Override
    public List<MilestoneFacts> allMilestones(MilestoneFilter filter, PageRequest order) {
        Criteria criteria = Criteria.of(filter);
        String orderBy = SORT.orderBy("m", order);
        return withLinks(criteria.bind(em.createQuery(FACTS + criteria.where() + orderBy, Object[].class)).getResultList());
    }

    /** The facts of these rows with their target links, loaded in one query for all of them. */
    private List<MilestoneFacts> withLinks(List<Object[]> rows) {
        Map<Long, List<Long>> links = new HashMap<>();
        if (!rows.isEmpty()) {
            List<Long> ids = rows.stream().map(row -> (Long) row[0]).toList();
            em.createQuery("select m.id, t.id from Milestone m join m.targets t where m.id in :ids order by m.id, t.id",
                            Object[].class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(row -> links.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]));
        }
        return rows.stream().map(row -> facts(row, links)).toList();
    }

    private static MilestoneFacts facts(Object[] row, Map<Long, List<Long>> links) {
        long id = (Long) row[0];
        MilestoneStatus overridden = (MilestoneStatus) row[11];
        StatusOverride override = overridden == null ? null
                : new StatusOverride(overridden, (String) row[12], (String) row[13], (Instant) row[14]);
        return new MilestoneFacts(id, (String) row[1], (Long) row[2], (String) row[3], (Pillar) row[4],
                (Integer) row[5], (String) row[6], (String) row[7], (LocalDate) row[8], (Double) row[9],
                (CheckInStatus) row[10], override, links.getOrDefault(id, List.of()));
    }

    /** The filter's criteria (its status aside) as a where clause over m, i, ph and d, with their parameters. */
    private record Criteria(String where, Map<String, Object> parameters) {

        static Criteria of(MilestoneFilter filter) {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (filter.programId() != null) {
                where.append(" and i.program.id = :program");
                parameters.put("program", filter.programId());
            }
            if (filter.initiativeId() != null) {
                where.append(" and i.id = :initiative");
                parameters.put("initiative", filter.initiativeId());
            }
            if (filter.department() != null) {
                where.append(" and d.code = :department");
                parameters.put("department", filter.department().value());
            }
            if (filter.pillar() != null) {
                where.append(" and i.pillar = :pillar");
                parameters.put("pillar", filter.pillar());
            }
            if (filter.phaseNumber() != null) {
                where.append(" and ph.number = :phase");
                parameters.put("phase", filter.phaseNumber());
            }
            if (filter.dueAfter() != null) {
                where.append(" and m.due >= :dueAfter");
                parameters.put("dueAfter", filter.dueAfter());
            }
            if (filter.dueBefore() != null) {
                where.append(" and m.due <= :dueBefore");
                parameters.put("dueBefore", filter.dueBefore());
            }
            return new Criteria(where.toString(), parameters);
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
