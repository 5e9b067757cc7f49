package io.cxtracker.domain.alert;

import java.util.Objects;

/**
 * An alert a rule raised for one audience, before it is stored. Its dedup key (kind, subject, audience,
 * period) is unique in the database: a rule evaluated twice, or on two nodes at once, stores it once.
 *
 * @param subjectType what the alert is about: {@code milestone}, {@code target}, {@code commitment},
 *        {@code approval-request} or {@code program}
 * @param period what makes a repeat a new alert: a due day, a check-in cycle, a week, a transition day
 * @param link the application path of the item, e.g. {@code milestones/12}
 * @param actor who caused it (never alerted about their own action), null for scheduled rules
 */
public record NewAlert(AlertKind kind, String subjectType, long subjectId, Audience audience, String period,
        String title, String body, String link, String actor) {
    public static final int TITLE_MAX_LENGTH = 300;
    public static final int BODY_MAX_LENGTH = 4000;

    public NewAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(link, "link");
        title = clip(Objects.requireNonNull(title, "title"), TITLE_MAX_LENGTH);
        body = clip(Objects.requireNonNull(body, "body"), BODY_MAX_LENGTH);
    }

    /** The (rule, subject, recipient, period) key, as one line for logs and idempotency ids. */
    public String dedupKey() {
        return kind + "/" + subjectType + ":" + subjectId + "/" + audience + "/" + period;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
