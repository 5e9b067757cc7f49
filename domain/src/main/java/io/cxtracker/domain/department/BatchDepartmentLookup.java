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
    /** The departments found, by the text exactly as the items gave it. */
    private final Map<String, Department> found = new HashMap<>();

    public BatchDepartmentLookup(DepartmentRepository departments) {
        this.departments = departments;
    }

    /** @return the department named by {@code code}; null when none is named or when the code is bad (then a violation) */
    public Department optional(String code, Violations violations) {
        // a text that named a department once names it again: its items need no second check of the code's form
        Department known = code == null ? null : found.get(code);
        if (known != null) {
            return known;
        }
        Department department = DepartmentRepository.named("departmentCode", code, violations,
                c -> byCode.computeIfAbsent(c.value(), ignored -> departments.findByCode(c)));
        if (department != null) {
            found.put(code, department);
        }
        return department;
    }
}
