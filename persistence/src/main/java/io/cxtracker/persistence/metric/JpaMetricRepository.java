package io.cxtracker.persistence.metric;

import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.persistence.shared.ConstraintViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMetricRepository implements MetricRepository {

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaMetricRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaMetricRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Metric> findByKey(MetricKey key) {
        return em.createQuery("select m from Metric m join fetch m.owner where m.key = :key", Metric.class)
                .setParameter("key", key.value())
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public List<Metric> findByKeys(Collection<MetricKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from Metric m where m.key in :keys order by m.key", Metric.class)
                .setParameter("keys", keys.stream().map(MetricKey::value).toList())
                .getResultList();
    }

    @Override
    public List<Metric> list() {
        return em.createQuery("select m from Metric m join fetch m.owner order by m.key", Metric.class).getResultList();
    }

    @Override
    public void add(Metric metric) {
        try {
            em.persist(metric);
            em.flush();
        } catch (PersistenceException e) {
            if (ConstraintViolations.isUniqueViolation(e)) {
                throw new AlreadyExistsException("metric", metric.key().value());
            }
            throw e;
        }
    }
}
