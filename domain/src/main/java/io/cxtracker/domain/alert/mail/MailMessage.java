package io.cxtracker.domain.alert.mail;

import java.util.Objects;

/**
 * One e-mail, rendered: sent as multipart/alternative with the plain text first and the HTML second.
 *
 * @param messageId the Message-ID header with its angle brackets, the same on every attempt
 */
public record MailMessage(String messageId, String to, String toName, String subject, String text, String html) {

    public MailMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
