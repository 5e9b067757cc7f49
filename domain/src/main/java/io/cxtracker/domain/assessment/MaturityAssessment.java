package io.cxtracker.domain.assessment;

import io.cxtracker.domain.department.Department;
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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How customer-obsessed a department was on a day: the questionnaire's scores, their mean and the
 * level it falls in ({@link MaturityScoring}). Assessments are a history: one per department and day,
 * never changed afterwards; a new assessment is the next point of the history.
 */
@Entity
@Table(name = "maturity_assessment")
public class MaturityAssessment {
    public static final int NOTES_MAX_LENGTH = 4000;
    public static final int ASSESSOR_MAX_LENGTH = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id", nullable = false, updatable = false)
    private Department department;

    @Column(name = "assessed_on", nullable = false, updatable = false)
    private LocalDate assessedOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "maturity_answer", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "question", length = 40)
    @Column(name = "score", nullable = false)
    private Map<String, Integer> answers = new TreeMap<>();

    @Column(name = "mean_score", nullable = false, updatable = false)
    private double meanScore;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false, updatable = false, length = 20)
    private MaturityLevel level;

    @Column(name = "assessed_by", nullable = false, updatable = false, length = ASSESSOR_MAX_LENGTH)
    private String assessedBy;

    @Column(name = "notes", updatable = false, length = NOTES_MAX_LENGTH)
    private String notes;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected MaturityAssessment() {
        // for JPA
    }

    /**
     * @param recordedAt now; the assessment's day may not be later
     * @throws io.cxtracker.domain.shared.InvalidInputException naming every bad field
     */
    public MaturityAssessment(Department department, LocalDate assessedOn, Map<String, Integer> answers, String notes,
            String assessedBy, Instant recordedAt) {
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (assessedBy == null || assessedBy.isBlank()) {
            throw new IllegalArgumentException("an assessment needs the signed-in user who makes it");
        }
        Violations violations = new Violations();
        violations.required("departmentCode", department);
        violations.required("assessedOn", assessedOn);
        LocalDate today = recordedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        if (assessedOn != null && assessedOn.isAfter(today)) {
            violations.add("assessedOn", "must not be in the future (after " + today + ")");
        }
        MaturityQuestionnaire.check(answers, violations);
        String checkedNotes = violations.optionalText("notes", notes, NOTES_MAX_LENGTH);
        MaturityScoring.Score score = violations.capture(() -> MaturityScoring.score(answers));
        violations.throwIfAny();
        this.department = department;
        this.assessedOn = assessedOn;
        this.answers.putAll(answers);
        this.meanScore = score.mean();
        this.level = score.level();
        this.assessedBy = assessedBy.strip();
        this.notes = checkedNotes;
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public Department department() {
        return department;
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    /** Question key → score, by key. */
    public SortedMap<String, Integer> answers() {
        return new TreeMap<>(answers);
    }

    public double meanScore() {
        return meanScore;
    }

    public MaturityLevel level() {
        return level;
    }

    public String assessedBy() {
        return assessedBy;
    }

    public String notes() {
        return notes;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
