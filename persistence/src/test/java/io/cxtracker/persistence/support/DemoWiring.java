package io.cxtracker.persistence.support;

import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.assessment.AssessmentService;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.audit.RequestCorrelation;
import io.cxtracker.domain.commitment.CommitmentService;
import io.cxtracker.demo.DemoActor;
import io.cxtracker.demo.DemoClock;
import io.cxtracker.demo.DemoServices;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.listen.SurveyIngestionService;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.persistence.assessment.JpaAssessmentRepository;
import io.cxtracker.persistence.commitment.JpaCommitmentRepository;
import io.cxtracker.persistence.feedback.JpaFeedbackRepository;
import io.cxtracker.persistence.initiative.JpaInitiativeRepository;
import io.cxtracker.persistence.listen.JpaSurveyResponseRepository;
import io.cxtracker.persistence.metric.JpaMetricRepository;
import io.cxtracker.persistence.metric.JpaReadingRepository;
import io.cxtracker.persistence.milestone.JpaMilestoneRepository;
import io.cxtracker.persistence.program.JpaProgramRepository;
import io.cxtracker.persistence.targets.JpaTargetRepository;
import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * The demo loader's services over a test database, as DemoStartup wires them in WildFly: every repository
 * works on the entity manager of the transaction the loader is in (a container-managed persistence context
 * does the same), and each unit of work gets a transaction of its own.
 */
public final class DemoWiring {
    private DemoWiring() {
    }

    public static DemoServices services(TestDatabase db, DemoActor actor, DemoClock clock) {
        ThreadLocal<EntityManager> current = new ThreadLocal<>();
        EntityManager em = threadBound(current);
        DepartmentRepository departments = ListenServices.departments(em);
        var programs = new JpaProgramRepository(em);
        var initiatives = new JpaInitiativeRepository(em);
        var metrics = new JpaMetricRepository(em);
        var targets = new JpaTargetRepository(em);
        var milestones = new JpaMilestoneRepository(em);
        var feedback = new JpaFeedbackRepository(em);
        RequestCorrelation correlation = new RequestCorrelation();
        correlation.adopt("demo-load");
        AuditRecorder audit = new AuditRecorder(new EntityManagerAuditTrail(em), actor, correlation);
        DemoServices.Transactions transactions = new DemoServices.Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return db.inTransaction(e -> {
                    current.set(e);
                    try {
                        return work.get();
                    } finally {
                        current.remove();
                    }
                });
            }
        };
        return new DemoServices(
                new DepartmentService(departments, actor, audit),
                new ProgramSetupService(programs, initiatives, departments, actor, audit),
                new MetricSetupService(metrics, departments, actor, audit),
                new TargetSetupService(targets, metrics, programs, departments, actor, audit),
                new MilestoneService(milestones, initiatives, departments, targets, actor, clock, audit,
                        new io.cxtracker.persistence.approval.JpaApprovalRequestRepository(em)),
                new ReadingIngestionService(metrics, departments, new JpaReadingRepository(em), actor, clock, audit,
                        ListenServices.CONVERSION),
                new SurveyIngestionService(metrics, departments, new JpaSurveyResponseRepository(em), ListenServices.CONVERSION,
                        actor, clock, audit),
                new FeedbackService(feedback, departments, actor, clock, audit),
                new CommitmentService(new JpaCommitmentRepository(em), departments, milestones, metrics, feedback, actor, clock,
                        audit),
                new AssessmentService(new JpaAssessmentRepository(em), departments, actor, clock, audit),
                transactions);
    }

    /**
     * An entity manager that stands for the one of the transaction the calling thread is in ({@code current}),
     * as a container-managed persistence context does; outside a transaction every call is refused.
     */
    public static EntityManager threadBound(ThreadLocal<EntityManager> current) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    EntityManager target = current.get();
                    if (target == null) {
                        throw new IllegalStateException("no transaction: the demo loader works inside inTransaction");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
