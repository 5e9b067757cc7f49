package io.cxtracker.domain.progress;

import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.department.DepartmentSummary;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
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
    private final CurrentUser currentUser;
    private final ReadCache cache;

    /** For the CDI proxy only. */
    protected DepartmentDashboardService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public DepartmentDashboardService(DepartmentService departments, ProgressService progress, TargetService targets,
            AsOfTargetService targetsAsOf, CurrentUser currentUser, ReadCache cache) {
        this.currentUser = currentUser;
        this.cache = cache;
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
        if (asOf != null) {
            DepartmentSummary department = departments.get(departmentCode);
            return new DepartmentDashboard(department, progress.departmentProgress(department.code(), programId, asOf),
                    targetsAsOf.ofDepartment(department.code(), asOf));
        }
        // today's: checked here on every call (the services below check again when they compute); the result is the
        // same whoever reads, so the read cache may serve it when nothing it reads has changed
        Authority.requireCanReadProgram(currentUser, "department progress");
        return cache.read(new DepartmentToday(departmentCode, programId), () -> computed(departmentCode, programId));
    }

    /** What today's dashboard depends on besides the data and the day. */
    private record DepartmentToday(String departmentCode, Long programId) {
    }

    private DepartmentDashboard computed(String departmentCode, Long programId) {
        DepartmentSummary department = departments.get(departmentCode);
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
