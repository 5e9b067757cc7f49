package io.cxtracker.persistence.support;

import io.cxtracker.domain.assessment.AssessmentService;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.audit.RequestCorrelation;
import io.cxtracker.domain.commitment.ClosedLoopService;
import io.cxtracker.domain.commitment.CommitmentService;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.imports.ImportService;
import io.cxtracker.domain.metric.CesScale;
import io.cxtracker.domain.listen.SurveyIngestionService;
import io.cxtracker.domain.listen.SurveyReadingConversion;
import io.cxtracker.domain.security.CurrentUser;
import io.cxtracker.persistence.assessment.JpaAssessmentRepository;
import io.cxtracker.persistence.commitment.JpaCommitmentRepository;
import io.cxtracker.persistence.department.JpaDepartmentRepository;
import io.cxtracker.persistence.feedback.JpaFeedbackRepository;
import io.cxtracker.persistence.listen.JpaSurveyResponseRepository;
import io.cxtracker.persistence.metric.JpaMetricRepository;
import io.cxtracker.persistence.metric.JpaMetricSeriesRepository;
import io.cxtracker.persistence.milestone.JpaMilestoneRepository;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The Listen and Change use-case services (survey answers, imports, feedback, commitments, the closed loop,
 * assessments) wired by hand to the JPA repositories of one entity manager, with the model's {@link Services};
 * audit records go to the real audit table on the entity manager's connection.
 */
public record ListenServices(SurveyIngestionService surveys, ImportService imports, FeedbackService feedback,
        CommitmentService commitments, ClosedLoopService loops, AssessmentService assessments, Services model) {

    public static final SurveyReadingConversion CONVERSION = new SurveyReadingConversion(ZoneOffset.UTC, CesScale.ONE_TO_SEVEN);

    public static ListenServices of(EntityManager em, CurrentUser user, Clock clock) {
        Services model = Services.of(em, user, clock);
        DepartmentRepository departments = departments(em);
        var metrics = new JpaMetricRepository(em);
        var feedbackRepository = new JpaFeedbackRepository(em);
        RequestCorrelation correlation = new RequestCorrelation();
        correlation.adopt(RequestCorrelation.newId());
        AuditRecorder audit = new AuditRecorder(new EntityManagerAuditTrail(em), user, correlation);
        var surveys = new SurveyIngestionService(metrics, departments, new JpaSurveyResponseRepository(em), CONVERSION, user,
                clock, audit);
        var feedback = new FeedbackService(feedbackRepository, departments, user, clock, audit);
        var commitmentRepository = new JpaCommitmentRepository(em);
        return new ListenServices(surveys, new ImportService(model.ingestion(), surveys, user, audit), feedback,
                new CommitmentService(commitmentRepository, departments, new JpaMilestoneRepository(em), metrics,
                        feedbackRepository, user, clock, audit),
                new ClosedLoopService(commitmentRepository, feedback, model.progress(), new JpaMetricSeriesRepository(em), clock, user),
                new AssessmentService(new JpaAssessmentRepository(em), departments, user, clock, audit),
                model);
    }

    /** The department repository takes its persistence context by injection only. */
    public static DepartmentRepository departments(EntityManager em) {
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
