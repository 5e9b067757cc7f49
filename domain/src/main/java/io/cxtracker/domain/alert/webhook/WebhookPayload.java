package io.cxtracker.domain.alert.webhook;

import io.cxtracker.domain.alert.AlertKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JSON body of a delivery. A top-level {@code text} (one readable sentence with the item's link) is what Slack
 * and Microsoft Teams incoming webhooks show as they are; the other members carry the same alert for a program:
 * kind, subject, program, department, due day, status, link. The members come in a fixed order and the text is
 * derived from the delivery's stored fields only, so every attempt of a delivery sends the same bytes.
 */
public final class WebhookPayload {
    public static final String TEST_KIND = "TEST";

    private WebhookPayload() {
    }

    public static byte[] of(DueDelivery delivery, URI publicUrl) {
        String link = publicUrl.resolve(delivery.link()).toString();
        Json json = new Json();
        json.member("text", sentence(delivery, link));
        json.member("delivery", delivery.deliveryKey().toString());
        json.member("kind", delivery.kind());
        json.member("kindLabel", label(delivery.kind()));
        json.member("title", delivery.title());
        json.member("body", delivery.body());
        json.object("subject");
        json.member("type", delivery.subjectType());
        json.member("id", delivery.subjectId());
        json.member("title", delivery.subjectTitle());
        json.end();
        json.object("program");
        json.member("id", delivery.programId());
        json.member("name", delivery.programName());
        json.end();
        json.member("department", delivery.department());
        json.member("due", delivery.dueDay() == null ? null : delivery.dueDay().toString());
        json.member("status", delivery.status());
        json.member("link", link);
        json.member("raisedAt", delivery.raisedAt().toString());
        return json.close().getBytes(StandardCharsets.UTF_8);
    }

    /** "Overdue: Launch callbacks (CX 2026–2028 · support · due 2026-12-01) https://…/departments/support". */
    static String sentence(DueDelivery delivery, String link) {
        List<String> about = new ArrayList<>();
        about.add(delivery.programName());
        if (delivery.department() != null) {
            about.add(delivery.department());
        }
        if (delivery.dueDay() != null) {
            about.add("due " + delivery.dueDay());
        }
        return delivery.title() + " (" + String.join(" · ", about) + ") " + link;
    }

    private static String label(String kind) {
        return Arrays.stream(AlertKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                .map(AlertKind::label).orElse(TEST_KIND.equals(kind) ? "Test delivery" : kind);
    }

    /** Just enough of a JSON writer for a flat object with nested objects, in the order written. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder("{");
        private boolean first = true;

        void member(String name, String value) {
            name(name);
            if (value == null) {
                out.append("null");
            } else {
                string(value);
            }
        }

        void member(String name, long value) {
            name(name);
            out.append(value);
        }

        void object(String name) {
            name(name);
            out.append('{');
            first = true;
        }

        void end() {
            out.append('}');
            first = false;
        }

        String close() {
            return out.append('}').toString();
        }

        private void name(String name) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(name);
            out.append(':');
        }

        private void string(String value) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
