package io.cxtracker.domain.commitment;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.feedback.FeedbackRepository;
import io.cxtracker.domain.feedback.Theme;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.MilestoneRepository;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.security.Role;
import io.cxtracker.domain.shared.ConcurrentUpdateException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Change pillar's use cases: a department commits to a change that answers an insight, links the
 * milestones that deliver it and moves it forward. A department lead writes only the commitments of
 * their own departments (handing one over needs write access to both); program admins write all;
 * everyone signed in reads. Every change names the version the caller saw.
 */
@ApplicationScoped
@Transactional
public class CommitmentService {
    private static final String ENTITY = "commitment";

    private final CommitmentRepository commitments;
    private final DepartmentRepository departments;
    private final MilestoneRepository milestones;
    private final MetricRepository metrics;
    private final FeedbackRepository feedback;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected CommitmentService() {
        this(null, null, null, null, null, null, null, null);
    }

    @Inject
    public CommitmentService(CommitmentRepository commitments, DepartmentRepository departments,
            MilestoneRepository milestones, MetricRepository metrics, FeedbackRepository feedback,
            CurrentUser currentUser, Clock clock, AuditRecorder audit) {
        this.commitments = commitments;
        this.departments = departments;
        this.milestones = milestones;
        this.metrics = metrics;
        this.feedback = feedback;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    public CommitmentView create(NewCommitment command) {
        Authority.requireAnyRole(currentUser, "make commitments", Role.PROGRAM_ADMIN, Role.DEPARTMENT_LEAD);
        Violations violations = new Violations();
        Department owner = department("ownerDepartment", command.ownerDepartment(), violations);
        if (owner != null) {
            Authority.requireCanWriteFor(currentUser, owner.code(), "make commitments");
        }
        checkTheme(command.theme(), violations);
        List<Milestone> linked = milestones(command.milestoneIds(), violations);
        Metric metric = metric(command.metricKey(), violations);
        CommitmentState state = state(command.state(), violations);
        Instant now = clock.instant();
        Commitment commitment = violations.capture(() -> new Commitment(command.theme(), command.title(),
                command.description(), owner, command.due(), metric, linked, state, command.reason(), currentUser.name(), now));
        violations.throwIfAny();
        commitments.add(commitment);
        audit.record(AuditEntry.of(ENTITY, commitment.id(), AuditEntry.CREATE)
                .by(currentUser.name())
                .department(commitment.ownerDepartment().code())
                .set("theme", commitment.theme())
                .set("title", commitment.title())
                .set("ownerDepartment", commitment.ownerDepartment().code())
                .set("due", commitment.due())
                .set("state", commitment.state())
                .set("metric", metricKey(commitment))
                .set("milestones", milestoneIds(commitment)));
        return CommitmentView.of(commitment, today());
    }

    /** Replaces the commitment's plan and state; the caller names the version it saw. */
    public CommitmentView update(long id, long expectedVersion, CommitmentRevision revision) {
        Commitment commitment = find(id);
        Authority.requireCanWriteFor(currentUser, commitment.ownerDepartment().code(), "change commitments");
        ConcurrentUpdateException.requireVersion(ENTITY, id, expectedVersion, commitment.version());
        Violations violations = new Violations();
        Department owner = department("ownerDepartment", revision.ownerDepartment(), violations);
        if (owner != null && !owner.code().equals(commitment.ownerDepartment().code())) {
            Authority.requireCanWriteFor(currentUser, owner.code(), "hand commitments over to departments");
        }
        if (!commitment.theme().equals(revision.theme())) {
            checkTheme(revision.theme(), violations);
        }
        List<Milestone> linked = milestones(revision.milestoneIds(), violations);
        Metric metric = metric(revision.metricKey(), violations);
        CommitmentState state = state(revision.state(), violations);
        violations.throwIfAny();
        var before = snapshot(commitment);
        commitment.revise(revision.theme(), revision.title(), revision.description(), owner, revision.due(), metric,
                linked, state, revision.reason(), today());
        commitments.store(commitment);
        var after = snapshot(commitment);
        AuditEntry.Builder entry = AuditEntry.of(ENTITY, commitment.id(), AuditEntry.UPDATE)
                .by(currentUser.name())
                .department(commitment.ownerDepartment().code());
        before.forEach((field, value) -> entry.change(field, value, after.get(field)));
        audit.record(entry);
        return CommitmentView.of(commitment, today());
    }

    public CommitmentView get(long id) {
        Authority.requireCanReadProgram(currentUser, "commitments");
        return CommitmentView.of(find(id), today());
    }

    /** A page of commitments, by due date unless sorted otherwise; filters may be null. */
    public Page<CommitmentView> list(String theme, String departmentCode, String state, PageRequest request) {
        Authority.requireCanReadProgram(currentUser, "commitments");
        Violations violations = new Violations();
        if (theme != null && !theme.isBlank() && !Theme.isValid(theme)) {
            violations.add("theme", "must be " + Theme.RULE);
        }
        Department department = departmentCode == null || departmentCode.isBlank()
                ? null : department("department", departmentCode, violations);
        CommitmentState checkedState = state == null || state.isBlank() ? null : state(state, violations);
        violations.throwIfAny();
        LocalDate today = today();
        return commitments.page(new CommitmentQuery(theme == null || theme.isBlank() ? null : theme, department,
                checkedState), request).map(c -> CommitmentView.of(c, today));
    }

    private static Map<String, Object> snapshot(Commitment c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("theme", c.theme());
        fields.put("title", c.title());
        fields.put("description", c.description());
        fields.put("ownerDepartment", c.ownerDepartment().code());
        fields.put("due", c.due());
        fields.put("state", c.state());
        fields.put("metric", metricKey(c));
        fields.put("milestones", milestoneIds(c));
        fields.put("dropReason", c.dropReason());
        return fields;
    }

    private static String metricKey(Commitment c) {
        return c.metric() == null ? null : c.metric().key().value();
    }

    private static String milestoneIds(Commitment c) {
        return c.milestones().stream().map(m -> String.valueOf(m.id())).toList().toString();
    }

    private LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private Commitment find(long id) {
        return commitments.findById(id).orElseThrow(() -> new NotFoundException(ENTITY, String.valueOf(id)));
    }

    private void checkTheme(String theme, Violations violations) {
        if (!Theme.isValid(theme)) {
            violations.add("theme", "must be " + Theme.RULE);
        } else if (!feedback.hasTheme(new Theme(theme))) {
            violations.add("theme", "no feedback mentions the theme '" + theme + "': a commitment answers an insight");
        }
    }

    private List<Milestone> milestones(List<Long> ids, Violations violations) {
        List<Milestone> found = new ArrayList<>();
        if (ids == null) {
            return found;
        }
        Set<Long> distinct = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null) {
                violations.add("milestoneIds[" + i + "]", "must be given");
            } else if (distinct.add(id)) {
                int at = i;
                milestones.findById(id).ifPresentOrElse(found::add,
                        () -> violations.add("milestoneIds[" + at + "]", "no milestone has the id " + id));
            }
        }
        return found;
    }

    private Metric metric(String key, Violations violations) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!MetricKey.isValid(key)) {
            violations.add("metricKey", "must be " + MetricKey.RULE);
            return null;
        }
        Metric metric = metrics.findByKey(new MetricKey(key)).orElse(null);
        violations.check(metric != null, "metricKey", "no metric has the key '" + key + "'");
        return metric;
    }

    private static CommitmentState state(String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        CommitmentState state = CommitmentState.parse(text).orElse(null);
        violations.check(state != null, "state", "must be " + CommitmentState.RULE);
        return state;
    }

    private Department department(String field, String code, Violations violations) {
        return departments.existing(field, code, violations);
    }
}
