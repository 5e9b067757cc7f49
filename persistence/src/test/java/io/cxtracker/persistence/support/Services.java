package io.cxtracker.persistence.support;

import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.audit.RequestCorrelation;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.metric.MetricSeriesService;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.progress.ProgressService;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.persistence.department.JpaDepartmentRepository;
import io.cxtracker.persistence.initiative.JpaInitiativeRepository;
import io.cxtracker.persistence.metric.JpaMetricRepository;
import io.cxtracker.persistence.metric.JpaMetricSeriesRepository;
import io.cxtracker.persistence.metric.JpaReadingRepository;
import io.cxtracker.persistence.milestone.JpaMilestoneRepository;
import io.cxtracker.persistence.program.JpaProgramRepository;
import io.cxtracker.persistence.progress.JpaProgressRepository;
import io.cxtracker.persistence.targets.JpaTargetRepository;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.time.Clock;

/**
 * The use-case services wired by hand to the JPA repositories of one entity manager, as CDI wires them in
 * WildFly; their audit records go to the real audit table on the entity manager's connection, under a
 * fresh request id (or the one given).
 */
public record Services(ProgramSetupService setup, MetricSetupService metricSetup, TargetSetupService targetSetup,
        MilestoneService milestones, ReadingIngestionService ingestion,
        MetricSeriesService series, ProgressService progress, DepartmentService departments) {

    public static Services of(EntityManager em, CurrentUser user, Clock clock) {
        return of(em, user, clock, RequestCorrelation.newId());
    }

    /** With the request id every audit record of these services carries. */
    public static Services of(EntityManager em, CurrentUser user, Clock clock, String requestId) {
        DepartmentRepository departments = departments(em);
        var programs = new JpaProgramRepository(em);
        var initiatives = new JpaInitiativeRepository(em);
        var metrics = new JpaMetricRepository(em);
        var targets = new JpaTargetRepository(em);
        var milestones = new JpaMilestoneRepository(em);
        var readings = new JpaReadingRepository(em);
        var series = new JpaMetricSeriesRepository(em);
        var approvals = new io.cxtracker.persistence.approval.JpaApprovalRequestRepository(em);
        RequestCorrelation correlation = new RequestCorrelation();
        correlation.adopt(requestId);
        AuditRecorder audit = new AuditRecorder(new EntityManagerAuditTrail(em), user, correlation);
        return new Services(
                new ProgramSetupService(programs, initiatives, departments, user, audit),
                new MetricSetupService(metrics, departments, user, audit),
                new TargetSetupService(targets, metrics, programs, departments, user, audit),
                new MilestoneService(milestones, initiatives, departments, targets, user, clock, audit, approvals),
                new ReadingIngestionService(metrics, departments, readings, user, clock, audit, ListenServices.CONVERSION),
                new MetricSeriesService(metrics, departments, series, user, clock),
                new ProgressService(new JpaProgressRepository(em), programs, milestones, targets, series, clock, approvals, user,
                        new io.cxtracker.persistence.progress.SqlPlanHistory(em)),
                new DepartmentService(departments, user, audit));
    }

    /** The department repository belongs to another slice and takes its persistence context by injection only. */
    private static DepartmentRepository departments(EntityManager em) {
        try {
            JpaDepartmentRepository repository = new JpaDepartmentRepository();
            Field field = JpaDepartmentRepository.class.getDeclaredField("em");
            field.setAccessible(true);
            field.set(repository, em);
            return repository;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
