package io.cxtracker.persistence.approval;

import io.cxtracker.domain.milestone.ApprovalRequest;
import io.cxtracker.domain.milestone.ApprovalRequestQuery;
import io.cxtracker.domain.milestone.ApprovalRequestRepository;
import io.cxtracker.domain.milestone.RequestState;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.Jdbc;
import io.cxtracker.persistence.shared.OptimisticWrites;
import io.cxtracker.persistence.shared.SortColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests for approval and their decisions. A decision is a row of its own: storing a decided request inserts
 * it, and the database's unique key on the request turns a second, concurrent decision into a conflict.
 */
@ApplicationScoped
public class JpaApprovalRequestRepository implements ApprovalRequestRepository {
    private static final SortColumns SORTS = new SortColumns(Map.of("requestedAt", "requestedAt", "id", "id"), "requestedAt");
    private static final String DECIDED = "exists (select d from ApprovalDecision d where d.request = r";

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaApprovalRequestRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaApprovalRequestRepository(EntityManager em) {
        this.em = em;
    }

    // no alias on fetch joins: WildFly's Hibernate runs with JPA query compliance, which refuses them
    @Override
    public Optional<ApprovalRequest> findById(long id) {
        return em.createQuery("""
                        select r from ApprovalRequest r join fetch r.milestone left join fetch r.decision
                        where r.id = :id""", ApprovalRequest.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public void add(ApprovalRequest request) {
        em.persist(request);
        em.flush();
    }

    @Override
    public void store(ApprovalRequest request) {
        OptimisticWrites.flush(em, "approval request", request.id());
    }

    @Override
    public Page<ApprovalRequest> page(ApprovalRequestQuery query, PageRequest request) {
        String order = SORTS.orderBy("r", request);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.state() == RequestState.PENDING) {
            conditions.add("not " + DECIDED + ")");
        } else if (query.state() != null) {
            conditions.add(DECIDED + " and d.outcome = :outcome)");
            parameters.put("outcome", query.state());
        }
        if (query.department() != null) {
            conditions.add("r.milestone.ownerDepartment.code = :department");
            parameters.put("department", query.department().value());
        }
        if (query.milestoneId() != null) {
            conditions.add("r.milestone.id = :milestone");
            parameters.put("milestone", query.milestoneId());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Long> count = em.createQuery("select count(r) from ApprovalRequest r" + where, Long.class);
        TypedQuery<Long> ids = em.createQuery("select r.id from ApprovalRequest r" + where + order, Long.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            ids.setParameter(name, value);
        });
        List<Long> pageIds = ids.setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList();
        if (pageIds.isEmpty()) {
            return new Page<>(List.of(), count.getSingleResult());
        }
        Map<Long, ApprovalRequest> byId = new HashMap<>();
        fetch(pageIds).forEach(r -> byId.put(r.id(), r));
        return new Page<>(pageIds.stream().map(byId::get).toList(), count.getSingleResult());
    }

    @Override
    public List<ApprovalRequest> pendingOf(Collection<Long> milestoneIds) {
        if (milestoneIds.isEmpty()) {
            return List.of();
        }
        // A program's dashboard asks for all its milestones (2,000 in the benchmark) and almost never finds one: the
        // ids go as one array parameter, so the statement and its plan are the same whatever their number (a JPQL
        // list is translated again for every length and sends a parameter per id), and the entities are loaded only
        // for the requests found. Plain JDBC: as a native query Hibernate resolved the result's columns from the
        // driver's metadata on every call, which cost more than the statement.
        List<Long> pending = Jdbc.query(em, """
                        SELECT r.id FROM approval_request r
                         WHERE r.milestone_id = ANY (?)
                           AND NOT EXISTS (SELECT 1 FROM approval_decision d WHERE d.request_id = r.id)""",
                List.of((Object) milestoneIds.stream().distinct().toArray(Long[]::new)), rs -> rs.getLong(1));
        if (pending.isEmpty()) {
            return List.of();
        }
        // the decision is fetched with the request (always none here): an inverse one-to-one is otherwise loaded one by one
        return em.createQuery("select r from ApprovalRequest r left join fetch r.decision"
                        + " where r.id in :ids order by r.requestedAt, r.id", ApprovalRequest.class)
                .setParameter("ids", pending)
                .getResultList();
    }

    private List<ApprovalRequest> fetch(List<Long> ids) {
        return em.createQuery("""
                        select r from ApprovalRequest r join fetch r.milestone left join fetch r.decision
                        where r.id in :ids""", ApprovalRequest.class)
                .setParameter("ids", ids)
                .getResultList();
    }
}
