package io.cxtracker.persistence.targets;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetRepository;
import io.cxtracker.persistence.shared.OptimisticWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTargetRepository implements TargetRepository {

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaTargetRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaTargetRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Target> findById(long id) {
        return Optional.ofNullable(em.find(Target.class, id));
    }

    @Override
    public List<Target> findAllById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One array parameter, not an IN list: Hibernate keeps no plan for a query with a list parameter and translated
        // this one again on every call (half the time of a department dashboard's targets, seen in a profile).
        return em.createQuery("""
                        select t from Target t join fetch t.metric left join fetch t.department
                        where function('array_contains', :ids, t.id) = true order by t.id""", Target.class)
                .unwrap(org.hibernate.query.Query.class)
                .setParameter("ids", ids.stream().distinct().toArray(Long[]::new), Long[].class)
                .getResultList();
    }

    @Override
    public List<Target> listByMetric(MetricKey key) {
        return em.createQuery("""
                        select t from Target t join fetch t.metric left join fetch t.department join t.metric m
                        where m.key = :key order by t.due, t.id""", Target.class)
                .setParameter("key", key.value())
                .getResultList();
    }

    @Override
    public List<Target> list(MetricKey metric, DepartmentCode department) {
        String where = metric == null ? " where 1 = 1" : " where m.key = :key";
        if (department != null) {
            where += " and d.code = :code";
        }
        // JPA forbids aliases on fetch joins (WildFly's Hibernate enforces it): fetch, then join again to filter.
        var query = em.createQuery("select t from Target t join fetch t.metric left join fetch t.department"
                + " join t.metric m left join t.department d" + where
                + " order by t.due, t.id", Target.class);
        if (metric != null) {
            query.setParameter("key", metric.value());
        }
        if (department != null) {
            query.setParameter("code", department.value());
        }
        return query.getResultList();
    }

    @Override
    public void add(Target target) {
        em.persist(target);
        em.flush();
    }

    @Override
    public void store(Target target) {
        OptimisticWrites.flush(em, "target", target.id());
    }
}
