package io.cxtracker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.demo.DemoPlan.DepartmentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo's people can sign in: every lead the demo program names (owner of milestones, author of check-ins,
 * commitments and assessments) is a user of the realm import keycloak/cxtracker-realm.json with the role
 * department-lead, the group of each department it leads and the password of its name, and README's
 * demo-logins table and the logins `./cx run` prints name it. A department added to the demo without its
 * lead in the realm fails here, not in front of a newcomer.
 */
class DemoLoginsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final DemoPlan DEMO = DemoGenerator.generate(DemoParameters.demo(LocalDate.of(2026, 11, 23)));

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(ROOT.resolve("keycloak/cxtracker-realm.json").toFile());
    }

    private static JsonNode user(JsonNode realm, String name) {
        for (JsonNode user : realm.get("users")) {
            if (user.get("username").asText().equals(name)) {
                return user;
            }
        }
        throw new AssertionError(name + " is named by the demo but is not a user of keycloak/cxtracker-realm.json");
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        if (array != null) {
            array.forEach(n -> texts.add(n.asText()));
        }
        return texts;
    }

    @Test
    void theRealmHasTheGroupOfEveryDemoDepartment() throws IOException {
        Set<String> groups = new HashSet<>();
        for (JsonNode top : realm().get("groups")) {
            for (JsonNode sub : top.path("subGroups")) {
                groups.add("/" + top.get("name").asText() + "/" + sub.get("name").asText());
            }
        }
        List<String> codes = DEMO.departments().stream().map(DepartmentSpec::code).toList();
        assertEquals(List.of("support", "sales", "marketing", "product", "engineering", "billing", "onboarding", "success",
                "operations", "people"), codes);
        for (String code : codes) {
            assertTrue(groups.contains("/departments/" + code), "no realm group /departments/" + code);
        }
    }

    @Test
    void everyLeadTheDemoNamesIsADepartmentLeadOfTheRealmWithItsGroups() throws IOException {
        JsonNode realm = realm();
        Set<String> leads = new TreeSet<>();
        DEMO.departments().forEach(d -> leads.add(d.lead()));
        DEMO.milestones().forEach(m -> leads.add(m.ownerPerson()));
        DEMO.assessments().forEach(a -> leads.add(a.assessor()));
        assertEquals(9, leads.size(), "ten departments, lead-growth leads two: " + leads);
        for (String lead : leads) {
            JsonNode user = user(realm, lead);
            assertTrue(user.path("enabled").asBoolean(), lead + " is enabled");
            assertTrue(texts(user.get("realmRoles")).contains("department-lead"), lead + " has the role department-lead");
            Set<String> expected = new TreeSet<>();
            DEMO.departmentsLedBy(lead).forEach(code -> expected.add("/departments/" + code));
            assertEquals(expected, texts(user.get("groups")), lead + "'s groups");
            JsonNode password = user.path("credentials").path(0);
            assertEquals("password", password.path("type").asText(), lead);
            assertEquals(lead, password.path("value").asText(), lead + "'s local password is its name");
        }
    }

    @Test
    void readmeAndTheRunScriptListEveryLead() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String cx = Files.readString(ROOT.resolve("cx"));
        for (DepartmentSpec d : DEMO.departments()) {
            assertTrue(readme.contains("`" + d.lead() + "`"), "README's demo logins name " + d.lead());
            assertTrue(cx.contains(d.lead()), "./cx run prints " + d.lead());
        }
    }
}
