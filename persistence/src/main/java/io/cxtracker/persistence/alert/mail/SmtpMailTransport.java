package io.cxtracker.persistence.alert.mail;

import io.cxtracker.domain.alert.mail.MailMessage;
import io.cxtracker.domain.alert.mail.MailTransport;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends alert mails through WildFly's mail session {@code java:jboss/mail/cx}: the server's host and port come from
 * its outbound socket binding ({@code CX_SMTP_HOST}, {@code CX_SMTP_PORT}), the sender from the session
 * ({@code CX_MAIL_FROM}). The app adds what a mail server must not be able to do to it — hang a sending thread: connect,
 * read and write timeouts ({@code cx.mail.smtp-timeout}, default PT10S) — and, for a real server, STARTTLS or SMTPS
 * ({@code cx.smtp.starttls}, {@code cx.smtp.ssl}) and authentication ({@code cx.smtp.user}, {@code cx.smtp.password}).
 */
@ApplicationScoped
public class SmtpMailTransport implements MailTransport {

    @Resource(lookup = "java:jboss/mail/cx")
    Session container;

    private volatile Session session;

    @Override
    public void send(MailMessage mail) {
        try {
            Session s = session();
            MimeMessage message = new MimeMessage(s) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    // derived from the alert and the person: the same on every attempt, so a copy can be dropped
                    setHeader("Message-ID", mail.messageId());
                }
            };
            message.setFrom(from(s));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            Transport.send(message);
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            throw new MailNotSentException(describe(e), e);
        }
    }

    private static InternetAddress from(Session s) throws MessagingException {
        String from = s.getProperty("mail.from");
        return new InternetAddress(from == null || from.isBlank() ? "cx-tracker@localhost" : from);
    }

    /** The container's session with the app's timeouts, TLS and credentials added: built once. */
    private Session session() {
        Session known = session;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (session == null) {
                session = configure(container, ConfigProvider.getConfig());
            }
            return session;
        }
    }

    static Session configure(Session container, Config config) {
        Properties props = new Properties();
        props.putAll(container.getProperties());
        String timeout = Long.toString(config.getOptionalValue("cx.mail.smtp-timeout", String.class).map(Duration::parse)
                .orElse(Duration.ofSeconds(10)).toMillis());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            props.setProperty("mail." + protocol + ".connectiontimeout", timeout);
            props.setProperty("mail." + protocol + ".timeout", timeout);
            props.setProperty("mail." + protocol + ".writetimeout", timeout);
        }
        if (config.getOptionalValue("cx.smtp.starttls", Boolean.class).orElse(false)) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        if (config.getOptionalValue("cx.smtp.ssl", Boolean.class).orElse(false)) {
            props.setProperty("mail.smtp.ssl.enable", "true");
        }
        String user = config.getOptionalValue("cx.smtp.user", String.class).filter(u -> !u.isBlank()).orElse(null);
        if (user == null) {
            return Session.getInstance(props);
        }
        String password = config.getOptionalValue("cx.smtp.password", String.class).orElse("");
        props.setProperty("mail.smtp.auth", "true");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 400; t = t.getCause()) {
            if (!out.isEmpty()) {
                out.append(": ");
            }
            out.append(t.getClass().getSimpleName()).append(t.getMessage() == null ? "" : " " + t.getMessage().strip());
        }
        return out.toString();
    }
}
