package io.cxtracker.domain.department;

import io.cxtracker.domain.shared.Violations;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the optional department code of each item of one batch: a batch of 10,000 readings names a
 * handful of departments, so each code is looked up once, and a code that is malformed or unknown becomes
 * a violation of the item's {@code departmentCode} rather than a failure of the batch.
 */
public final class BatchDepartmentLookup {
    private final DepartmentRepository departments;
    private final Map<String, Optional<Department>> byCode = new HashMap<>();

    public BatchDepartmentLookup(DepartmentRepository departments) {
        this.departments = departments;
    }

    /** @return the department named by {@code code}; null when none is named or when the code is bad (then a violation) */
    public Department optional(String code, Violations violations) {
        return DepartmentRepository.named("departmentCode", code, violations,
                c -> byCode.computeIfAbsent(c.value(), ignored -> departments.findByCode(c)));
    }
}
