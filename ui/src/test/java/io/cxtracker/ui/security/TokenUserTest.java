package io.cxtracker.ui.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.security.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenUserTest {

    @Test
    void readsNameRolesAndDepartmentsFromTheClaims() {
        TokenUser user = TokenUser.fromClaims("lead-growth", "Gus Growth", "cxtracker-ui",
                List.of("default-roles-cxtracker", "offline_access", "department-lead", "uma_authorization"),
                List.of("/departments/sales", "/departments/success"));

        assertEquals("lead-growth", user.name());
        assertEquals("Gus Growth", user.displayName());
        assertEquals(Set.of(Role.DEPARTMENT_LEAD), user.roles());
        assertEquals(List.of(new DepartmentCode("sales"), new DepartmentCode("success")), List.copyOf(user.departments()));
        assertTrue(user.isAuthenticated());
    }

    @Test
    void aServiceAccountIsNamedByItsClient() {
        TokenUser ingest = TokenUser.fromClaims("service-account-cxtracker-ingest", null, "cxtracker-ingest",
                List.of("metrics-ingest", "offline_access"), null);

        assertEquals("cxtracker-ingest", ingest.name());
        assertEquals("cxtracker-ingest", ingest.displayName());
        assertEquals(Set.of(Role.METRICS_INGEST), ingest.roles());
        assertTrue(ingest.departments().isEmpty());
    }

    @Test
    void ignoresOtherGroupsNestedGroupsAndMalformedCodes() {
        TokenUser user = TokenUser.fromClaims("x", "X", "c", List.of(),
                List.of("/departments", "/departments/", "/teams/support", "/departments/support/emea",
                        "/departments/Bad Code", "departments/sales", "/departments/marketing"));

        assertEquals(Set.of(new DepartmentCode("marketing")), user.departments());
        assertTrue(user.roles().isEmpty());
    }

    @Test
    void unknownRolesGiveNoAuthority() {
        TokenUser user = TokenUser.fromClaims("mallory", null, "c", List.of("admin", "Program-Admin", "program_admin"), List.of());
        assertTrue(user.roles().isEmpty());
        assertFalse(user.has(Role.PROGRAM_ADMIN));
    }

    @Test
    void anonymousIsNotAuthenticated() {
        assertFalse(TokenUser.ANONYMOUS.isAuthenticated());
        assertTrue(TokenUser.ANONYMOUS.roles().isEmpty());
    }
}
