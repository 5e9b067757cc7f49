package io.cxtracker.persistence.department;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.ConstraintViolations;
import io.cxtracker.persistence.shared.SortColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaDepartmentRepository implements DepartmentRepository {

    private static final SortColumns SORT = new SortColumns(Map.of("code", "code", "name", "name"), "code");

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    @Override
    public Optional<Department> findByCode(DepartmentCode code) {
        return em.createQuery("select d from Department d left join fetch d.parent where d.code = :code", Department.class)
                .setParameter("code", code.value())
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public Page<Department> page(PageRequest request, String search) {
        String orderBy = SORT.orderBy("d", request);
        boolean filtered = search != null && !search.isBlank();
        String where = filtered ? " where lower(d.code) like :pattern or lower(d.name) like :pattern" : "";
        var items = em.createQuery("select d from Department d left join fetch d.parent" + where + orderBy, Department.class);
        var count = em.createQuery("select count(d) from Department d" + where, Long.class);
        if (filtered) {
            String pattern = "%" + likeEscaped(search.strip().toLowerCase(java.util.Locale.ROOT)) + "%";
            items.setParameter("pattern", pattern);
            count.setParameter("pattern", pattern);
        }
        return new Page<>(items.setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList(),
                count.getSingleResult());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public void add(Department department) {
        try {
            em.persist(department);
            em.flush();
        } catch (PersistenceException e) {
            if (ConstraintViolations.isUniqueViolation(e)) {
                throw new AlreadyExistsException("department", department.code().value());
            }
            throw e;
        }
    }
}
