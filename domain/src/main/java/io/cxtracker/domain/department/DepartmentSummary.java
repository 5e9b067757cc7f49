package io.cxtracker.domain.department;

/** What callers see of a department: a snapshot, never the live entity. */
public record DepartmentSummary(String code, String name, String parentCode, long version) {

    static DepartmentSummary of(Department department) {
        return new DepartmentSummary(
                department.code().value(),
                department.name(),
                department.parent().map(p -> p.code().value()).orElse(null),
                department.version());
    }
}
