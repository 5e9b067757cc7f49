package io.cxtracker.domain.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.testing.TestUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudienceTest {

    @Test
    void aLeadHearsForEachOfTheirDepartmentsAndTheirRole() {
        assertEquals(Set.of("leads:support", "leads:billing", "role:department-lead"),
                Set.copyOf(Audience.of(TestUser.leadOf("support", "billing")).stream().map(Audience::value).toList()));
    }

    @Test
    void anExecutiveHasNoDepartmentAudience() {
        assertEquals(List.of("role:executive"), Audience.of(TestUser.executive()).stream().map(Audience::value).toList());
    }

    @Test
    void onlyLeadsAndRolesAreAudiences() {
        assertThrows(IllegalArgumentException.class, () -> new Audience("user:lee"));
    }

    @Test
    void raciDoersAreTheOwnerAndResponsibleWatchersAccountableAndInformed() {
        RaciParties raci = new RaciParties("support", Set.of("billing", "it"), Set.of("sales"));
        assertEquals(List.of("leads:ops", "leads:billing", "leads:it"),
                raci.doers("ops").stream().map(Audience::value).toList());
        assertEquals(List.of("leads:support"), raci.answerable().stream().map(Audience::value).toList());
        assertEquals(List.of("leads:support", "leads:sales"), raci.statusWatchers().stream().map(Audience::value).toList());
        // an owner who is also Responsible is reminded once
        assertEquals(List.of("leads:billing", "leads:it"), raci.doers("billing").stream().map(Audience::value).toList());
    }
}
