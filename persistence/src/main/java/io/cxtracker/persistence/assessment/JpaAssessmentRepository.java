package io.cxtracker.persistence.assessment;

import io.cxtracker.domain.assessment.AssessmentRepository;
import io.cxtracker.domain.assessment.MaturityAssessment;
import io.cxtracker.domain.assessment.MaturityLevel;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.ConstraintViolations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaAssessmentRepository implements AssessmentRepository {
    private static final Map<String, String> SORTS = Map.of("assessedOn", "assessedOn", "level", "level",
            "meanScore", "meanScore");

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaAssessmentRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaAssessmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<MaturityAssessment> findById(long id) {
        return em.createQuery("select a from MaturityAssessment a join fetch a.department where a.id = :id",
                MaturityAssessment.class).setParameter("id", id).getResultList().stream().findFirst();
    }

    @Override
    public void add(MaturityAssessment assessment) {
        if (!em.createQuery("select a.id from MaturityAssessment a where a.department = :department and a.assessedOn = :day",
                        Long.class)
                .setParameter("department", assessment.department()).setParameter("day", assessment.assessedOn())
                .getResultList().isEmpty()) {
            throw already(assessment);
        }
        try {
            em.persist(assessment);
            em.flush();
        } catch (PersistenceException e) {
            if (ConstraintViolations.isUniqueViolation(e)) {
                throw already(assessment);
            }
            throw e;
        }
    }

    private static AlreadyExistsException already(MaturityAssessment assessment) {
        return new AlreadyExistsException("assessment", assessment.department().code().value() + " on " + assessment.assessedOn());
    }

    @Override
    public Page<MaturityAssessment> page(Department department, PageRequest request) {
        String order;
        if (request.sortProperty() == null) {
            order = " order by a.assessedOn desc, a.id desc";
        } else {
            String path = SORTS.get(request.sortProperty());
            if (path == null) {
                throw new InvalidInputException("sort", "must be one of " + SORTS.keySet().stream().sorted().toList());
            }
            order = " order by a." + path + (request.ascending() ? " asc" : " desc") + ", a.id asc";
        }
        String where = department == null ? "" : " where a.department = :department";
        TypedQuery<Long> count = em.createQuery("select count(a) from MaturityAssessment a" + where, Long.class);
        TypedQuery<Long> ids = em.createQuery("select a.id from MaturityAssessment a" + where + order, Long.class);
        if (department != null) {
            count.setParameter("department", department);
            ids.setParameter("department", department);
        }
        List<Long> pageIds = ids.setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList();
        if (pageIds.isEmpty()) {
            return new Page<>(List.of(), count.getSingleResult());
        }
        // the page's assessments with their department and answers in one query, in the page's order
        Map<Long, MaturityAssessment> byId = new HashMap<>();
        em.createQuery("select distinct a from MaturityAssessment a join fetch a.department left join fetch a.answers"
                        + " where a.id in :ids", MaturityAssessment.class)
                .setParameter("ids", pageIds)
                .getResultList()
                .forEach(a -> byId.put(a.id(), a));
        return new Page<>(pageIds.stream().map(byId::get).toList(), count.getSingleResult());
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<MaturityLevel> latestLevels(LocalDate asOf) {
        List<String> levels = em.createNativeQuery("""
                        SELECT level FROM (
                            SELECT DISTINCT ON (department_id) level FROM maturity_assessment
                            WHERE assessed_on <= ?1
                            ORDER BY department_id, assessed_on DESC, id DESC) latest""")
                .setParameter(1, asOf)
                .getResultList();
        return levels.stream().map(MaturityLevel::valueOf).toList();
    }
}
