package io.cxtracker.domain.alert.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Message-ID of a mail, derived from what the mail is so that a second attempt (a crash between sending and
 * marking sent) carries the same one and a receiving mail system can drop the copy: per (alert, person) for an
 * immediate mail, per (person, due time) for a bundle. A person's second bundle of the same due time (an alert that
 * arrived after the first went out) gets a sequence number. The user name is kept readable where it is safe in a
 * Message-ID and encoded ({@code =XX}) where it is not.
 */
public record MessageIds(String domain) {
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    public MessageIds {
        Objects.requireNonNull(domain, "domain");
        if (!DOMAIN.matcher(domain).matches() || domain.length() > 200) {
            throw new IllegalArgumentException("not a domain for Message-IDs: '" + domain + "'");
        }
    }

    public String forAlert(long alertId, String userName) {
        return "<alert-" + alertId + "." + local(userName) + "@" + domain + ">";
    }

    /** @param sequence 1 for the first bundle of the person's due time, 2 for a later one… */
    public String forBundle(String userName, Instant dueAt, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, not " + sequence);
        }
        return "<digest-" + STAMP.format(dueAt) + (sequence == 1 ? "" : "-" + sequence) + "." + local(userName) + "@"
                + domain + ">";
    }

    /** Letters, digits, '-' and '_' as they are; every other byte of the UTF-8 name as =XX (dots too: they separate). */
    static String local(String userName) {
        StringBuilder out = new StringBuilder();
        for (byte b : userName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.append(c);
            } else {
                out.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
