package io.cxtracker.demo;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import java.util.Collection;
import java.util.Set;

/**
 * Who the demo loader acts as at each step: the program admin sets up, the ingestion service account
 * pushes data, each department's lead checks in and commits for their own department. The use-case
 * services check these users' authority exactly as they check a signed-in user's. One loader thread uses it.
 */
public final class DemoActor implements CurrentUser {
    /** The program admin of the demo realm. */
    public static final String ADMIN = "admin";
    /** The ingestion service account of the demo realm. */
    public static final String INGEST = "cxtracker-ingest";

    private String name = ADMIN;
    private Set<Role> roles = Set.of(Role.PROGRAM_ADMIN);
    private Set<DepartmentCode> departments = Set.of();

    public void becomeAdmin() {
        become(ADMIN, Set.of(Role.PROGRAM_ADMIN), Set.of());
    }

    public void becomeIngestClient() {
        become(INGEST, Set.of(Role.METRICS_INGEST), Set.of());
    }

    public void becomeLead(String user, Collection<String> departmentCodes) {
        become(user, Set.of(Role.DEPARTMENT_LEAD), departmentCodes.stream().map(DepartmentCode::new)
                .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    private void become(String newName, Set<Role> newRoles, Set<DepartmentCode> newDepartments) {
        this.name = newName;
        this.roles = newRoles;
        this.departments = newDepartments;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    @Override
    public Set<DepartmentCode> departments() {
        return departments;
    }
}
