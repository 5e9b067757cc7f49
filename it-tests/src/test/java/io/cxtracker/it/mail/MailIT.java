package io.cxtracker.it.mail;

import static io.cxtracker.it.api.Api.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxtracker.it.api.Api;
import io.cxtracker.it.api.Plan;
import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.ThrowawayMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alert e-mails through the real WildFly (its mail session), Keycloak (the directory client resolves the leads of a
 * department) and an SMTP server (GreenMail in the test JVM, {@link ThrowawayMail}). lead-support chose e-mail,
 * immediately, for overdue milestones; lead-marketing chose e-mail but OFF for overdue, and a daily digest for
 * "due soon"; exec kept the default (in the app). The rules reach each department's leads by RACI, and the mails
 * follow: one per alert to lead-support with both parts, the item's and the preferences' links and a Message-ID
 * derived from alert and person; none to marketing for support's milestone or for its own silenced kind; a second run
 * of the rules sends nothing again; the daily digest goes out once, as one mail, when due.
 */
@ExtendWith(ArquillianExtension.class)
class MailIT {
    private static final String ALL_IN_APP = """
            {"preferences":[{"kind":"OVERDUE","channel":"IN_APP","frequency":"IMMEDIATE"},
             {"kind":"DUE_SOON","channel":"IN_APP","frequency":"IMMEDIATE"}]}""";

    private final HttpJson admin = Api.admin();
    private final HttpJson support = Api.as("lead-support");
    private final HttpJson marketing = Api.as("lead-marketing");
    private final Plan plan = new Plan();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @AfterEach
    void backToTheDefaults() {
        // preferences are the users' own and outlive the class: the next classes' inboxes must not be silenced
        ok(support.request("PUT", "/api/alert-preferences", ALL_IN_APP), 200);
        ok(marketing.request("PUT", "/api/alert-preferences", ALL_IN_APP), 200);
    }

    private JsonNode evaluate() {
        return ok(admin.request("POST", "/api/alerts/evaluations", null), 200);
    }

    /** The mails whose subject names the text. */
    private static List<MimeMessage> mailsAbout(String text) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : ThrowawayMail.received()) {
            if (m.getSubject() != null && m.getSubject().contains(text)) {
                found.add(m);
            }
        }
        return found;
    }

    private static List<MimeMessage> mailsTo(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : ThrowawayMail.received()) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                if (((InternetAddress) to).getAddress().equals(address)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static <T> T waitFor(Supplier<T> probe, java.util.function.Predicate<T> done, int seconds) throws InterruptedException {
        T value = probe.get();
        for (int i = 0; i < seconds * 4 && !done.test(value); i++) {
            Thread.sleep(250);
            value = probe.get();
        }
        return value;
    }

    private static List<MimeMessage> unchecked(MailProbe probe) {
        try {
            return probe.get();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface MailProbe {
        List<MimeMessage> get() throws MessagingException;
    }

    /** The text of the part of the given type in a multipart/alternative mail. */
    private static String part(MimeMessage mail, String type) throws MessagingException, IOException {
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part in " + mail.getSubject());
    }

    @Test
    void theRulesRaiseMailsForTheRightPeopleOnceAndTheDailyDigestGoesOutWhenDue() throws Exception {
        plan.demoDepartment("support");
        plan.demoDepartment("marketing");
        ok(support.request("PUT", "/api/alert-preferences", """
                {"preferences":[{"kind":"OVERDUE","channel":"EMAIL","frequency":"IMMEDIATE"},
                 {"kind":"DUE_SOON","channel":"EMAIL","frequency":"IMMEDIATE"}]}"""), 200);
        ok(marketing.request("PUT", "/api/alert-preferences", """
                {"preferences":[{"kind":"OVERDUE","channel":"EMAIL","frequency":"OFF"},
                 {"kind":"DUE_SOON","channel":"EMAIL","frequency":"DAILY"}]}"""), 200);

        long program = plan.program();
        long supportOwns = plan.initiative(program, 1, "MEASURE", "support");
        long marketingOwns = plan.initiative(program, 1, "MEASURE", "marketing");
        JsonNode supportLate = plan.milestone(supportOwns, "support", Plan.today().plusDays(30));
        JsonNode marketingLate = plan.milestone(marketingOwns, "marketing", Plan.today().plusDays(30));
        for (JsonNode late : List.of(supportLate, marketingLate)) {
            Database.execute("UPDATE milestone SET due_date = current_date - 2 WHERE id = " + late.get("id").asLong());
        }
        String soonA = plan.milestone(marketingOwns, "marketing", Plan.today().plusDays(3)).get("title").asText();
        String soonB = plan.milestone(marketingOwns, "marketing", Plan.today().plusDays(4)).get("title").asText();
        String supportTitle = supportLate.get("title").asText();
        String marketingTitle = marketingLate.get("title").asText();

        evaluate();
        List<MimeMessage> supportMails = waitFor(() -> unchecked(() -> mailsAbout(supportTitle)), l -> !l.isEmpty(), 60);
        assertEquals(1, supportMails.size(), "one mail for support's overdue milestone");
        MimeMessage mail = supportMails.getFirst();
        assertEquals(List.of("lead-support@cxtracker.example"), List.of(mail.getRecipients(Message.RecipientType.TO)).stream()
                .map(a -> ((InternetAddress) a).getAddress()).toList());
        long alertId = Long.parseLong(Database.value("SELECT id FROM alert WHERE kind = 'OVERDUE' AND subject_type = 'milestone' "
                + "AND subject_id = " + supportLate.get("id").asLong() + " AND audience = 'leads:support'"));
        assertEquals("<alert-" + alertId + ".lead-support@localhost>", mail.getMessageID());
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        for (String body : List.of(text, html)) {
            assertTrue(body.contains(supportTitle), body);
            assertTrue(body.contains("http://localhost:8080/alerts/preferences"), body);
        }
        String link = "http://localhost:8080/" + Database.value("SELECT link FROM alert WHERE id = " + alertId);
        assertTrue(text.contains(link), text);
        assertTrue(html.contains("href=\"" + link + "\""), html);

        // the second run of the rules stores nothing, so nothing is mailed again; marketing hears nothing by mail of
        // support's milestone (not its audience) nor of its own overdue one (e-mail, but OFF)
        evaluate();
        Thread.sleep(5000);
        assertEquals(1, mailsAbout(supportTitle).size());
        assertEquals(List.of(), mailsAbout(marketingTitle), "marketing silenced overdue");
        assertEquals(List.of(), mailsTo("lead-marketing@cxtracker.example"), "the daily digest is not due yet");
        assertEquals(List.of(), mailsTo("exec@cxtracker.example"), "exec keeps alerts in the app");

        // the daily digest: two deliveries due at the next 07:00 (UTC here), sent as one mail once due
        String due = waitFor(() -> Database.value("SELECT count(*) || ' ' || min(due_at) FROM mail_delivery WHERE "
                + "user_name = 'lead-marketing' AND bundled AND state = 'PENDING'"), v -> v.startsWith("2 "), 30);
        assertTrue(due.startsWith("2 "), due);
        Instant dueAt = Instant.parse(Database.value("SELECT to_char(min(due_at) AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM mail_delivery WHERE user_name = 'lead-marketing' AND bundled"));
        assertTrue(dueAt.isAfter(Instant.now().minusSeconds(60)) && dueAt.toString().endsWith("T07:00:00Z"), dueAt::toString);
        // time passes: the digest time comes
        Database.execute("UPDATE mail_delivery SET next_attempt_at = cx_now() WHERE user_name = 'lead-marketing' AND bundled "
                + "AND state = 'PENDING'");
        List<MimeMessage> digests = waitFor(() -> unchecked(() -> mailsTo("lead-marketing@cxtracker.example")),
                l -> !l.isEmpty(), 60);
        Thread.sleep(3000);
        digests = mailsTo("lead-marketing@cxtracker.example");
        assertEquals(1, digests.size(), "one bundle");
        MimeMessage digest = digests.getFirst();
        assertTrue(digest.getSubject().startsWith("CX Tracker: 2 alerts: "), digest.getSubject());
        assertTrue(digest.getMessageID().startsWith("<digest-") && digest.getMessageID().endsWith(".lead-marketing@localhost>"),
                digest.getMessageID());
        for (String body : List.of(part(digest, "text/plain"), part(digest, "text/html"))) {
            assertTrue(body.contains(soonA) && body.contains(soonB), body);
            assertTrue(body.contains("http://localhost:8080/alerts/preferences"), body);
        }
        assertEquals("0", Database.value("SELECT count(*) FROM mail_delivery WHERE user_name = 'lead-marketing' "
                + "AND state <> 'SENT'"));
    }
}
