package io.cxtracker.domain.alert;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The signed-in user's own choices of channel and frequency per kind of alert. */
@ApplicationScoped
@Transactional
public class AlertPreferenceService {
    private final AlertPreferenceRepository preferences;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected AlertPreferenceService() {
        this(null, null, null);
    }

    @Inject
    public AlertPreferenceService(AlertPreferenceRepository preferences, CurrentUser currentUser, AuditRecorder audit) {
        this.preferences = preferences;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Every kind, with the user's choice or the default. */
    public List<AlertPreference> mine() {
        requireOwn();
        return new AlertPreferences(preferences.of(currentUser.name())).all();
    }

    /**
     * Stores the user's choices for the kinds named (the others keep theirs). Every bad entry is named
     * ({@code preferences[i].kind} …); a kind named twice is refused; nothing is stored when any is bad.
     */
    public List<AlertPreference> update(List<PreferenceChoice> choices) {
        requireOwn();
        Violations violations = new Violations();
        if (choices == null || choices.isEmpty()) {
            violations.add("preferences", "must name at least one kind");
            violations.throwIfAny();
        }
        List<AlertPreference> valid = new ArrayList<>();
        Set<AlertKind> named = EnumSet.noneOf(AlertKind.class);
        for (int i = 0; i < choices.size(); i++) {
            PreferenceChoice choice = choices.get(i);
            String at = "preferences[" + i + "].";
            if (choice == null) {
                violations.add("preferences[" + i + "]", "must not be null");
                continue;
            }
            AlertKind kind = parse(AlertKind.class, choice.kind(), at + "kind", AlertKind.RULE, violations);
            AlertChannel channel = parse(AlertChannel.class, choice.channel(), at + "channel", AlertChannel.RULE, violations);
            AlertFrequency frequency = parse(AlertFrequency.class, choice.frequency(), at + "frequency",
                    AlertFrequency.RULE, violations);
            if (kind != null && !named.add(kind)) {
                violations.add(at + "kind", "names " + kind + " a second time");
            }
            if (kind != null && channel != null && frequency != null) {
                valid.add(new AlertPreference(kind, channel, frequency));
            }
        }
        violations.throwIfAny();
        AlertPreferences before = new AlertPreferences(preferences.of(currentUser.name()));
        preferences.store(currentUser.name(), valid);
        AuditEntry.Builder entry = AuditEntry.of("alert-preference", currentUser.name(), AuditEntry.UPDATE);
        for (AlertPreference p : valid) {
            AlertPreference old = before.of(p.kind());
            entry.change(p.kind() + ".channel", old.channel(), p.channel());
            entry.change(p.kind() + ".frequency", old.frequency(), p.frequency());
        }
        audit.record(entry); // records nothing when no choice changed
        return new AlertPreferences(preferences.of(currentUser.name())).all();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String rule,
            Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add(field, "must be " + rule);
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            violations.add(field, "must be " + rule + ", not '" + text + "'");
            return null;
        }
    }

    private void requireOwn() {
        Authority.requireCanReadProgram(currentUser, "alert preferences");
    }
}
