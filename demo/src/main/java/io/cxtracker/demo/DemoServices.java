package io.cxtracker.demo;

import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.assessment.AssessmentService;
import io.cxtracker.domain.commitment.CommitmentService;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.listen.SurveyIngestionService;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.setup.ProgramSetupService;
import java.util.function.Supplier;

/**
 * The use-case services the demo is loaded through, all acting as the loader's {@link DemoActor} at the
 * time of its {@link DemoClock}, and how to run a unit of work in a transaction of its own.
 */
public record DemoServices(DepartmentService departments, ProgramSetupService setup, MetricSetupService metricSetup,
        TargetSetupService targetSetup, MilestoneService milestones,
        ReadingIngestionService readings, SurveyIngestionService surveys, FeedbackService feedback,
        CommitmentService commitments, AssessmentService assessments, Transactions transactions) {

    /** Runs work in a new transaction, committed when it returns. */
    @FunctionalInterface
    public interface Transactions {
        <T> T inTransaction(Supplier<T> work);
    }
}
