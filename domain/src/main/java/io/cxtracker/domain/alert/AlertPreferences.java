package io.cxtracker.domain.alert;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A user's choices for every kind, the default filling what they never chose. */
public final class AlertPreferences {
    private final Map<AlertKind, AlertPreference> byKind = new EnumMap<>(AlertKind.class);

    public AlertPreferences(Collection<AlertPreference> stored) {
        for (AlertKind kind : AlertKind.values()) {
            byKind.put(kind, AlertPreference.byDefault(kind));
        }
        stored.forEach(p -> byKind.put(p.kind(), p));
    }

    /** Every kind, in the order of {@link AlertKind}. */
    public List<AlertPreference> all() {
        return List.copyOf(byKind.values());
    }

    public AlertPreference of(AlertKind kind) {
        return byKind.get(kind);
    }

    /** The kinds the user hears of at all. */
    public Set<AlertKind> heard() {
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        byKind.values().stream().filter(p -> !p.isSilenced()).forEach(p -> kinds.add(p.kind()));
        return kinds;
    }
}
