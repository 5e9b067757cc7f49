package io.cxtracker.demo;

import io.cxtracker.domain.commitment.CommitmentRevision;
import io.cxtracker.domain.commitment.CommitmentView;
import io.cxtracker.domain.commitment.NewCommitment;
import io.cxtracker.demo.DemoPlan.AssessmentSpec;
import io.cxtracker.demo.DemoPlan.CheckInSpec;
import io.cxtracker.demo.DemoPlan.CommitmentSpec;
import io.cxtracker.demo.DemoPlan.DepartmentSpec;
import io.cxtracker.demo.DemoPlan.InitiativeSpec;
import io.cxtracker.demo.DemoPlan.MetricSpec;
import io.cxtracker.demo.DemoPlan.MilestoneSpec;
import io.cxtracker.demo.DemoPlan.Move;
import io.cxtracker.demo.DemoPlan.SeriesSpec;
import io.cxtracker.demo.DemoPlan.TargetSpec;
import io.cxtracker.domain.assessment.NewAssessment;
import io.cxtracker.domain.department.NewDepartment;
import io.cxtracker.domain.feedback.NewFeedback;
import io.cxtracker.domain.initiative.NewInitiative;
import io.cxtracker.domain.listen.BatchReport;
import io.cxtracker.domain.listen.NewSurveyResponse;
import io.cxtracker.domain.metric.IngestionReport;
import io.cxtracker.domain.metric.MetricSummary;
import io.cxtracker.domain.metric.NewMetric;
import io.cxtracker.domain.metric.NewReading;
import io.cxtracker.domain.metric.ReportingFrequency;
import io.cxtracker.domain.milestone.MilestoneView;
import io.cxtracker.domain.milestone.NewCheckIn;
import io.cxtracker.domain.milestone.NewMilestone;
import io.cxtracker.domain.program.NewProgram;
import io.cxtracker.domain.program.ProgramSummary;
import io.cxtracker.domain.targets.NewTarget;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Loads a {@link DemoPlan} through the use-case services, as the people of the demo would have entered it:
 * the program admin sets up departments, program, metrics, initiatives, targets and milestones; the
 * ingestion service account pushes survey answers, readings and feedback; each department's lead checks
 * in, commits and self-assesses for their own department, at the time the plan says. Work is split into
 * transactions of a few thousand rows. Departments and metrics that exist already are reused.
 */
public final class DemoLoader {
    static final int SURVEY_BATCH = 9_000;
    static final int READING_BATCH = 5_000;
    static final int FEEDBACK_BATCH = 5_000;
    static final int MILESTONES_PER_TRANSACTION = 50;

    private final DemoServices services;
    private final DemoActor actor;
    private final DemoClock clock;
    private final Consumer<String> progress;

    /** What was loaded, and how long each step took. */
    public record Summary(long programId, int departments, int initiatives, int milestones, int checkIns, int targets,
            long surveyResponses, long readings, long feedback, int commitments, int assessments, long rejected,
            Map<String, Duration> steps) {
    }

    /**
     * What a top-up stored: the days it covered and the rows the services accepted. Rows sent before (the
     * same idempotency keys) count as duplicates and are not stored again.
     */
    public record TopUp(LocalDate from, LocalDate to, long surveyResponses, long readings, long feedback, long duplicates,
            long rejected) {

        /** Whether nothing new was stored. */
        public boolean storedNothing() {
            return surveyResponses == 0 && readings == 0 && feedback == 0;
        }
    }

    public DemoLoader(DemoServices services, DemoActor actor, DemoClock clock, Consumer<String> progress) {
        this.services = services;
        this.actor = actor;
        this.clock = clock;
        this.progress = progress;
    }

    public Summary load(DemoPlan plan) {
        Map<String, Duration> steps = new LinkedHashMap<>();
        long[] counters = new long[5]; // survey responses, readings, feedback, rejected, duplicates
        DemoData data = new DemoData(plan);
        LocalDate first = plan.parameters().programStart();
        LocalDate last = plan.parameters().lastDataDay();

        long programId = timed(steps, "set-up", () -> setUp(plan));
        List<Long> initiativeIds = timed(steps, "initiatives", () -> initiatives(plan, programId));
        timed(steps, "metric data", () -> {
            metricData(plan, data, first, last, counters);
            return null;
        });
        timed(steps, "feedback", () -> {
            feedback(data, first, last, counters);
            return null;
        });
        List<Long> targetIds = timed(steps, "targets", () -> targets(plan, programId));
        int[] checkIns = new int[1];
        List<Long> milestoneIds = timed(steps, "milestones", () -> milestones(plan, initiativeIds, targetIds, checkIns));
        int commitments = timed(steps, "commitments", () -> commitments(plan, milestoneIds));
        int assessments = timed(steps, "assessments", () -> assessments(plan));
        clock.useRealTime();
        actor.becomeAdmin();
        return new Summary(programId, plan.departments().size(), initiativeIds.size(), milestoneIds.size(), checkIns[0],
                targetIds.size(), counters[0], counters[1], counters[2], commitments, assessments, counters[3], steps);
    }

    /**
     * Tops up a demo loaded earlier with the daily data (survey answers, readings, feedback) of the days from
     * {@code from} to {@code to}, as the ingestion service account, through the same idempotent ingestion as
     * the load: a day sent twice stores nothing the second time. {@code plan} must be the plan the demo was
     * loaded from (generated with the same parameters as of the day it was loaded): its live series carry on
     * (see {@link DemoPlan#continuedTo}). Days after the program's end are left out.
     */
    public TopUp topUp(DemoPlan plan, LocalDate from, LocalDate to) {
        DemoPlan continued = plan.continuedTo(to);
        LocalDate last = to.isAfter(continued.parameters().lastDataDay()) ? continued.parameters().lastDataDay() : to;
        long[] counters = new long[5];
        if (!from.isAfter(last)) {
            DemoData data = new DemoData(continued);
            progress.accept("top-up " + from + " to " + last);
            metricData(continued, data, from, last, counters);
            feedback(data, from, last, counters);
        }
        clock.useRealTime();
        actor.becomeAdmin();
        return new TopUp(from, last, counters[0], counters[1], counters[2], counters[4], counters[3]);
    }

    private <T> T timed(Map<String, Duration> steps, String step, java.util.function.Supplier<T> work) {
        progress.accept(step);
        long started = System.nanoTime();
        T result = work.get();
        steps.put(step, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    private <T> T tx(java.util.function.Supplier<T> work) {
        return services.transactions().inTransaction(work);
    }

    private long setUp(DemoPlan plan) {
        clock.useRealTime();
        actor.becomeAdmin();
        return tx(() -> {
            for (DepartmentSpec d : plan.departments()) {
                if (services.departments().find(d.code()).isEmpty()) {
                    services.departments().register(new NewDepartment(d.code(), d.name(), d.parentCode()));
                }
            }
            Set<String> metricKeys = new HashSet<>();
            services.metricSetup().metrics().stream().map(MetricSummary::key).forEach(metricKeys::add);
            for (MetricSpec m : plan.metrics()) {
                if (!metricKeys.contains(m.key())) {
                    services.metricSetup().defineMetric(new NewMetric(m.key(), m.name(), m.unit(), m.kind(), m.direction(), m.owner(),
                            ReportingFrequency.DAILY));
                }
            }
            ProgramSummary program = services.setup().createProgram(
                    new NewProgram(plan.programName(), plan.parameters().programStart(), plan.phases()));
            return program.id();
        });
    }

    private List<Long> initiatives(DemoPlan plan, long programId) {
        actor.becomeAdmin();
        return tx(() -> {
            List<Long> ids = new ArrayList<>();
            for (InitiativeSpec i : plan.initiatives()) {
                ids.add(services.setup().createInitiative(new NewInitiative(programId, i.phaseNumber(), i.pillar(), i.title(),
                        i.description(), i.accountable(), i.raci())).id());
            }
            return ids;
        });
    }

    /** The series' data of the days from first to last, in batches, day by day. */
    private void metricData(DemoPlan plan, DemoData data, LocalDate first, LocalDate last, long[] counters) {
        clock.useRealTime();
        actor.becomeIngestClient();
        boolean asResponses = plan.parameters().surveysAsResponses();
        List<NewSurveyResponse> responses = new ArrayList<>(SURVEY_BATCH + 2000);
        List<NewReading> readings = new ArrayList<>(READING_BATCH);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (SeriesSpec series : plan.series()) {
                if (!data.hasData(series, day)) {
                    continue;
                }
                if (asResponses && data.isSurvey(series)) {
                    responses.addAll(data.surveyResponses(series, day));
                    if (responses.size() >= SURVEY_BATCH) {
                        flushResponses(responses, counters);
                    }
                } else {
                    NewReading reading = data.reading(series, day);
                    if (reading != null) {
                        readings.add(reading);
                        if (readings.size() >= READING_BATCH) {
                            flushReadings(readings, counters);
                        }
                    }
                }
            }
        }
        flushResponses(responses, counters);
        flushReadings(readings, counters);
    }

    private void flushResponses(List<NewSurveyResponse> responses, long[] counters) {
        if (responses.isEmpty()) {
            return;
        }
        BatchReport report = tx(() -> services.surveys().ingest(List.copyOf(responses)));
        counters[0] += report.accepted();
        counters[3] += report.rejected();
        counters[4] += report.duplicates();
        if (report.rejected() > 0) {
            progress.accept("survey answers rejected: " + report.items().stream()
                    .filter(o -> !o.reasons().isEmpty()).findFirst().map(o -> o.reasons().toString()).orElse(""));
        }
        responses.clear();
    }

    private void flushReadings(List<NewReading> readings, long[] counters) {
        if (readings.isEmpty()) {
            return;
        }
        IngestionReport report = tx(() -> services.readings().ingest(List.copyOf(readings)));
        counters[1] += report.accepted();
        counters[3] += report.rejected();
        counters[4] += report.duplicates();
        if (report.rejected() > 0) {
            progress.accept("readings rejected: " + report.items().stream()
                    .filter(o -> !o.reasons().isEmpty()).findFirst().map(o -> o.reasons().toString()).orElse(""));
        }
        readings.clear();
    }

    private void feedback(DemoData data, LocalDate first, LocalDate last, long[] counters) {
        clock.useRealTime();
        actor.becomeIngestClient();
        List<NewFeedback> items = new ArrayList<>(FEEDBACK_BATCH + 500);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            items.addAll(data.feedback(day));
            if (items.size() >= FEEDBACK_BATCH) {
                flushFeedback(items, counters);
            }
        }
        flushFeedback(items, counters);
    }

    private void flushFeedback(List<NewFeedback> items, long[] counters) {
        if (items.isEmpty()) {
            return;
        }
        BatchReport report = tx(() -> services.feedback().ingest(List.copyOf(items)));
        counters[2] += report.accepted();
        counters[3] += report.rejected();
        counters[4] += report.duplicates();
        items.clear();
    }

    private List<Long> targets(DemoPlan plan, long programId) {
        clock.useRealTime();
        actor.becomeAdmin();
        return tx(() -> {
            List<Long> ids = new ArrayList<>();
            for (TargetSpec t : plan.targets()) {
                ids.add(services.targetSetup().setTarget(new NewTarget(t.metricKey(), t.departmentCode(), t.baseline(),
                        t.targetValue(), t.due(), null, null, t.amberTolerance(), t.windowDays())).id());
            }
            return ids;
        });
    }

    private List<Long> milestones(DemoPlan plan, List<Long> initiativeIds, List<Long> targetIds, int[] checkIns) {
        List<Long> ids = new ArrayList<>();
        List<MilestoneSpec> all = plan.milestones();
        for (int from = 0; from < all.size(); from += MILESTONES_PER_TRANSACTION) {
            List<MilestoneSpec> chunk = all.subList(from, Math.min(all.size(), from + MILESTONES_PER_TRANSACTION));
            ids.addAll(tx(() -> {
                List<Long> created = new ArrayList<>();
                for (MilestoneSpec m : chunk) {
                    clock.useRealTime();
                    actor.becomeAdmin();
                    MilestoneView view = services.milestones().create(new NewMilestone(initiativeIds.get(m.initiative()),
                            m.title(), m.description(), m.ownerDepartment(), m.ownerPerson(), m.due(), m.evidence(), null));
                    for (int t : m.targets()) {
                        view = services.milestones().linkTarget(view.id(), view.version(), targetIds.get(t));
                    }
                    actor.becomeLead(m.ownerPerson(), plan.departmentsLedBy(m.ownerPerson()));
                    for (CheckInSpec c : m.checkIns()) {
                        clock.setTo(c.at());
                        view = services.milestones().checkIn(view.id(), view.version(),
                                new NewCheckIn(c.status(), c.progress(), c.comment(), List.of()));
                        checkIns[0]++;
                    }
                    created.add(view.id());
                }
                return created;
            }));
        }
        clock.useRealTime();
        return ids;
    }

    private int commitments(DemoPlan plan, List<Long> milestoneIds) {
        return tx(() -> {
            int count = 0;
            for (CommitmentSpec c : plan.commitments()) {
                actor.becomeLead(plan.leadOf(c.ownerDepartment()), plan.departmentsLedBy(plan.leadOf(c.ownerDepartment())));
                clock.setTo(c.createdAt());
                List<Long> linked = c.milestones().stream().map(milestoneIds::get).toList();
                CommitmentView view = services.commitments().create(new NewCommitment(c.theme(), c.title(), c.description(),
                        c.ownerDepartment(), c.due(), linked, c.metricKey(), "PROPOSED", null));
                for (Move move : c.moves()) {
                    clock.setTo(move.at());
                    view = services.commitments().update(view.id(), view.version(), new CommitmentRevision(c.theme(),
                            c.title(), c.description(), c.ownerDepartment(), c.due(), linked, c.metricKey(), move.state(),
                            move.reason()));
                }
                count++;
            }
            clock.useRealTime();
            return count;
        });
    }

    private int assessments(DemoPlan plan) {
        return tx(() -> {
            int count = 0;
            for (AssessmentSpec a : plan.assessments()) {
                actor.becomeLead(a.assessor(), plan.departmentsLedBy(a.assessor()));
                clock.setTo(a.assessedOn().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(16)));
                services.assessments().record(new NewAssessment(a.departmentCode(), a.assessedOn(), a.answers(), a.notes()));
                count++;
            }
            clock.useRealTime();
            return count;
        });
    }

    /** The id of the program with the plan's name, if one was loaded before. */
    public static Optional<Long> existingProgram(DemoServices services, String programName) {
        return services.setup().programs().stream().filter(p -> p.name().equals(programName)).map(ProgramSummary::id)
                .findFirst();
    }
}
