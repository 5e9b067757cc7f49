package io.cxtracker.domain.department;

import io.cxtracker.domain.shared.DepartmentCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registering departments is program set-up: the service itself refuses everyone but program admins. */
class DepartmentServiceAuthorityTest {

    private final List<Department> stored = new ArrayList<>();
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final DepartmentRepository repository = new DepartmentRepository() {
        public Optional<Department> findByCode(DepartmentCode code) {
            return stored.stream().filter(d -> d.code().equals(code)).findFirst();
        }

        public Page<Department> page(PageRequest request, String search) {
            return new Page<>(stored, stored.size());
        }

        public void add(Department department) {
            stored.add(department);
        }
    };

    private DepartmentService service(CurrentUser user) {
        return new DepartmentService(repository, user, audit.recorder(user));
    }

    private static CurrentUser as(Set<Role> roles, String... departments) {
        Set<DepartmentCode> codes = new java.util.HashSet<>();
        for (String d : departments) {
            codes.add(new DepartmentCode(d));
        }
        return new CurrentUser() {
            public String name() {
                return roles.isEmpty() ? "anonymous" : roles.iterator().next().tokenName();
            }

            public Set<Role> roles() {
                return roles;
            }

            public Set<DepartmentCode> departments() {
                return codes;
            }
        };
    }

    @Test
    void aProgramAdminRegisters() {
        var service = service(as(Set.of(Role.PROGRAM_ADMIN)));
        assertEquals("support", service.register(new NewDepartment("support", "Support", null)).code());
        assertEquals(1, stored.size());
        AuditEntry entry = audit.last(1);
        assertEquals(List.of("department", "support", "create", "support", "program-admin"),
                List.of(entry.entityType(), entry.entityId(), entry.action(), entry.department(), entry.actor()));
        assertEquals("Support", entry.newValues().get("name"));
    }

    @Test
    void everyoneElseIsRefusedBeforeAnythingIsWritten() {
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.PROGRAM_ADMIN))) {
            var service = service(as(Set.of(role), "support"));
            var refused = assertThrows(AccessDeniedException.class,
                    () -> service.register(new NewDepartment("support", "Support", null)), role::name);
            assertTrue(refused.getMessage().contains("register departments"), refused.getMessage());
        }
        var anonymous = service(as(Set.of()));
        assertThrows(AccessDeniedException.class, () -> anonymous.register(new NewDepartment("support", "Support", null)));
        assertTrue(stored.isEmpty());
        assertEquals(0, audit.size(), "refused writes leave no audit record");
    }

    @Test
    void everyProgramReaderReadsTheDepartmentsAndNobodyElse() {
        stored.add(new Department(new DepartmentCode("support"), "Support", null));
        for (Role role : EnumSet.of(Role.EXECUTIVE, Role.DEPARTMENT_LEAD, Role.AUDITOR, Role.PROGRAM_ADMIN)) {
            var service = service(as(Set.of(role), "marketing"));
            assertEquals(1, service.list(PageRequest.first(10), null).total(), role::name);
            assertEquals("Support", service.get("support").name(), role::name);
        }
        for (Set<Role> roles : List.of(Set.<Role>of(), Set.of(Role.METRICS_INGEST))) {
            var service = service(as(roles));
            assertThrows(AccessDeniedException.class, () -> service.list(PageRequest.first(10), null), roles::toString);
            // refused before the code is looked up: an unknown code tells such a caller nothing either
            assertThrows(AccessDeniedException.class, () -> service.find("support"), roles::toString);
            assertThrows(AccessDeniedException.class, () -> service.get("no-such-code"), roles::toString);
        }
    }

    @Test
    void authorityIsCheckedBeforeTheInputSoNothingLeaksAboutExistingCodes() {
        var service = service(as(Set.of(Role.EXECUTIVE)));
        assertThrows(AccessDeniedException.class, () -> service.register(new NewDepartment("Bad Code!", "", "nope")));
    }
}
