package io.cxtracker.domain.alert.webhook;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.shared.Violations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a program admin asks a webhook to be, as sent: checked field by field ({@link #validate}), naming every bad
 * one. The URL is absolute http or https with a host and no user name or password in it (a password in a URL ends
 * up in logs and audit records; a receiver authenticates the server by the signature instead).
 */
public record WebhookDraft(String url, List<String> kinds, Boolean enabled) {
    public static final String URL_RULE = "an absolute http:// or https:// URL with a host, without user info or "
            + "fragment, at most " + Webhook.URL_MAX_LENGTH + " characters";

    /** The draft, checked. */
    public record Valid(URI url, Set<AlertKind> kinds, boolean enabled) {
    }

    /**
     * @param enabledByDefault what a missing {@code enabled} means (a new webhook listens at once); null: required
     */
    public Valid validate(Violations violations, Boolean enabledByDefault) {
        URI parsed = parseUrl(violations);
        Set<AlertKind> parsedKinds = parseKinds(violations);
        Boolean on = enabled != null ? enabled : enabledByDefault;
        violations.check(on != null, "enabled", "must be true or false");
        return parsed == null || parsedKinds == null || on == null ? null : new Valid(parsed, parsedKinds, on);
    }

    private URI parseUrl(Violations violations) {
        if (url == null || url.isBlank()) {
            violations.add("url", "must be " + URL_RULE);
            return null;
        }
        String text = url.strip();
        if (text.length() > Webhook.URL_MAX_LENGTH) {
            violations.add("url", "must be at most " + Webhook.URL_MAX_LENGTH + " characters");
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                violations.add("url", "must be " + URL_RULE);
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            violations.add("url", "must be " + URL_RULE + ": " + e.getReason());
            return null;
        }
    }

    private Set<AlertKind> parseKinds(Violations violations) {
        if (kinds == null || kinds.isEmpty()) {
            violations.add("kinds", "must name at least one kind, " + AlertKind.RULE);
            return null;
        }
        Set<AlertKind> parsed = EnumSet.noneOf(AlertKind.class);
        boolean bad = false;
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            String field = "kinds[" + i + "]";
            try {
                if (kind == null || !parsed.add(AlertKind.valueOf(kind.strip()))) {
                    violations.add(field, kind == null ? "must be " + AlertKind.RULE : "names " + kind + " a second time");
                    bad = true;
                }
            } catch (IllegalArgumentException e) {
                violations.add(field, "must be " + AlertKind.RULE + ", not '" + kind + "'");
                bad = true;
            }
        }
        return bad ? null : parsed;
    }
}
