package io.cxtracker.domain.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.DepartmentCode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The authority rule of ARCHITECTURE §3, role by role. */
class AuthorityTest {

    static CurrentUser user(String name, Set<Role> roles, String... departments) {
        Set<DepartmentCode> codes = new java.util.LinkedHashSet<>();
        for (String d : departments) {
            codes.add(new DepartmentCode(d));
        }
        return new CurrentUser() {
            public String name() {
                return name;
            }

            public Set<Role> roles() {
                return roles;
            }

            public Set<DepartmentCode> departments() {
                return codes;
            }
        };
    }

    static final DepartmentCode SUPPORT = new DepartmentCode("support");
    static final DepartmentCode MARKETING = new DepartmentCode("marketing");

    @Test
    void aLeadWritesForTheirOwnDepartmentOnly() {
        CurrentUser leadSupport = user("lead-support", Set.of(Role.DEPARTMENT_LEAD), "support");
        assertDoesNotThrow(() -> Authority.requireCanWriteFor(leadSupport, SUPPORT, "check in a milestone"));
        var refused = assertThrows(AccessDeniedException.class,
                () -> Authority.requireCanWriteFor(leadSupport, MARKETING, "check in a milestone"));
        assertTrue(refused.getMessage().contains("marketing"), refused.getMessage());
    }

    @Test
    void membershipWithoutTheLeadRoleIsNotEnough() {
        CurrentUser member = user("member", Set.of(Role.EXECUTIVE), "support");
        assertThrows(AccessDeniedException.class, () -> Authority.requireCanWriteFor(member, SUPPORT, "check in"));
    }

    @Test
    void readOnlyRolesAndMachinesWriteNothingOwnedByADepartment() {
        for (Role role : EnumSet.of(Role.EXECUTIVE, Role.AUDITOR, Role.METRICS_INGEST)) {
            CurrentUser u = user(role.tokenName(), Set.of(role));
            assertThrows(AccessDeniedException.class, () -> Authority.requireCanWriteFor(u, SUPPORT, "check in"), role::name);
            assertThrows(AccessDeniedException.class, () -> Authority.requireProgramAdmin(u, "set up"), role::name);
        }
    }

    @Test
    void programAdminsSetUpAndMayWriteAnywhere() {
        CurrentUser admin = user("admin", Set.of(Role.PROGRAM_ADMIN));
        assertDoesNotThrow(() -> Authority.requireProgramAdmin(admin, "register departments"));
        assertDoesNotThrow(() -> Authority.requireCanWriteFor(admin, MARKETING, "check in"));
    }

    @Test
    void onlyIngestClientsAndAdminsPushReadings() {
        assertDoesNotThrow(() -> Authority.requireCanIngest(user("ingest", Set.of(Role.METRICS_INGEST)), "post readings"));
        assertDoesNotThrow(() -> Authority.requireCanIngest(user("admin", Set.of(Role.PROGRAM_ADMIN)), "post readings"));
        assertThrows(AccessDeniedException.class,
                () -> Authority.requireCanIngest(user("lead", Set.of(Role.DEPARTMENT_LEAD), "support"), "post readings"));
        assertThrows(AccessDeniedException.class, () -> Authority.requireCanIngest(user("anonymous", Set.of()), "post readings"));
    }
}
