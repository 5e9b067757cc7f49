package io.cxtracker.domain.commitment;

import io.cxtracker.domain.department.Department;

/** Which commitments to list; every part may be null for "any". */
public record CommitmentQuery(String theme, Department ownerDepartment, CommitmentState state) {
}
