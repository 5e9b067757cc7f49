package io.cxtracker.domain.milestone;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Violations;
import io.cxtracker.domain.targets.Target;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A dated step of an initiative that one department owns. Its status is derived (from linked metric
 * targets, else from check-ins, see {@link MilestoneStatusDerivation}); a person may override it with
 * a reason ({@link StatusOverride}). Check-ins are appended, never changed. Every change goes through
 * an intent-named method and bumps the version, which callers send back to prove they saw the latest.
 */
@Entity
@Table(name = "milestone")
public class Milestone {
    public static final int TITLE_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 4000;
    public static final int OWNER_PERSON_MAX_LENGTH = 120;
    public static final int REASON_MAX_LENGTH = 1000;
    public static final double MAX_WEIGHT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "initiative_id", nullable = false, updatable = false)
    private Initiative initiative;

    @Column(name = "title", nullable = false, length = TITLE_MAX_LENGTH)
    private String title;

    @Column(name = "description", length = DESCRIPTION_MAX_LENGTH)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_department_id", nullable = false)
    private Department ownerDepartment;

    @Column(name = "owner_person", nullable = false, length = OWNER_PERSON_MAX_LENGTH)
    private String ownerPerson;

    @Column(name = "due_date", nullable = false)
    private LocalDate due;

    @Column(name = "progress", nullable = false)
    private int progress;

    @ElementCollection
    @CollectionTable(name = "milestone_evidence", joinColumns = @JoinColumn(name = "milestone_id"))
    @OrderColumn(name = "position")
    @Column(name = "url", nullable = false, length = EvidenceLink.MAX_LENGTH)
    private List<String> evidence = new ArrayList<>();

    /** Null: weighs as much as any other milestone in roll-ups. */
    @Column(name = "weight")
    private Double weight;

    /** The status of the latest check-in; null before the first. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reported_status", length = 20)
    private CheckInStatus reportedStatus;

    @Column(name = "check_in_count", nullable = false)
    private int checkInCount;

    @Column(name = "last_check_in_at")
    private Instant lastCheckInAt;

    @OneToMany(mappedBy = "milestone", cascade = CascadeType.PERSIST)
    @OrderBy("sequence")
    private List<CheckIn> checkIns = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "override_status", length = 20)
    private MilestoneStatus overrideStatus;

    @Column(name = "override_reason", length = REASON_MAX_LENGTH)
    private String overrideReason;

    @Column(name = "override_by", length = CheckIn.AUTHOR_MAX_LENGTH)
    private String overrideBy;

    @Column(name = "override_at")
    private Instant overrideAt;

    @ManyToMany
    @JoinTable(name = "milestone_target",
            joinColumns = @JoinColumn(name = "milestone_id"),
            inverseJoinColumns = @JoinColumn(name = "target_id"))
    private Set<Target> targets = new LinkedHashSet<>();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Milestone() {
        // for JPA
    }

    /**
     * A new milestone, not started, at 0 % progress.
     *
     * @param evidence absolute http(s) links; may be null
     * @param weight null to weigh as much as any other milestone
     * @throws InvalidInputException naming every bad field
     */
    public Milestone(Initiative initiative, String title, String description, Department ownerDepartment,
            String ownerPerson, LocalDate due, List<String> evidence, Double weight) {
        Objects.requireNonNull(initiative, "initiative");
        this.initiative = initiative;
        plan(title, description, ownerDepartment, ownerPerson, due, evidence, weight);
    }

    /**
     * Changes the plan of the milestone: what it is, who owns it, when it is due, its evidence and weight.
     *
     * @throws InvalidInputException naming every bad field; nothing changes then
     */
    public void revise(String newTitle, String newDescription, Department newOwnerDepartment, String newOwnerPerson,
            LocalDate newDue, List<String> newEvidence, Double newWeight) {
        plan(newTitle, newDescription, newOwnerDepartment, newOwnerPerson, newDue, newEvidence, newWeight);
    }

    private void plan(String newTitle, String newDescription, Department newOwnerDepartment, String newOwnerPerson,
            LocalDate newDue, List<String> newEvidence, Double newWeight) {
        Violations violations = new Violations();
        String checkedTitle = violations.requiredText("title", newTitle, TITLE_MAX_LENGTH);
        String checkedDescription = violations.optionalText("description", newDescription, DESCRIPTION_MAX_LENGTH);
        violations.required("ownerDepartment", newOwnerDepartment);
        String checkedPerson = violations.requiredText("ownerPerson", newOwnerPerson, OWNER_PERSON_MAX_LENGTH);
        violations.required("due", newDue);
        Program program = initiative.program();
        if (newDue != null && !program.contains(newDue)) {
            violations.add("due", "must be inside the program, " + program.start() + " to " + program.end());
        }
        List<String> links = EvidenceLink.checked("evidence", newEvidence, violations);
        violations.check(newWeight == null || (Double.isFinite(newWeight) && newWeight > 0 && newWeight <= MAX_WEIGHT),
                "weight", "must be more than 0 and at most " + (int) MAX_WEIGHT);
        violations.throwIfAny();
        this.title = checkedTitle;
        this.description = checkedDescription;
        this.ownerDepartment = newOwnerDepartment;
        this.ownerPerson = checkedPerson;
        this.due = newDue;
        if (!evidence.equals(links)) {
            this.evidence.clear();
            this.evidence.addAll(links);
        }
        this.weight = newWeight;
    }

    /**
     * A lead reports where the milestone stands. The check-in is appended; the milestone takes over its
     * progress and status as the latest reported ones.
     *
     * @param author the signed-in user, from the token
     * @throws InvalidInputException naming every bad field (status, progress, comment, evidence[i], at)
     */
    public CheckIn checkIn(CheckInStatus status, Integer reportedProgress, String comment, List<String> evidenceLinks,
            String author, Instant at) {
        requireUser(author, "a check-in");
        Objects.requireNonNull(at, "at");
        Violations violations = new Violations();
        violations.required("status", status);
        if (reportedProgress == null) {
            violations.add("progress", "must be given");
        } else {
            violations.check(reportedProgress >= 0 && reportedProgress <= 100, "progress", "must be between 0 and 100");
        }
        String checkedComment = violations.optionalText("comment", comment, CheckIn.COMMENT_MAX_LENGTH);
        List<String> links = EvidenceLink.checked("evidence", evidenceLinks, violations);
        if (lastCheckInAt != null && at.isBefore(lastCheckInAt)) {
            violations.add("at", "must not be before the latest check-in at " + lastCheckInAt);
        }
        violations.throwIfAny();
        CheckIn checkIn = new CheckIn(this, checkInCount + 1, status, reportedProgress, checkedComment, links,
                author.strip(), at);
        checkIns.add(checkIn);
        checkInCount++;
        lastCheckInAt = at;
        reportedStatus = status;
        progress = reportedProgress;
        return checkIn;
    }

    /**
     * Sets the status by hand over what the evidence says. The reason is mandatory: an auditor must see
     * why the record disagrees with the numbers.
     *
     * @throws InvalidInputException on {@code status} or {@code reason}
     */
    public StatusOverride overrideStatus(MilestoneStatus status, String reason, String by, Instant at) {
        requireUser(by, "an override");
        Violations violations = new Violations();
        violations.required("status", status);
        String checkedReason = violations.requiredText("reason", reason, REASON_MAX_LENGTH);
        violations.throwIfAny();
        StatusOverride override = new StatusOverride(status, checkedReason, by.strip(), at);
        this.overrideStatus = override.status();
        this.overrideReason = override.reason();
        this.overrideBy = override.by();
        this.overrideAt = override.at();
        return override;
    }

    /** Lets the evidence speak again. Does nothing when the status is not overridden. */
    public void clearOverride() {
        this.overrideStatus = null;
        this.overrideReason = null;
        this.overrideBy = null;
        this.overrideAt = null;
    }

    /** Lets a metric target decide the milestone's status (with any other linked targets). Linking twice changes nothing. */
    public void linkTarget(Target target) {
        Objects.requireNonNull(target, "target");
        if (!isLinkedTo(target)) {
            targets.add(target);
        }
    }

    public void unlinkTarget(Target target) {
        targets.removeIf(t -> sameTarget(t, target));
    }

    public boolean isLinkedTo(Target target) {
        return targets.stream().anyMatch(t -> sameTarget(t, target));
    }

    private static boolean sameTarget(Target a, Target b) {
        return a == b || (a.id() != null && a.id().equals(b.id()));
    }

    private static void requireUser(String user, String what) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(what + " needs the signed-in user");
        }
    }

    /** The status to show: the override if any, else the derived one (kept beside it). */
    public EffectiveStatus effectiveStatus(MilestoneStatus derived) {
        return override().map(o -> o.appliedTo(derived)).orElseGet(() -> EffectiveStatus.derivedOnly(derived));
    }

    public Optional<StatusOverride> override() {
        if (overrideStatus == null) {
            return Optional.empty();
        }
        return Optional.of(new StatusOverride(overrideStatus, overrideReason, overrideBy, overrideAt));
    }

    public Long id() {
        return id;
    }

    public Initiative initiative() {
        return initiative;
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

    public String ownerPerson() {
        return ownerPerson;
    }

    public LocalDate due() {
        return due;
    }

    /** The latest reported progress, 0–100. */
    public int progress() {
        return progress;
    }

    public List<String> evidence() {
        return List.copyOf(evidence);
    }

    /** Empty when the milestone weighs as much as any other. */
    public Optional<Double> weight() {
        return Optional.ofNullable(weight);
    }

    public Optional<CheckInStatus> reportedStatus() {
        return Optional.ofNullable(reportedStatus);
    }

    public int checkInCount() {
        return checkInCount;
    }

    /** The check-ins, oldest first. */
    public List<CheckIn> checkIns() {
        return checkIns.stream().sorted(Comparator.comparingInt(CheckIn::sequence)).toList();
    }

    /** The linked targets, by id. */
    public List<Target> targets() {
        return targets.stream()
                .sorted(Comparator.comparing(Target::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    public long version() {
        return version;
    }
}
