package io.cxtracker.domain.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxtracker.domain.security.AccessDeniedException;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.testing.InMemoryAuditTrail;
import io.cxtracker.domain.testing.TestUser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPreferenceServiceTest {
    private final Map<String, Map<AlertKind, AlertPreference>> stored = new HashMap<>();
    private final AlertPreferenceRepository repository = new AlertPreferenceRepository() {
        @Override
        public List<AlertPreference> of(String user) {
            return new ArrayList<>(stored.getOrDefault(user, Map.of()).values());
        }

        @Override
        public void store(String user, List<AlertPreference> preferences) {
            preferences.forEach(p -> stored.computeIfAbsent(user, u -> new HashMap<>()).put(p.kind(), p));
        }
    };
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();

    private AlertPreferenceService serviceFor(TestUser user) {
        return new AlertPreferenceService(repository, user, trail.recorder(user));
    }

    @Test
    void withoutChoicesEveryKindIsInAppImmediately() {
        List<AlertPreference> mine = serviceFor(TestUser.leadOf("support")).mine();
        assertEquals(AlertKind.values().length, mine.size());
        assertEquals(AlertPreference.byDefault(AlertKind.CHECK_IN_DUE), mine.getFirst());
    }

    @Test
    void aChoiceIsKeptForItsUserOnlyAndSilencingTakesTheKindOutOfWhatIsHeard() {
        serviceFor(TestUser.leadOf("support")).update(List.of(new PreferenceChoice("DUE_SOON", "OFF", "IMMEDIATE"),
                new PreferenceChoice("OVERDUE", "EMAIL", "DAILY")));
        AlertPreferences lee = new AlertPreferences(repository.of("lee"));
        assertEquals(new AlertPreference(AlertKind.OVERDUE, AlertChannel.EMAIL, AlertFrequency.DAILY), lee.of(AlertKind.OVERDUE));
        EnumSet<AlertKind> expected = EnumSet.allOf(AlertKind.class);
        expected.remove(AlertKind.DUE_SOON);
        assertEquals(expected, lee.heard());
        assertEquals(List.of(), repository.of("erin"));
        assertEquals(1, trail.size());
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> serviceFor(TestUser.leadOf("support"))
                .update(List.of(new PreferenceChoice("OVERDUE", "EMAIL", "DAILY"), new PreferenceChoice("PARTY", "PIGEON", ""),
                        new PreferenceChoice("OVERDUE", "OFF", "OFF"))));
        assertEquals(List.of("preferences[1].kind", "preferences[1].channel", "preferences[1].frequency",
                "preferences[2].kind"), e.violations().stream().map(FieldViolation::field).toList());
        assertEquals(List.of(), repository.of("lee"));
        assertEquals(0, trail.size());
    }

    @Test
    void aMachineClientHasNoPreferences() {
        assertThrows(AccessDeniedException.class, () -> serviceFor(TestUser.surveyTool()).mine());
    }
}
