package io.cxtracker.domain.alert.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.webhook.RetrySchedule;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a mail says: both parts carry the title, the body, the item's link and the preferences link; the users' text
 * is escaped in HTML and cannot break the subject into a second header; a bundle lists every alert.
 */
class AlertMailTest {
    static final MailSettings SETTINGS = new MailSettings(true, URI.create("https://cx.example.com"),
            new MessageIds("cx.example.com"), new MailTiming(ZoneId.of("Europe/Berlin"), LocalTime.of(7, 0)),
            RetrySchedule.DEFAULTS, 20, Duration.ofMinutes(2), Duration.ZERO, null);
    static final Recipient LEE = new Recipient("lead-support", "lead-support@cxtracker.example", "Lee Support");

    static MailAlert alert(long id, AlertKind kind, String title, String body, String link) {
        return new MailAlert(id, kind, title, body, link, Instant.parse("2026-06-10T08:00:00Z"));
    }

    @Test
    void anImmediateMailCarriesTheAlertTheItemsLinkAndThePreferencesLinkInBothParts() {
        MailMessage mail = AlertMail.single(alert(7, AlertKind.CHECK_IN_DUE, "Check-in due: Launch callbacks",
                "No check-in for 20 days.", "milestones/12"), LEE, "<alert-7.lead-support@cx.example.com>", SETTINGS);
        assertEquals("CX Tracker: Check-in due: Launch callbacks", mail.subject());
        assertEquals("lead-support@cxtracker.example", mail.to());
        assertEquals("Lee Support", mail.toName());
        assertEquals("<alert-7.lead-support@cx.example.com>", mail.messageId());
        for (String part : List.of(mail.text(), mail.html())) {
            assertTrue(part.contains("Check-in due: Launch callbacks"), part);
            assertTrue(part.contains("No check-in for 20 days."), part);
            assertTrue(part.contains("https://cx.example.com/milestones/12"), part);
            assertTrue(part.contains("https://cx.example.com/alerts/preferences"), part);
        }
        assertTrue(mail.html().contains("<a href=\"https://cx.example.com/milestones/12\">"), mail.html());
        assertFalse(mail.text().contains("<"), mail.text());
    }

    @Test
    void usersTextIsEscapedInHtmlAndCannotAddAHeader() {
        MailMessage mail = AlertMail.single(alert(8, AlertKind.OVERDUE,
                "Overdue: <script>alert('x')</script> & \"more\"\r\nBcc: victim@example.com",
                "line one\n<img src=x onerror=alert(1)>", "milestones/13"), LEE, "<alert-8.x@cx.example.com>", SETTINGS);
        assertFalse(mail.html().contains("<script>"), mail.html());
        assertFalse(mail.html().contains("<img"), mail.html());
        assertTrue(mail.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"), mail.html());
        assertTrue(mail.html().contains("line one<br>\n&lt;img src=x onerror=alert(1)&gt;"), mail.html());
        assertFalse(mail.subject().contains("\n") || mail.subject().contains("\r"), mail.subject());
        assertEquals("CX Tracker: Overdue: <script>alert('x')</script> & \"more\" Bcc: victim@example.com", mail.subject());
        // the plain part is plain: the text as it is
        assertTrue(mail.text().contains("<img src=x onerror=alert(1)>"), mail.text());
    }

    @Test
    void aLongSubjectIsCutWithAnEllipsis() {
        String title = "x".repeat(400);
        String subject = AlertMail.single(alert(9, AlertKind.OVERDUE, title, "b", "milestones/1"), LEE, "<a@b>", SETTINGS)
                .subject();
        assertEquals(200, subject.length());
        assertTrue(subject.endsWith("…"));
    }

    @Test
    void aBundleListsEveryAlertWithItsLinkAndOnePreferencesLink() {
        List<MailAlert> alerts = List.of(
                alert(1, AlertKind.OVERDUE, "Overdue: A", "A was due.", "milestones/1"),
                alert(2, AlertKind.DUE_SOON, "Due soon: B <b>", "B is due.", "milestones/2"),
                alert(3, AlertKind.TARGET_STATUS, "Target red: CSAT", "CSAT is red.", "targets/3"));
        MailMessage mail = AlertMail.bundle(alerts, LEE, Instant.parse("2026-06-11T05:00:00Z"),
                "<digest-20260611T0500Z.lead-support@cx.example.com>", SETTINGS);
        assertEquals("CX Tracker: 3 alerts: Overdue: A and 2 more", mail.subject());
        for (String part : List.of(mail.text(), mail.html())) {
            for (String link : List.of("milestones/1", "milestones/2", "targets/3")) {
                assertTrue(part.contains("https://cx.example.com/" + link), part);
            }
            assertTrue(part.contains("Milestone due soon"), part);
            assertTrue(part.contains("https://cx.example.com/alerts/preferences"), part);
            // the digest time in the company's zone
            assertTrue(part.contains("Thu 11 Jun 2026, 07:00 CEST"), part);
        }
        assertTrue(mail.html().contains("Due soon: B &lt;b&gt;"), mail.html());
        assertTrue(mail.text().contains("1. Overdue: A") && mail.text().contains("3. Target red: CSAT"), mail.text());
    }
}
