package io.cxtracker.persistence.commitment;

import io.cxtracker.domain.commitment.Commitment;
import io.cxtracker.domain.commitment.CommitmentQuery;
import io.cxtracker.domain.commitment.CommitmentRepository;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.OptimisticWrites;
import io.cxtracker.persistence.shared.SortColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaCommitmentRepository implements CommitmentRepository {
    private static final SortColumns SORTS = new SortColumns(
            Map.of("due", "due", "state", "state", "createdAt", "createdAt", "theme", "theme"), "due");

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaCommitmentRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaCommitmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Commitment> findById(long id) {
        return em.createQuery("""
                        select c from Commitment c join fetch c.ownerDepartment left join fetch c.metric
                        where c.id = :id""", Commitment.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public void add(Commitment commitment) {
        em.persist(commitment);
        em.flush();
    }

    @Override
    public void store(Commitment commitment) {
        OptimisticWrites.flush(em, "commitment", commitment.id());
    }

    @Override
    public Page<Commitment> page(CommitmentQuery query, PageRequest request) {
        String order = SORTS.orderBy("c", request);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.theme() != null) {
            conditions.add("c.theme = :theme");
            parameters.put("theme", query.theme());
        }
        if (query.ownerDepartment() != null) {
            conditions.add("c.ownerDepartment = :department");
            parameters.put("department", query.ownerDepartment());
        }
        if (query.state() != null) {
            conditions.add("c.state = :state");
            parameters.put("state", query.state());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Long> count = em.createQuery("select count(c) from Commitment c" + where, Long.class);
        TypedQuery<Long> ids = em.createQuery("select c.id from Commitment c" + where + order, Long.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            ids.setParameter(name, value);
        });
        List<Long> pageIds = ids.setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList();
        if (pageIds.isEmpty()) {
            return new Page<>(List.of(), count.getSingleResult());
        }
        // the page's commitments with their department, metric and milestones in one query, in the page's order
        Map<Long, Commitment> byId = new HashMap<>();
        em.createQuery("""
                        select distinct c from Commitment c join fetch c.ownerDepartment left join fetch c.metric
                        left join fetch c.milestones where c.id in :ids""", Commitment.class)
                .setParameter("ids", pageIds)
                .getResultList()
                .forEach(c -> byId.put(c.id(), c));
        return new Page<>(pageIds.stream().map(byId::get).toList(), count.getSingleResult());
    }
}
