package io.cxtracker.domain.department;

/** The command to register a department; parentCode may be null. */
public record NewDepartment(String code, String name, String parentCode) {
}
