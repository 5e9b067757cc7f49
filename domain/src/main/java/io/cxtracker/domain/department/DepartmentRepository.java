package io.cxtracker.domain.department;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.Optional;

/** The departments of the company, as the domain needs them; persistence implements it. */
public interface DepartmentRepository {

    Optional<Department> findByCode(DepartmentCode code);

    /**
     * One page of the departments whose code or name contains {@code search} (case-insensitive; null
     * or blank for all). Sort properties: {@code code}, {@code name}. Unknown ones are refused.
     */
    Page<Department> page(PageRequest request, String search);

    /**
     * Stores a new department.
     *
     * @throws io.cxtracker.domain.shared.AlreadyExistsException when the code is taken, also when a
     *         concurrent request took it first
     */
    void add(Department department);
}
