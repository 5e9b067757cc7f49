package io.cxtracker.persistence.progress;

import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.milestone.StatusOverride;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.ProgressRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The facts of a program's milestones in two queries (the milestones, their target links), as rows not entities. */
@ApplicationScoped
public class JpaProgressRepository implements ProgressRepository {

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
        em.createQuery("""
                        select m.id, m.title, i.id, i.title, i.pillar, ph.number, ph.name, d.code, m.due, m.weight,
                               m.reportedStatus, m.overrideStatus, m.overrideReason, m.overrideBy, m.overrideAt
                        from Milestone m join m.initiative i join i.phase ph join m.ownerDepartment d
                        where i.program.id = :program order by m.id""", Object[].class)
                .setParameter("program", programId)
                .getResultList()
                .forEach(row -> {
                    long id = (Long) row[0];
                    MilestoneStatus overridden = (MilestoneStatus) row[11];
                    StatusOverride override = overridden == null ? null
                            : new StatusOverride(overridden, (String) row[12], (String) row[13], (Instant) row[14]);
                    facts.add(new MilestoneFacts(id, (String) row[1], (Long) row[2], (String) row[3], (Pillar) row[4],
                            (Integer) row[5], (String) row[6], (String) row[7], (LocalDate) row[8], (Double) row[9],
                            (CheckInStatus) row[10], override, links.getOrDefault(id, List.of())));
                });
        return facts;
    }
}
