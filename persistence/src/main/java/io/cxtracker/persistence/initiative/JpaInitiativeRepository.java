package io.cxtracker.persistence.initiative;

import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeRepository;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.OptimisticWrites;
import io.cxtracker.persistence.shared.SortColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaInitiativeRepository implements InitiativeRepository {

    private static final SortColumns SORT = new SortColumns(
            Map.of("id", "id", "title", "title", "pillar", "pillar", "phase", "phase.number"), "id");

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaInitiativeRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaInitiativeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Initiative> findById(long id) {
        return em.createQuery("""
                        select i from Initiative i join fetch i.phase join fetch i.program join fetch i.accountable
                        where i.id = :id""", Initiative.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public List<Initiative> listByProgram(long programId) {
        return em.createQuery("""
                        select i from Initiative i join fetch i.phase join fetch i.accountable
                        where i.program.id = :program order by i.phase.number, i.pillar, i.title, i.id""", Initiative.class)
                .setParameter("program", programId)
                .getResultList();
    }

    @Override
    public Page<Initiative> page(InitiativeFilter filter, PageRequest request) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.programId() != null) {
            where.append(" and i.program.id = :program");
            parameters.put("program", filter.programId());
        }
        if (filter.department() != null) {
            where.append(" and (i.accountable.code = :department or exists (select c.id from Initiative c join c.contributors r"
                    + " where c = i and r.department.code = :department))");
            parameters.put("department", filter.department().value());
        }
        if (filter.pillar() != null) {
            where.append(" and i.pillar = :pillar");
            parameters.put("pillar", filter.pillar());
        }
        if (filter.phaseNumber() != null) {
            where.append(" and i.phase.number = :phase");
            parameters.put("phase", filter.phaseNumber());
        }
        String orderBy = request.sortProperty() == null
                ? " order by i.phase.number, i.pillar, i.title, i.id"
                : SORT.orderBy("i", request);
        // JPA forbids aliases on fetch joins (WildFly's Hibernate enforces it): paths, not aliases, below.
        var items = em.createQuery("select i from Initiative i join fetch i.phase join fetch i.program"
                + " join fetch i.accountable" + where + orderBy, Initiative.class);
        var count = em.createQuery("select count(i) from Initiative i" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new Page<>(items.setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList(),
                count.getSingleResult());
    }

    @Override
    public void add(Initiative initiative) {
        em.persist(initiative);
        em.flush();
    }

    @Override
    public void store(Initiative initiative) {
        OptimisticWrites.flush(em, "initiative", initiative.id());
    }
}
