package io.cxtracker.domain.assessment;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Maturity assessments: a department's lead (self-assessment) or a program admin records one per
 * department and day; everyone signed in reads the history and the program-wide distribution.
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    private final AssessmentRepository assessments;
    private final DepartmentRepository departments;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected AssessmentService() {
        this(null, null, null, null, null);
    }

    @Inject
    public AssessmentService(AssessmentRepository assessments, DepartmentRepository departments, CurrentUser currentUser,
            Clock clock, AuditRecorder audit) {
        this.assessments = assessments;
        this.departments = departments;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public AssessmentView record(NewAssessment command) {
        Authority.requireAnyRole(currentUser, "record maturity assessments", Role.PROGRAM_ADMIN, Role.DEPARTMENT_LEAD);
        Violations violations = new Violations();
        Department department = department("departmentCode", command.departmentCode(), violations);
        if (department != null) {
            Authority.requireCanWriteFor(currentUser, department.code(), "record maturity assessments");
        }
        MaturityAssessment assessment = violations.capture(() -> new MaturityAssessment(department, command.assessedOn(),
                command.answers(), command.notes(), currentUser.name(), clock.instant()));
        violations.throwIfAny();
        assessments.add(assessment);
        AuditEntry.Builder entry = AuditEntry.of("assessment", assessment.id(), AuditEntry.CREATE)
                .by(currentUser.name())
                .department(department.code())
                .set("assessedOn", assessment.assessedOn())
                .set("meanScore", assessment.meanScore())
                .set("level", assessment.level());
        assessment.answers().forEach((question, score) -> entry.set("answers." + question, score));
        audit.record(entry);
        return AssessmentView.of(assessment);
    }

    public AssessmentView get(long id) {
        Authority.requireCanReadProgram(currentUser, "maturity assessments");
        return assessments.findById(id).map(AssessmentView::of)
                .orElseThrow(() -> new NotFoundException("assessment", String.valueOf(id)));
    }

    /** The history of one department (or of all when the code is null), newest first unless sorted otherwise. */
    public Page<AssessmentView> history(String departmentCode, PageRequest request) {
        Authority.requireCanReadProgram(currentUser, "maturity assessments");
        Department department = null;
        if (departmentCode != null && !departmentCode.isBlank()) {
            Violations violations = new Violations();
            department = department("department", departmentCode, violations);
            violations.throwIfAny();
        }
        return assessments.page(department, request).map(AssessmentView::of);
    }

    /** How many departments stand at each level on the day (null: today). */
    public MaturityDistribution distribution(LocalDate asOf) {
        Authority.requireCanReadProgram(currentUser, "maturity assessments");
        LocalDate day = asOf == null ? clock.instant().atOffset(ZoneOffset.UTC).toLocalDate() : asOf;
        List<MaturityLevel> latest = assessments.latestLevels(day);
        int all = (int) departments.page(PageRequest.first(1), null).total();
        return MaturityDistribution.of(day, latest, Math.max(all, latest.size()));
    }

    public List<MaturityQuestionnaire.Question> questionnaire() {
        Authority.requireCanReadProgram(currentUser, "the maturity questionnaire");
        return MaturityQuestionnaire.QUESTIONS;
    }

    private Department department(String field, String code, Violations violations) {
        return departments.existing(field, code, violations);
    }
}
