package io.cxtracker.domain.alert.webhook;

import io.cxtracker.domain.alert.AlertKind;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A receiver a program admin registered for one program: the alerts of the kinds it listens to, raised about that
 * program, are POSTed to its URL, signed with its secret (kept apart: it never leaves the server after creation).
 * The version guards revisions against lost updates.
 */
public record Webhook(long id, long programId, URI url, Set<AlertKind> kinds, boolean enabled, long version,
        String createdBy, Instant createdAt) {
    public static final int URL_MAX_LENGTH = 2000;

    public Webhook {
        kinds = Set.copyOf(kinds);
    }

    /** The fields an audit record shows of it (never the secret). */
    public Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("program", programId);
        fields.put("url", url);
        fields.put("kinds", kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        fields.put("enabled", enabled);
        return fields;
    }
}
