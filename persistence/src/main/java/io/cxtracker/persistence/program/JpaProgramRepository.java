package io.cxtracker.persistence.program;

import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.persistence.shared.OptimisticWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaProgramRepository implements ProgramRepository {

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaProgramRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaProgramRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Program> findById(long id) {
        // a list, not a stream, here and in the other repositories' lookups by key: the stream scrolls a cursor row by
        // row (a third of a dashboard's program lookup in a profile) and stays open until the session closes
        return em.createQuery("select p from Program p left join fetch p.phases where p.id = :id", Program.class)
                .setParameter("id", id)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public List<Program> list() {
        return em.createQuery("select distinct p from Program p left join fetch p.phases order by p.start desc, p.id",
                Program.class).getResultList();
    }

    @Override
    public void add(Program program) {
        em.persist(program);
        em.flush();
    }

    @Override
    public void store(Program program) {
        OptimisticWrites.flush(em, "program", program.id());
    }
}
