package io.cxtracker.persistence.initiative;

import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeRepository;
import io.cxtracker.persistence.shared.OptimisticWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaInitiativeRepository implements InitiativeRepository {

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
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<Initiative> listByProgram(long programId) {
        return em.createQuery("""
                        select i from Initiative i join fetch i.phase ph join fetch i.accountable
                        where i.program.id = :program order by ph.number, i.pillar, i.title, i.id""", Initiative.class)
                .setParameter("program", programId)
                .getResultList();
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
