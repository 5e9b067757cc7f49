package io.cxtracker.api.department;

import io.cxtracker.domain.department.DepartmentSummary;

/** A department as the API shows it. */
public record DepartmentResponse(String code, String name, String parentCode) {

    static DepartmentResponse of(DepartmentSummary summary) {
        return new DepartmentResponse(summary.code(), summary.name(), summary.parentCode());
    }
}
