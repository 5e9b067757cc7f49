package io.cxtracker.domain.testing;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import java.util.Arrays;
import java.util.Set;

/** The personas who use the services: a program admin, department leads, an executive, the survey tool. */
public record TestUser(String name, Set<Role> roles, Set<DepartmentCode> departments) implements CurrentUser {

    public static TestUser programAdmin() {
        return new TestUser("ada", Set.of(Role.PROGRAM_ADMIN), Set.of());
    }

    public static TestUser executive() {
        return new TestUser("erin", Set.of(Role.EXECUTIVE), Set.of());
    }

    public static TestUser surveyTool() {
        return new TestUser("survey-tool", Set.of(Role.METRICS_INGEST), Set.of());
    }

    public static TestUser leadOf(String... departmentCodes) {
        return new TestUser("lee", Set.of(Role.DEPARTMENT_LEAD),
                Set.copyOf(Arrays.stream(departmentCodes).map(DepartmentCode::new).toList()));
    }
}
