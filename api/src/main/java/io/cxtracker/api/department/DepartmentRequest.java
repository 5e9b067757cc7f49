package io.cxtracker.api.department;

import io.cxtracker.api.shared.JsonBody;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/departments}. */
public record DepartmentRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String code,
        @NotBlank(message = "is required")
        @Size(max = Department.NAME_MAX_LENGTH, message = "must be at most " + Department.NAME_MAX_LENGTH + " characters")
        String name,
        @Pattern(regexp = DepartmentCode.REGEX, message = "must be " + DepartmentCode.RULE)
        String parentCode) implements JsonBody {
}
