package io.cxtracker.persistence.milestone;

import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneRepository;
import io.cxtracker.persistence.shared.OptimisticWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaMilestoneRepository implements MilestoneRepository {

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaMilestoneRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaMilestoneRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Milestone> findById(long id) {
        // no alias on the fetch joins: WildFly's Hibernate runs with JPA query compliance, which refuses them
        return em.createQuery("""
                        select m from Milestone m join fetch m.initiative join fetch m.ownerDepartment
                        where m.id = :id""", Milestone.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public List<Milestone> listByInitiative(long initiativeId) {
        return em.createQuery("""
                        select m from Milestone m join fetch m.ownerDepartment
                        where m.initiative.id = :initiative order by m.due, m.id""", Milestone.class)
                .setParameter("initiative", initiativeId)
                .getResultList();
    }

    @Override
    public void add(Milestone milestone) {
        em.persist(milestone);
        em.flush();
    }

    @Override
    public void store(Milestone milestone) {
        OptimisticWrites.flush(em, "milestone", milestone.id());
    }
}
