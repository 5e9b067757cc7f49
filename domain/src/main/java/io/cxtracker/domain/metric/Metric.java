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
import jakarta.persistence.Version;

/**
 * A customer metric the program is judged by (CSAT, NPS, first-day resolution, …). Its kind fixes the
 * sufficient statistics its readings carry; its direction says which way is better.
 */
@Entity
@Table(name = "metric")
public class Metric {
    public static final int NAME_MAX_LENGTH = 120;
    public static final int UNIT_MAX_LENGTH = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "metric_key", nullable = false, unique = true, updatable = false, length = MetricKey.MAX_LENGTH)
    private String key;

    @Column(name = "name", nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Column(name = "unit", nullable = false, length = UNIT_MAX_LENGTH)
    private String unit;

    /** Never changes: stored readings carry this kind's statistics. */
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private MetricKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false, length = 20)
    private Direction direction;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_department_id", nullable = false)
    private Department owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "expected_frequency", nullable = false, length = 20)
    private ReportingFrequency expectedFrequency;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Metric() {
        // for JPA
    }

    /** @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field */
    public Metric(MetricKey key, String name, String unit, MetricKind kind, Direction direction, Department owner,
            ReportingFrequency expectedFrequency) {
        Violations violations = new Violations();
        violations.required("key", key);
        String checkedName = violations.requiredText("name", name, NAME_MAX_LENGTH);
        String checkedUnit = violations.requiredText("unit", unit, UNIT_MAX_LENGTH);
        violations.required("kind", kind);
        violations.required("direction", direction);
        violations.required("ownerDepartment", owner);
        violations.required("expectedFrequency", expectedFrequency);
        violations.throwIfAny();
        this.key = key.value();
        this.name = checkedName;
        this.unit = checkedUnit;
        this.kind = kind;
        this.direction = direction;
        this.owner = owner;
        this.expectedFrequency = expectedFrequency;
    }

    /** Renames the metric or changes its unit label; the key and kind never change. */
    public void describe(String newName, String newUnit) {
        Violations violations = new Violations();
        String checkedName = violations.requiredText("name", newName, NAME_MAX_LENGTH);
        String checkedUnit = violations.requiredText("unit", newUnit, UNIT_MAX_LENGTH);
        violations.throwIfAny();
        this.name = checkedName;
        this.unit = checkedUnit;
    }

    public void handOverTo(Department newOwner) {
        Violations violations = new Violations();
        violations.required("ownerDepartment", newOwner);
        violations.throwIfAny();
        this.owner = newOwner;
    }

    public void expectEvery(ReportingFrequency frequency) {
        Violations violations = new Violations();
        violations.required("expectedFrequency", frequency);
        violations.throwIfAny();
        this.expectedFrequency = frequency;
    }

    public Long id() {
        return id;
    }

    public MetricKey key() {
        return new MetricKey(key);
    }

    public String name() {
        return name;
    }

    public String unit() {
        return unit;
    }

    public MetricKind kind() {
        return kind;
    }

    public Direction direction() {
        return direction;
    }

    public Department owner() {
        return owner;
    }

    public ReportingFrequency expectedFrequency() {
        return expectedFrequency;
    }

    public long version() {
        return version;
    }
}
