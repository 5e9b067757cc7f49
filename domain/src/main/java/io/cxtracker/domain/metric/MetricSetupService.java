package io.cxtracker.domain.metric;

import io.cxtracker.domain.audit.AuditEntry;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.shared.AlreadyExistsException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.shared.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Defining the metrics, a program admin's job, and reading their definitions. The write ends by appending
 * one audit record in the same transaction; a refused write throws first.
 */
@ApplicationScoped
@Transactional
public class MetricSetupService {
    private final MetricRepository metrics;
    private final DepartmentRepository departments;
    private final CurrentUser currentUser;
    private final AuditRecorder audit;

    /** For the CDI proxy only. */
    protected MetricSetupService() {
        this(null, null, null, null);
    }

    @Inject
    public MetricSetupService(MetricRepository metrics, DepartmentRepository departments, CurrentUser currentUser,
            AuditRecorder audit) {
        this.metrics = metrics;
        this.departments = departments;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    public MetricSummary defineMetric(NewMetric command) {
        Authority.requireProgramAdmin(currentUser, "define metrics");
        Violations violations = new Violations();
        MetricKey key = violations.capture(() -> new MetricKey(command.key()));
        Department owner = departments.existing("ownerDepartment", command.ownerDepartment(), violations);
        Metric metric = violations.capture(() -> new Metric(key, command.name(), command.unit(), command.kind(),
                command.direction(), owner, command.expectedFrequency()));
        violations.throwIfAny();
        if (metrics.findByKey(key).isPresent()) {
            throw new AlreadyExistsException("metric", key.value());
        }
        metrics.add(metric);
        audit.record(AuditEntry.of(MetricAudit.METRIC, metric.key().value(), AuditEntry.CREATE)
                .department(MetricAudit.department(metric)).created(MetricAudit.metric(metric)));
        return MetricSummary.of(metric);
    }

    public MetricSummary getMetric(String key) {
        Authority.requireCanReadMetricDefinitions(currentUser);
        if (!MetricKey.isValid(key)) {
            throw new NotFoundException("metric", String.valueOf(key));
        }
        return metrics.findByKey(new MetricKey(key)).map(MetricSummary::of)
                .orElseThrow(() -> new NotFoundException("metric", key));
    }

    public List<MetricSummary> metrics() {
        Authority.requireCanReadMetricDefinitions(currentUser);
        return metrics.list().stream().map(MetricSummary::of).toList();
    }
}
