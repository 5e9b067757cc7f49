package io.cxtracker.domain.commitment;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricSeriesRepository;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.progress.MilestoneStatusView;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.NotFoundException;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.security.Authority;
import io.cxtracker.domain.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed loop of a commitment: insight → commitment → milestones → the metrics before and after.
 * The metrics compared are the one the commitment names (for its owner department and for the whole
 * company) and those of the linked milestones' targets (in each target's scope), each once. Values come
 * from sufficient statistics merged by the database over each window. Read-only; program readers read
 * ({@link Authority#requireCanReadProgram}).
 */
@ApplicationScoped
@Transactional
public class ClosedLoopService {

    private final CommitmentRepository commitments;
    private final FeedbackService feedback;
    private final ProgressService progress;
    private final MetricSeriesRepository series;
    private final Clock clock;
    private final CurrentUser currentUser;

    /** For the CDI proxy only. */
    protected ClosedLoopService() {
        this(null, null, null, null, null, null);
    }

    @Inject
    public ClosedLoopService(CommitmentRepository commitments, FeedbackService feedback, ProgressService progress,
            MetricSeriesRepository series, Clock clock, CurrentUser currentUser) {
        this.commitments = commitments;
        this.feedback = feedback;
        this.progress = progress;
        this.series = series;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** @param windowDays the length of the before and after windows; null for {@value LoopWindows#DEFAULT_DAYS} */
    public ClosedLoop loop(long commitmentId, Integer windowDays) {
        Authority.requireCanReadProgram(currentUser, "closed loops");
        int days = windowDays == null ? LoopWindows.DEFAULT_DAYS : windowDays;
        if (days < 1 || days > LoopWindows.MAX_DAYS) {
            throw new InvalidInputException("window", "must be between 1 and " + LoopWindows.MAX_DAYS + " days");
        }
        Commitment commitment = commitments.findById(commitmentId)
                .orElseThrow(() -> new NotFoundException("commitment", String.valueOf(commitmentId)));
        LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();

        List<ClosedLoop.Step> steps = new ArrayList<>();
        Map<List<Object>, Scope> scopes = new LinkedHashMap<>();
        if (commitment.metric() != null) {
            scope(scopes, commitment.metric(), commitment.ownerDepartment());
            scope(scopes, commitment.metric(), null);
        }
        for (Milestone milestone : commitment.milestones()) {
            MilestoneStatusView status = progress.milestoneStatus(milestone.id());
            steps.add(new ClosedLoop.Step(milestone.id(), milestone.title(), milestone.ownerDepartment().code().value(),
                    milestone.ownerPerson(), milestone.due(), milestone.progress(), status.status(), status.targets()));
            for (Target target : milestone.targets()) {
                scope(scopes, target.metric(), target.department());
            }
        }

        LoopWindows windows = LoopWindows.around(commitment.pivot(), today, days);
        DateRange after = windows.after().orElse(null);
        List<MetricChange> changes = new ArrayList<>();
        for (Scope scope : scopes.values()) {
            List<Department> departments = scope.department() == null ? List.of() : List.of(scope.department());
            MetricStatistics before = series.total(scope.metric(), windows.before(), departments);
            MetricStatistics afterStatistics = after == null ? null : series.total(scope.metric(), after, departments);
            changes.add(MetricChange.of(scope.metric(),
                    scope.department() == null ? null : scope.department().code().value(),
                    windows.before(), before, after, afterStatistics));
        }
        return new ClosedLoop(feedback.insight(commitment.theme()).orElse(null), CommitmentView.of(commitment, today), steps,
                commitment.pivot(), days, changes);
    }

    private record Scope(Metric metric, Department department) {
    }

    private static void scope(Map<List<Object>, Scope> scopes, Metric metric, Department department) {
        List<Object> key = List.of(metric.key().value(), department == null ? "" : department.code().value());
        scopes.putIfAbsent(key, new Scope(metric, department));
    }
}
