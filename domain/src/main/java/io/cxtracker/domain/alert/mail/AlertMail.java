package io.cxtracker.domain.alert.mail;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders alert e-mails: one alert (an immediate mail: the subject is the alert's title) or a person's bundle of
 * every alert due at one digest time. Each has a plain-text and an HTML part saying the same: the alert's title and
 * body, a link to the item and one to the preferences page, where the person can change what they receive. Alert
 * text is the users' own (milestone titles, comments): in HTML it is escaped, in the subject it loses line breaks and
 * other control characters, so neither can add markup or headers.
 */
public final class AlertMail {
    public static final String PREFERENCES_PATH = "alerts/preferences";
    static final String SUBJECT_PREFIX = "CX Tracker: ";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm z", Locale.ENGLISH);

    private AlertMail() {
    }

    /** An immediate mail of one alert. */
    public static MailMessage single(MailAlert alert, Recipient to, String messageId, MailSettings settings) {
        URI item = settings.publicUrl().resolve(alert.link());
        String text = alert.title() + "\n\n" + alert.body() + "\n\nOpen it: " + item + "\n\n" + footerText(alert, settings);
        String html = page(alert.title(), "<h2 style=\"font-size:18px;margin:0 0 12px\">" + escape(alert.title()) + "</h2>\n"
                + paragraph(alert.body()) + "<p><a href=\"" + escape(item.toString()) + "\">Open it in CX Tracker</a></p>\n"
                + footerHtml(alert, settings));
        return new MailMessage(messageId, to.address(), to.displayName(), subject(alert.title()), text, html);
    }

    /** A person's bundle: every alert due for them at one digest time, oldest first. */
    public static MailMessage bundle(List<MailAlert> alerts, Recipient to, Instant dueAt, String messageId,
            MailSettings settings) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a bundle holds at least one alert");
        }
        ZoneId zone = settings.timing().zone();
        String heading = alerts.size() == 1 ? "1 alert" : alerts.size() + " alerts";
        String intro = heading + " for you, as of " + WHEN.format(dueAt.atZone(zone)) + ":";
        StringBuilder text = new StringBuilder(intro).append("\n");
        StringBuilder items = new StringBuilder();
        int n = 0;
        for (MailAlert alert : alerts) {
            n++;
            URI item = settings.publicUrl().resolve(alert.link());
            text.append("\n").append(n).append(". ").append(alert.title()).append(" (").append(alert.kind().label())
                    .append(")\n   ").append(alert.body().replace("\n", "\n   ")).append("\n   ").append(item).append("\n");
            items.append("<li style=\"margin:0 0 12px\"><a href=\"").append(escape(item.toString())).append("\"><strong>")
                    .append(escape(alert.title())).append("</strong></a> <span style=\"color:#666\">(")
                    .append(escape(alert.kind().label())).append(")</span><br>").append(lines(alert.body())).append("</li>\n");
        }
        text.append("\n").append(footerText(null, settings));
        String html = page(heading, "<h2 style=\"font-size:18px;margin:0 0 12px\">" + escape(intro) + "</h2>\n<ol>\n" + items
                + "</ol>\n" + footerHtml(null, settings));
        String subject = subject(heading + ": " + alerts.getFirst().title()
                + (alerts.size() > 1 ? " and " + (alerts.size() - 1) + " more" : ""));
        return new MailMessage(messageId, to.address(), to.displayName(), subject, text.toString(), html);
    }

    private static String footerText(MailAlert alert, MailSettings settings) {
        return "--\n" + (alert == null ? "You get these as a digest" : "You get \"" + alert.kind().label() + "\" alerts by e-mail")
                + " because of your choices in CX Tracker. Change them: " + settings.preferencesUrl() + "\n";
    }

    private static String footerHtml(MailAlert alert, MailSettings settings) {
        String why = alert == null ? "You get these as a digest" : "You get &ldquo;" + escape(alert.kind().label())
                + "&rdquo; alerts by e-mail";
        return "<hr style=\"border:none;border-top:1px solid #ddd\">\n<p style=\"color:#666;font-size:12px\">" + why
                + " because of your choices in CX Tracker. <a href=\"" + escape(settings.preferencesUrl().toString())
                + "\">Change your alert preferences</a>.</p>\n";
    }

    private static String page(String title, String content) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>\n"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">\n" + content
                + "</body></html>\n";
    }

    private static String paragraph(String text) {
        return "<p>" + lines(text) + "</p>\n";
    }

    private static String lines(String text) {
        return escape(text).replace("\r\n", "\n").replace("\n", "<br>\n");
    }

    /** One line of text: control characters (line breaks above all) become spaces, so no header can be added. */
    static String subject(String text) {
        StringBuilder out = new StringBuilder(SUBJECT_PREFIX.length() + text.length());
        out.append(SUBJECT_PREFIX);
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String line = out.toString().replaceAll(" {2,}", " ").strip();
        if (line.length() <= 200) {
            return line;
        }
        int cut = Character.isHighSurrogate(line.charAt(198)) ? 198 : 199;
        return line.substring(0, cut) + "…";
    }

    /** HTML text and attribute escaping of the five characters that can end either. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
