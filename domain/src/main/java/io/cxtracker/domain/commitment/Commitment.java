package io.cxtracker.domain.commitment;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.feedback.Theme;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.milestone.Milestone;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A promised change that answers an insight (a feedback theme): what will change, which department owns
 * it, by when, the milestones that deliver it and, optionally, the metric expected to move. It moves
 * through its states by {@link CommitmentState#canMoveTo}; the day it was promised is the pivot of the
 * closed loop (the metric before versus after). Every change bumps the version, which callers send back.
 */
@Entity
@Table(name = "commitment")
public class Commitment {
    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 4000;
    public static final int REASON_MAX_LENGTH = 1000;
    public static final int CREATED_BY_MAX_LENGTH = 120;
    public static final int MAX_MILESTONES = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "theme", nullable = false, length = Theme.MAX_LENGTH)
    private String theme;

    @Column(name = "title", nullable = false, length = TITLE_MAX_LENGTH)
    private String title;

    @Column(name = "description", length = DESCRIPTION_MAX_LENGTH)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_department_id", nullable = false)
    private Department ownerDepartment;

    @Column(name = "due_date", nullable = false)
    private LocalDate due;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private CommitmentState state;

    /** Null: no metric named; the loop then looks at the linked milestones' targets only. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "metric_id")
    private Metric metric;

    @ManyToMany
    @JoinTable(name = "commitment_milestone",
            joinColumns = @JoinColumn(name = "commitment_id"),
            inverseJoinColumns = @JoinColumn(name = "milestone_id"))
    private Set<Milestone> milestones = new LinkedHashSet<>();

    @Column(name = "created_by", nullable = false, updatable = false, length = CREATED_BY_MAX_LENGTH)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The day it was first promised (COMMITTED, IN_PROGRESS or DONE); null while proposed or if dropped unpromised. */
    @Column(name = "committed_on")
    private LocalDate committedOn;

    /** The day it was done or dropped. */
    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "drop_reason", length = REASON_MAX_LENGTH)
    private String dropReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Commitment() {
        // for JPA
    }

    /**
     * A new commitment, PROPOSED or already COMMITTED (or further, as a record of a promise made before).
     *
     * @param metric null when no metric is named
     * @param state null for PROPOSED
     * @param reason the reason when created DROPPED; else null
     * @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field
     */
    public Commitment(String theme, String title, String description, Department ownerDepartment, LocalDate due,
            Metric metric, Collection<Milestone> milestones, CommitmentState state, String reason, String createdBy,
            Instant createdAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("a commitment needs the signed-in user who makes it");
        }
        this.createdBy = createdBy.strip();
        this.createdAt = createdAt;
        this.state = CommitmentState.PROPOSED;
        Violations violations = new Violations();
        plan(theme, title, description, ownerDepartment, due, metric, milestones, violations);
        CommitmentState target = state == null ? CommitmentState.PROPOSED : state;
        LocalDate today = createdAt.atOffset(ZoneOffset.UTC).toLocalDate();
        violations.check(due == null || !due.isBefore(today), "due", "must not be before today (" + today + ")");
        String checkedReason = checkMove(target, reason, violations);
        violations.throwIfAny();
        move(target, checkedReason, today);
    }

    /**
     * Replaces the plan and moves to {@code newState} (which may be the current one).
     *
     * @param today the day of the change: it becomes the day promised or closed when the state says so
     * @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field; nothing changes then
     */
    public void revise(String newTheme, String newTitle, String newDescription, Department newOwner, LocalDate newDue,
            Metric newMetric, Collection<Milestone> newMilestones, CommitmentState newState, String reason, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Violations violations = new Violations();
        // validate everything before touching anything
        Commitment probe = new Commitment();
        probe.state = state;
        probe.plan(newTheme, newTitle, newDescription, newOwner, newDue, newMetric, newMilestones, violations);
        CommitmentState target = newState == null ? state : newState;
        String checkedReason = checkMove(target, reason, violations);
        violations.throwIfAny();
        plan(newTheme, newTitle, newDescription, newOwner, newDue, newMetric, newMilestones, new Violations());
        move(target, checkedReason, today);
    }

    private void plan(String newTheme, String newTitle, String newDescription, Department newOwner, LocalDate newDue,
            Metric newMetric, Collection<Milestone> newMilestones, Violations violations) {
        if (!Theme.isValid(newTheme)) {
            violations.add("theme", "must be " + Theme.RULE);
        }
        String checkedTitle = violations.requiredText("title", newTitle, TITLE_MAX_LENGTH);
        String checkedDescription = violations.optionalText("description", newDescription, DESCRIPTION_MAX_LENGTH);
        violations.required("ownerDepartment", newOwner);
        violations.required("due", newDue);
        List<Milestone> linked = newMilestones == null ? List.of() : List.copyOf(newMilestones);
        violations.check(linked.size() <= MAX_MILESTONES, "milestoneIds", "must name at most " + MAX_MILESTONES + " milestones");
        if (!violations.isEmpty()) {
            return;
        }
        this.theme = newTheme;
        this.title = checkedTitle;
        this.description = checkedDescription;
        this.ownerDepartment = newOwner;
        this.due = newDue;
        this.metric = newMetric;
        this.milestones.clear();
        this.milestones.addAll(linked);
    }

    private String checkMove(CommitmentState target, String reason, Violations violations) {
        if (!state.canMoveTo(target)) {
            violations.add("state", "cannot move from " + state + " to " + target
                    + (state.isClosed() ? ": a " + state + " commitment is closed" : ": commitments only move forward, or to DROPPED"));
            return null;
        }
        if (target == CommitmentState.DROPPED && state != CommitmentState.DROPPED) {
            return violations.requiredText("reason", reason, REASON_MAX_LENGTH);
        }
        return null;
    }

    private void move(CommitmentState target, String reason, LocalDate today) {
        if (target == state) {
            return;
        }
        if (target.isPromised() && committedOn == null) {
            committedOn = today;
        }
        if (target.isClosed()) {
            closedOn = today;
        }
        if (target == CommitmentState.DROPPED) {
            dropReason = reason;
        }
        state = target;
    }

    /** Past its due date and still open. */
    public boolean isOverdue(LocalDate today) {
        return !state.isClosed() && today.isAfter(due);
    }

    /** The day the loop pivots on: the day it was promised, else the day it was made. */
    public LocalDate pivot() {
        return committedOn != null ? committedOn : createdAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public Long id() {
        return id;
    }

    public String theme() {
        return theme;
    }

    public String title() {
        return title;
    }

    /** Null when there is none. */
    public String description() {
        return description;
    }

    public Department ownerDepartment() {
        return ownerDepartment;
    }

    public LocalDate due() {
        return due;
    }

    public CommitmentState state() {
        return state;
    }

    /** Null when no metric is named. */
    public Metric metric() {
        return metric;
    }

    /** The linked milestones, by id. */
    public List<Milestone> milestones() {
        List<Milestone> sorted = new ArrayList<>(milestones);
        sorted.sort(Comparator.comparing(Milestone::id, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public LocalDate committedOn() {
        return committedOn;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String dropReason() {
        return dropReason;
    }

    public long version() {
        return version;
    }
}
