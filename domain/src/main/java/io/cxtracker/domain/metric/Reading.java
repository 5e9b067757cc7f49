package io.cxtracker.domain.metric;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.Violations;
import jakarta.persistence.Column;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One measurement of a metric for a day, optionally for one department and channel, carrying the
 * sufficient statistics of the metric's kind so that every roll-up is exact. The sender's idempotency
 * key makes a resent reading harmless: it is unique per metric and source.
 *
 * <p>Readings partition the data: a reading without a department is data not attributed to any
 * department, not a company total of the department readings (totals are computed by summing).
 *
 * <p>Readings are immutable once stored; a correction is a new reading with a new key.
 */
@Entity
@Table(name = "reading")
public class Reading {
    public static final int SOURCE_MAX_LENGTH = 100;
    public static final int IDEMPOTENCY_KEY_MAX_LENGTH = 200;
    public static final int CHANNEL_MAX_LENGTH = 40;
    public static final String CHANNEL_REGEX = "[a-z][a-z0-9_-]{0,39}";
    public static final String CHANNEL_RULE = "a lower-case slug such as phone, chat or email";
    private static final Pattern CHANNEL = Pattern.compile(CHANNEL_REGEX);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "metric_id", nullable = false, updatable = false)
    private Metric metric;

    /** The metric's kind, repeated so that the database can check the statistics columns against it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private MetricKind kind;

    @Column(name = "day", nullable = false, updatable = false)
    private LocalDate day;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id", updatable = false)
    private Department department;

    @Column(name = "channel", updatable = false, length = CHANNEL_MAX_LENGTH)
    private String channel;

    @Column(name = "promoters", updatable = false)
    private Long promoters;
    @Column(name = "passives", updatable = false)
    private Long passives;
    @Column(name = "detractors", updatable = false)
    private Long detractors;

    @Column(name = "satisfied", updatable = false)
    private Long satisfied;
    @Column(name = "responses", updatable = false)
    private Long responses;

    @Column(name = "score_sum", updatable = false)
    private Double scoreSum;
    @Column(name = "score_count", updatable = false)
    private Long scoreCount;

    @Column(name = "numerator", updatable = false)
    private Long numerator;
    @Column(name = "denominator", updatable = false)
    private Long denominator;

    @Column(name = "gauge_value", updatable = false)
    private Double gaugeValue;
    @Column(name = "gauge_weight", updatable = false)
    private Long gaugeWeight;
    @Column(name = "gauge_at", updatable = false)
    private Instant gaugeAt;

    @Column(name = "source", nullable = false, updatable = false, length = SOURCE_MAX_LENGTH)
    private String source;

    @Column(name = "idempotency_key", nullable = false, updatable = false, length = IDEMPOTENCY_KEY_MAX_LENGTH)
    private String idempotencyKey;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected Reading() {
        // for JPA
    }

    /**
     * @param department null when the reading is not attributed to a department
     * @param channel null when the reading covers all channels
     * @param receivedAt when the reading arrived; its day may be at most one day later (time zones), never more
     * @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field
     */
    public Reading(Metric metric, LocalDate day, Department department, String channel, MetricStatistics statistics,
            String source, String idempotencyKey, Instant receivedAt) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Violations violations = new Violations();
        String checkedChannel = checkAttributes(day, channel, source, idempotencyKey, receivedAt, violations);
        if (statistics == null) {
            violations.add("statistics", "must be given");
        } else if (statistics.kind() != metric.kind()) {
            violations.add("statistics", "must be " + metric.kind() + " statistics: metric " + metric.key()
                    + " is of kind " + metric.kind() + ", not " + statistics.kind());
        } else if (statistics.isEmpty()) {
            violations.add("statistics", "must hold at least one response or observation");
        }
        violations.throwIfAny();
        this.metric = metric;
        this.kind = metric.kind();
        this.day = day;
        this.department = department;
        this.channel = checkedChannel;
        this.source = source.strip();
        this.idempotencyKey = idempotencyKey.strip();
        this.receivedAt = receivedAt;
        store(statistics);
    }

    /**
     * Checks what a reading says besides its metric and statistics, adding a violation for every bad
     * field, so that a sender hears of all its mistakes at once.
     *
     * @return the channel as it is stored (null for all channels)
     */
    public static String checkAttributes(LocalDate day, String channel, String source, String idempotencyKey,
            Instant receivedAt, Violations violations) {
        violations.required("day", day);
        LocalDate latestDay = receivedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        if (day != null && day.isAfter(latestDay)) {
            violations.add("day", "must not be in the future (after " + latestDay + ")");
        }
        String checkedChannel = violations.optionalText("channel", channel, CHANNEL_MAX_LENGTH);
        if (checkedChannel != null && !CHANNEL.matcher(checkedChannel).matches()) {
            violations.add("channel", "must be " + CHANNEL_RULE);
            checkedChannel = null;
        }
        violations.requiredText("source", source, SOURCE_MAX_LENGTH);
        violations.requiredText("idempotencyKey", idempotencyKey, IDEMPOTENCY_KEY_MAX_LENGTH);
        return checkedChannel;
    }

    private void store(MetricStatistics statistics) {
        switch (statistics) {
            case NpsStatistics nps -> {
                promoters = nps.promoters();
                passives = nps.passives();
                detractors = nps.detractors();
            }
            case CsatStatistics csat -> {
                satisfied = csat.satisfied();
                responses = csat.responses();
            }
            case MeanScoreStatistics mean -> {
                scoreSum = mean.sum();
                scoreCount = mean.count();
            }
            case RatioStatistics ratio -> {
                numerator = ratio.numerator();
                denominator = ratio.denominator();
            }
            case GaugeStatistics gauge -> {
                // A reading is one observation (of some weight): its sum is value × weight, which is what the
                // read model sums. Merged statistics would lose their last value here, so they are refused.
                if (Double.compare(gauge.weightedSum(), gauge.lastValue() * gauge.weight()) != 0) {
                    throw new IllegalArgumentException("a gauge reading is one value with its weight, not merged statistics");
                }
                gaugeValue = gauge.lastValue();
                gaugeWeight = gauge.weight();
                gaugeAt = gauge.lastAt();
            }
        }
    }

    /** The reading's sufficient statistics, of its metric's kind. */
    public MetricStatistics statistics() {
        return switch (kind) {
            case NPS -> new NpsStatistics(promoters, passives, detractors);
            case CSAT -> new CsatStatistics(satisfied, responses);
            case MEAN_SCORE -> new MeanScoreStatistics(scoreSum, scoreCount);
            case RATIO -> new RatioStatistics(numerator, denominator);
            case GAUGE -> GaugeStatistics.of(gaugeValue, gaugeWeight, gaugeAt);
        };
    }

    public MetricKind kind() {
        return kind;
    }

    public Long id() {
        return id;
    }

    public Metric metric() {
        return metric;
    }

    public LocalDate day() {
        return day;
    }

    /** Null when not attributed to a department. */
    public Department department() {
        return department;
    }

    /** Null when the reading covers every channel. */
    public String channel() {
        return channel;
    }

    public String source() {
        return source;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
