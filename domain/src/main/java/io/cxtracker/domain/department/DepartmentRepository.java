package io.cxtracker.domain.department;

import io.cxtracker.domain.shared.DepartmentCode;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import java.util.Optional;
import java.util.function.Function;

/** The departments of the company, as the domain needs them; persistence implements it. */
public interface DepartmentRepository {

    Optional<Department> findByCode(DepartmentCode code);

    /**
     * The department a request must name in {@code field}: a blank, malformed or unknown code adds a
     * violation of the field and gives null.
     */
    default Department existing(String field, String code, Violations violations) {
        if (code == null || code.isBlank()) {
            violations.add(field, "must not be blank");
            return null;
        }
        return named(field, code, violations, this::findByCode);
    }

    /** Like {@link #existing}, but naming none is fine (null, no violation). */
    default Department optional(String field, String code, Violations violations) {
        return named(field, code, violations, this::findByCode);
    }

    /**
     * The department-exists check, written once: null when no code is given; a malformed or unknown code
     * adds a violation of the field and gives null.
     */
    static Department named(String field, String code, Violations violations,
            Function<DepartmentCode, Optional<Department>> find) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (!DepartmentCode.isValid(code)) {
            violations.add(field, "must be " + DepartmentCode.RULE);
            return null;
        }
        Department department = find.apply(new DepartmentCode(code)).orElse(null);
        violations.check(department != null, field, "no department has the code '" + code + "'");
        return department;
    }

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
