package io.cxtracker.domain.department;

import io.cxtracker.domain.shared.DepartmentCode;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.FieldViolation;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Use cases around departments; the REST API and the Vaadin views both call these. */
@ApplicationScoped
@Transactional
public class DepartmentService {

    private final DepartmentRepository departments;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected DepartmentService() {
        this.departments = null;
        this.currentUser = null;
        this.audit = null;
    }

    @Inject
    public DepartmentService(DepartmentRepository departments, CurrentUser currentUser, AuditRecorder audit) {
        this.departments = departments;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** Program set-up: only a program admin registers departments; anyone else gets AccessDeniedException. */
    public DepartmentSummary register(NewDepartment command) {
        Authority.requireProgramAdmin(currentUser, "register departments");
        List<FieldViolation> violations = new ArrayList<>();
        if (!DepartmentCode.isValid(command.code())) {
            violations.add(new FieldViolation("code", "must be " + DepartmentCode.RULE));
        }
        try {
            Department.requireName(command.name());
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        Department parent = null;
        boolean hasParent = command.parentCode() != null && !command.parentCode().isBlank();
        if (hasParent) {
            if (!DepartmentCode.isValid(command.parentCode())) {
                violations.add(new FieldViolation("parentCode", "must be " + DepartmentCode.RULE));
            } else {
                parent = departments.findByCode(new DepartmentCode(command.parentCode())).orElse(null);
                if (parent == null) {
                    violations.add(new FieldViolation("parentCode", "no department has the code '" + command.parentCode() + "'"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        DepartmentCode code = new DepartmentCode(command.code());
        if (departments.findByCode(code).isPresent()) {
            throw new AlreadyExistsException("department", code.value());
        }
        Department department = new Department(code, command.name(), parent);
        departments.add(department);
        audit.record(AuditEntry.of("department", code.value(), AuditEntry.CREATE).department(code.value())
                .set("name", department.name())
                .set("parent", department.parent().map(p -> p.code().value()).orElse(null)));
        return DepartmentSummary.of(department);
    }

    public Optional<DepartmentSummary> find(String code) {
        Authority.requireCanReadProgram(currentUser, "departments");
        if (!DepartmentCode.isValid(code)) {
            return Optional.empty();
        }
        return departments.findByCode(new DepartmentCode(code)).map(DepartmentSummary::of);
    }

    public DepartmentSummary get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("department", code));
    }

    public Page<DepartmentSummary> list(PageRequest request, String search) {
        Authority.requireCanReadProgram(currentUser, "departments");
        return departments.page(request, search).map(DepartmentSummary::of);
    }
}
