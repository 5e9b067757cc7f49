package io.cxtracker.domain.feedback;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.shared.Violations;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One piece of the voice of the customer: what was said, on which channel, how it felt (sentiment from
 * −1, very negative, to 1, very positive) and what it is about (its themes). Feedback items are grouped
 * by theme into insights. They are facts received from the outside and never change once stored; the
 * sender's idempotency key (per source) makes a resend harmless.
 */
@Entity
@Table(name = "feedback")
public class FeedbackItem {
    public static final int TEXT_MAX_LENGTH = 4000;
    public static final int MAX_THEMES = 10;
    public static final double LOWEST_SENTIMENT = -1;
    public static final double HIGHEST_SENTIMENT = 1;
    /** The clocks of listening tools run a little ahead sometimes; an item further in the future is refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 20)
    private FeedbackChannel channel;

    @Column(name = "text", nullable = false, updatable = false, length = TEXT_MAX_LENGTH)
    private String text;

    @Column(name = "sentiment", nullable = false, updatable = false)
    private double sentiment;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "feedback_theme", joinColumns = @JoinColumn(name = "feedback_id"))
    @Column(name = "theme", nullable = false, length = Theme.MAX_LENGTH)
    private Set<String> themes = new TreeSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id", updatable = false)
    private Department department;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "source", nullable = false, updatable = false, length = Reading.SOURCE_MAX_LENGTH)
    private String source;

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = Reading.IDEMPOTENCY_KEY_MAX_LENGTH)
    private String idempotencyKey;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected FeedbackItem() {
        // for JPA
    }

    /**
     * @param department null when no department is concerned yet
     * @param receivedAt when the customer said it
     * @param recordedAt when it reached us; {@code receivedAt} may not be later (by more than a few minutes of clock skew)
     * @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field
     */
    public FeedbackItem(FeedbackChannel channel, String text, Double sentiment, Collection<String> themes,
            Department department, Instant receivedAt, String source, String idempotencyKey, Instant recordedAt) {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Violations violations = new Violations();
        violations.required("channel", channel);
        String checkedText = violations.requiredText("text", text, TEXT_MAX_LENGTH);
        if (sentiment == null) {
            violations.add("sentiment", "must be given");
        } else {
            violations.check(Double.isFinite(sentiment) && sentiment >= LOWEST_SENTIMENT && sentiment <= HIGHEST_SENTIMENT,
                    "sentiment", "must be between -1 (very negative) and 1 (very positive)");
        }
        Set<String> checkedThemes = checkThemes(themes, violations);
        violations.required("receivedAt", receivedAt);
        if (receivedAt != null && receivedAt.isAfter(recordedAt.plus(CLOCK_SKEW))) {
            violations.add("receivedAt", "must not be in the future (after " + recordedAt + ")");
        }
        String checkedSource = violations.requiredText("source", source, Reading.SOURCE_MAX_LENGTH);
        String checkedKey = violations.requiredText("idempotencyKey", idempotencyKey, Reading.IDEMPOTENCY_KEY_MAX_LENGTH);
        violations.throwIfAny();
        this.channel = channel;
        this.text = checkedText;
        this.sentiment = sentiment;
        this.themes.addAll(checkedThemes);
        this.department = department;
        this.receivedAt = receivedAt;
        this.source = checkedSource;
        this.idempotencyKey = checkedKey;
        this.recordedAt = recordedAt;
    }

    private static Set<String> checkThemes(Collection<String> themes, Violations violations) {
        Set<String> checked = new TreeSet<>();
        if (themes == null || themes.isEmpty()) {
            violations.add("themes", "must name at least one theme");
            return checked;
        }
        if (themes.size() > MAX_THEMES) {
            violations.add("themes", "must name at most " + MAX_THEMES + " themes");
            return checked;
        }
        int i = 0;
        for (String theme : themes) {
            if (!Theme.isValid(theme)) {
                violations.add("themes[" + i + "]", "must be " + Theme.RULE);
            } else {
                checked.add(theme);
            }
            i++;
        }
        return checked;
    }

    public Long id() {
        return id;
    }

    public FeedbackChannel channel() {
        return channel;
    }

    public String text() {
        return text;
    }

    public double sentiment() {
        return sentiment;
    }

    /** The themes, in alphabetical order. */
    public List<String> themes() {
        return List.copyOf(new TreeSet<>(themes));
    }

    /** Null when no department is concerned. */
    public Department department() {
        return department;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String source() {
        return source;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
