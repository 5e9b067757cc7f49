package io.cxtracker.domain.progress;

import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.shared.AsOf;
import io.cxtracker.domain.targets.TargetService;
import io.cxtracker.domain.targets.TargetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * A department's dashboard in one transaction: the department, what it owns rolled up and its targets with their
 * verdicts. Asked of the three services one after the other, each read was a transaction of its own, each taking a
 * pooled connection (checked with a statement of its own) and committing: six round trips for nothing. The services
 * join this transaction; their rules and authority checks are theirs.
 */
@ApplicationScoped
@Transactional
public class DepartmentDashboardService {

    private final DepartmentService departments;
    private final ProgressService progress;
    private final TargetService targets;
    private final AsOfTargetService targetsAsOf;

    /** For the CDI proxy only. */
    protected DepartmentDashboardService() {
        this(null, null, null, null);
    }

    @Inject
    public DepartmentDashboardService(DepartmentService departments, ProgressService progress, TargetService targets,
            AsOfTargetService targetsAsOf) {
        this.departments = departments;
        this.progress = progress;
        this.targets = targets;
        this.targetsAsOf = targetsAsOf;
    }

    /**
     * The department's dashboard today, or as the system knew it at {@code asOf} when given.
     *
     * @param programId null for every program
     * @throws io.cxtracker.domain.shared.NotFoundException when the department or the program does not exist
     */
    public DepartmentDashboard of(String departmentCode, Long programId, AsOf asOf) {
        DepartmentSummary department = departments.get(departmentCode);
        if (asOf != null) {
            return new DepartmentDashboard(department, progress.departmentProgress(department.code(), programId, asOf),
                    targetsAsOf.ofDepartment(department.code(), asOf));
        }
        return new DepartmentDashboard(department, progress.departmentProgress(department.code(), programId),
                targets.ofDepartment(department.code()));
    }

    /** The department, what it owns rolled up, and its own targets with their verdicts. */
    public record DepartmentDashboard(DepartmentSummary department, DepartmentProgress progress, List<TargetStatus> targets) {

        public DepartmentDashboard {
            targets = List.copyOf(targets);
        }
    }
}
