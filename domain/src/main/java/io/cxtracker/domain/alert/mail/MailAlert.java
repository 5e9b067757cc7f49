package io.cxtracker.domain.alert.mail;

import io.cxtracker.domain.alert.AlertKind;
import java.time.Instant;

/** What a mail says of one stored alert. {@code link} is the item's application path, e.g. {@code milestones/12}. */
public record MailAlert(long id, AlertKind kind, String title, String body, String link, Instant raisedAt) {
}
