package io.cxtracker.domain.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.Violations;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookDraftTest {

    private static List<String> badFields(WebhookDraft draft, Boolean enabledByDefault) {
        Violations violations = new Violations();
        draft.validate(violations, enabledByDefault);
        return violations.list().stream().map(FieldViolation::field).toList();
    }

    @Test
    void anHttpsUrlWithKindsIsValidAndOnByDefault() {
        Violations violations = new Violations();
        WebhookDraft.Valid valid = new WebhookDraft(" https://hooks.slack.com/services/T0/B0/x ", List.of("OVERDUE", "DUE_SOON"),
                null).validate(violations, true);
        assertEquals(List.of(), violations.list());
        assertEquals("https://hooks.slack.com/services/T0/B0/x", valid.url().toString());
        assertEquals(Set.of(AlertKind.OVERDUE, AlertKind.DUE_SOON), valid.kinds());
        assertEquals(true, valid.enabled());
    }

    @Test
    void namesEveryBadField() {
        assertEquals(List.of("url", "kinds[1]", "kinds[2]", "enabled"),
                badFields(new WebhookDraft("ftp://example.com/x", Arrays.asList("OVERDUE", "SOMETIMES", "OVERDUE"), null),
                        null));
        assertEquals(List.of("url", "kinds"), badFields(new WebhookDraft(null, List.of(), true), null));
    }

    @Test
    void refusesUrlsThatAreNotAbsoluteHttpWithAHostOrCarryCredentials() {
        for (String url : List.of("example.com/hook", "http://", "https://user:pw@example.com/hook", "javascript:alert(1)",
                "http://exa mple.com/", "https://example.com/hook#x", "/relative", "https://" + "a".repeat(2000) + ".com")) {
            assertEquals(List.of("url"), badFields(new WebhookDraft(url, List.of("OVERDUE"), true), null), url);
        }
    }

    @Test
    void aRefusedDraftIsNoDraft() {
        assertNull(new WebhookDraft("http://example.com", List.of("NOPE"), true).validate(new Violations(), null));
    }
}
