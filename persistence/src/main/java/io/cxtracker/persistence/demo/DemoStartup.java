package io.cxtracker.persistence.demo;

import io.cxtracker.domain.alert.AlertChannel;
import io.cxtracker.domain.alert.AlertEvaluation;
import io.cxtracker.domain.alert.AlertEvaluationService;
import io.cxtracker.domain.alert.AlertFrequency;
import io.cxtracker.domain.alert.AlertKind;
import io.cxtracker.domain.alert.AlertPreference;
import io.cxtracker.domain.alert.AlertPreferenceRepository;
import io.cxtracker.domain.targets.TargetSetupService;
import io.cxtracker.domain.metric.MetricSetupService;
import io.cxtracker.domain.assessment.AssessmentRepository;
import io.cxtracker.domain.assessment.AssessmentService;
import io.cxtracker.domain.audit.AuditRecorder;
import io.cxtracker.domain.audit.AuditTrail;
import io.cxtracker.domain.audit.RequestCorrelation;
import io.cxtracker.domain.commitment.CommitmentRepository;
import io.cxtracker.domain.commitment.CommitmentService;
import io.cxtracker.demo.DemoActor;
import io.cxtracker.demo.DemoClock;
import io.cxtracker.demo.DemoGenerator;
import io.cxtracker.demo.DemoLoader;
import io.cxtracker.demo.DemoParameters;
import io.cxtracker.demo.DemoPlan;
import io.cxtracker.demo.DemoServices;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.department.DepartmentService;
import io.cxtracker.domain.feedback.FeedbackRepository;
import io.cxtracker.domain.feedback.FeedbackService;
import io.cxtracker.domain.initiative.InitiativeRepository;
import io.cxtracker.domain.listen.SurveyIngestionService;
import io.cxtracker.domain.listen.SurveyReadingConversion;
import io.cxtracker.domain.listen.SurveyResponseRepository;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.metric.ReadingIngestionService;
import io.cxtracker.domain.metric.ReadingRepository;
import io.cxtracker.domain.milestone.ApprovalRequestRepository;
import io.cxtracker.domain.milestone.MilestoneRepository;
import io.cxtracker.domain.milestone.MilestoneService;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.setup.ProgramSetupService;
import io.cxtracker.domain.targets.TargetRepository;
import io.cxtracker.persistence.schema.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Loads the demo program on the first start when {@code cx.demo.load=true} (environment {@code CX_DEMO_LOAD}),
 * in the background, through the use-case services, as the demo realm's people (see {@link DemoLoader}).
 * Never twice: the load records its identity — profile, seed and the app's day of the first load — as the request id of
 * its audit records ({@link #loadId}), and a later start that finds a program created under that identity loads
 * nothing, whatever year it is (a name holds the program's years, so it is no identity). The program, its phases and
 * its data are relative to that first-load day, so a demo found on a later start is topped up: the days from its
 * latest data day to yesterday are generated from the same plan (same seed, day by day) and ingested idempotently, so that
 * the dashboards keep showing recent readings instead of turning "no data" after a month. Several nodes
 * starting together take a PostgreSQL advisory lock, so one loads or tops up and the others then find its
 * work done. Readiness reports DOWN while it loads or tops up ({@link DemoReadinessCheck}).
 *
 * <p>Settings: {@code cx.demo.profile} {@code demo} (default: a three-year program from the January of the first
 * load, e.g. "CX Transformation 2026–2028", ten departments) or {@code benchmark} (50 departments, 2,000 milestones, 3 years of daily readings for 200
 * series); {@code cx.demo.seed} (default {@value DemoParameters#DEFAULT_SEED}).
 */
@ApplicationScoped
public class DemoStartup {
    private static final Logger LOG = Logger.getLogger(DemoStartup.class.getName());
    /** The advisory lock key the loading node holds ("cx-demo"). */
    static final long LOCK_KEY = 0x63782d64656d6fL;

    public enum State { OFF, WAITING, LOADING, LOADED, TOPPING_UP, FOUND, FAILED }

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SchemaMigrator migrator;

    /** Runs the alert rules once the demo is in, so its first sign-in finds a lead's inbox and the exec's digest. */
    @Inject
    AlertEvaluationService alerts;

    /** The demo people's alert e-mail choices, stored before the first evaluation so it mails them. */
    @Inject
    AlertPreferenceRepository alertPreferences;

    @Inject
    DemoTransactions transactions;

    @Inject
    Clock clock;

    @Inject
    AuditTrail auditTrail;

    @Inject
    SurveyReadingConversion conversion;

    @Inject
    DepartmentRepository departments;

    @Inject
    ProgramRepository programs;

    @Inject
    InitiativeRepository initiatives;

    @Inject
    MetricRepository metrics;

    @Inject
    TargetRepository targets;

    @Inject
    ApprovalRequestRepository approvals;

    @Inject
    MilestoneRepository milestones;

    @Inject
    ReadingRepository readings;

    @Inject
    SurveyResponseRepository surveyResponses;

    @Inject
    FeedbackRepository feedback;

    @Inject
    CommitmentRepository commitments;

    @Inject
    AssessmentRepository assessments;

    private volatile State state = State.OFF;
    private volatile String detail = "cx.demo.load is not true";

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!setting("cx.demo.load", "false").equalsIgnoreCase("true")) {
            return;
        }
        state = State.WAITING;
        detail = "waiting for the database";
        if (executor == null) {
            load();
        } else {
            executor.submit(this::load);
        }
    }

    public State state() {
        return state;
    }

    /** The step being loaded, what was loaded, or why it failed. */
    public String detail() {
        return detail;
    }

    void load() {
        try {
            waitForSchema();
            try (Connection lock = dataSource.getConnection()) {
                execute(lock, "SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                try {
                    loadUnlessPresent();
                } finally {
                    execute(lock, "SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (Exception | Error e) {
            state = State.FAILED;
            detail = "the demo program could not be loaded: " + e;
            LOG.log(Level.SEVERE, "The demo program could not be loaded; the application runs without it", e);
        }
    }

    private void waitForSchema() throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            if (migrator.migrateIfNeeded().isEmpty()) {
                return;
            }
            if (attempt >= 120) {
                throw new IllegalStateException("the schema is still not migrated after 10 minutes");
            }
            Thread.sleep(5_000);
        }
    }

    private void loadUnlessPresent() {
        LocalDate today = LocalDate.now(clock);
        DemoHistory history = new DemoHistory(dataSource);
        String identity = identity();
        Optional<DemoHistory.Loaded> existing = history.loadedProgram(identity).or(() -> legacyProgram(history));
        DemoActor actor = new DemoActor();
        DemoClock demoClock = new DemoClock(clock);
        if (existing.isPresent()) {
            DemoParameters parameters = parameters(existing.get().firstLoad());
            DemoServices services = services(actor, demoClock, loadId(identity, existing.get().firstLoad()));
            String found = "\"" + parameters.programName() + "\" is loaded already (program " + existing.get().programId()
                    + ", first loaded on " + existing.get().firstLoad() + ")";
            String toppedUp = topUpIfBehind(existing.get().firstLoad(), history, services, actor, demoClock);
            state = State.FOUND;
            detail = found + "; " + toppedUp;
            LOG.info(() -> "Demo: " + detail);
            return;
        }
        DemoParameters parameters = parameters(today);
        DemoServices services = services(actor, demoClock, loadId(identity, today));
        state = State.LOADING;
        long started = System.nanoTime();
        DemoPlan plan = DemoGenerator.generate(parameters);
        LOG.info(() -> "Demo: loading \"" + plan.programName() + "\" (" + plan.departments().size() + " departments, "
                + plan.milestones().size() + " milestones, " + plan.series().size() + " daily series)");
        DemoLoader.Summary summary = new DemoLoader(services, actor, demoClock, step -> {
            detail = "loading: " + step;
            LOG.info(() -> "Demo: " + step);
        }).load(plan);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        state = State.LOADED;
        detail = "loaded \"" + plan.programName() + "\" in " + took.toMillis() + " ms: " + summary;
        LOG.info(() -> "Demo: " + detail);
        if (alertPreferences != null) {
            choosePreferences();
        }
        if (alerts != null) {
            AlertEvaluation raised = alerts.evaluate();
            LOG.info(() -> "Demo: alert rules ran over the demo: " + raised);
        }
    }

    /**
     * What two demo people chose on their preferences page, so that the first start mails something real to the local
     * mail server: support's lead hears of check-ins due and overdue milestones at once and of milestones due soon in
     * the next morning's digest; the executive gets the weekly digest and approval requests by e-mail.
     */
    private void choosePreferences() {
        alertPreferences.store("lead-support", List.of(
                new AlertPreference(AlertKind.CHECK_IN_DUE, AlertChannel.EMAIL, AlertFrequency.IMMEDIATE),
                new AlertPreference(AlertKind.OVERDUE, AlertChannel.EMAIL, AlertFrequency.IMMEDIATE),
                new AlertPreference(AlertKind.DUE_SOON, AlertChannel.EMAIL, AlertFrequency.DAILY)));
        alertPreferences.store("exec", List.of(
                new AlertPreference(AlertKind.WEEKLY_DIGEST, AlertChannel.EMAIL, AlertFrequency.IMMEDIATE),
                new AlertPreference(AlertKind.APPROVAL_WAITING, AlertChannel.EMAIL, AlertFrequency.IMMEDIATE)));
        LOG.info("Demo: lead-support and exec chose alert e-mails (README \"Reminders and alerts\")");
    }

    /** The profile and seed this node loads: {@code demo-load:demo:20260101}. */
    private static String identity() {
        return "demo-load:" + profile() + ":" + parameters(LocalDate.EPOCH).seed();
    }

    /** The request id of a load's audit records: its identity and the app's day of the first load. */
    static String loadId(String identity, LocalDate firstLoad) {
        return identity + ":" + firstLoad;
    }

    /**
     * A program loaded before loads recorded their identity: recognised, as then, by the name its plan gives — the
     * plan of the day its creation was recorded — so that an older database is topped up instead of loaded twice.
     */
    private static Optional<DemoHistory.Loaded> legacyProgram(DemoHistory history) {
        return history.legacyPrograms().stream()
                .filter(p -> p.recordedOn() != null && parameters(p.recordedOn()).programName().equals(p.name()))
                .findFirst()
                .map(p -> new DemoHistory.Loaded(p.programId(), p.recordedOn()));
    }

    /**
     * Generates and ingests the days from the day after the demo's latest data day to yesterday (at most to the
     * program's last day), from the plan of the day the demo was first loaded. What was sent already is recognised
     * by its idempotency key, so a second node or a rerun stores nothing twice. Says what it did.
     */
    private String topUpIfBehind(LocalDate firstLoad, DemoHistory history, DemoServices services, DemoActor actor,
                                 DemoClock demoClock) {
        DemoPlan plan = DemoGenerator.generate(parameters(firstLoad));
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate until = yesterday.isAfter(plan.parameters().programEnd()) ? plan.parameters().programEnd() : yesterday;
        Optional<LocalDate> latest = history.latestDataDay();
        if (latest.isEmpty() || !latest.get().isBefore(until)) {
            return "its data is current (latest day " + latest.map(LocalDate::toString).orElse("none")
                    + (until.isBefore(yesterday) ? ", the program's last day " + until : "") + ")";
        }
        state = State.TOPPING_UP;
        detail = "topping up the days after " + latest.get();
        long started = System.nanoTime();
        DemoLoader.TopUp topUp = new DemoLoader(services, actor, demoClock, step -> LOG.info(() -> "Demo: " + step))
                .topUp(plan, latest.get().plusDays(1), until);
        return "topped up " + topUp.from() + " to " + topUp.to() + " (first loaded on " + firstLoad + ") in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms: " + topUp.surveyResponses()
                + " survey answers, " + topUp.readings() + " readings, " + topUp.feedback() + " feedback items, "
                + topUp.duplicates() + " sent before, " + topUp.rejected() + " rejected";
    }

    private static String profile() {
        return setting("cx.demo.profile", "demo").strip().toLowerCase(Locale.ROOT);
    }

    /** The parameters of the configured profile and seed for a first load on the day. */
    private static DemoParameters parameters(LocalDate today) {
        String profile = profile();
        DemoParameters parameters = switch (profile) {
            case "demo" -> DemoParameters.demo(today);
            case "benchmark" -> DemoParameters.benchmark(today);
            default -> throw new IllegalStateException("cx.demo.profile must be demo or benchmark, was '" + profile + "'");
        };
        String seed = setting("cx.demo.seed", "");
        return seed.isBlank() ? parameters : parameters.withSeed(Long.parseLong(seed.strip()));
    }

    /** The use-case services as the loader's actor sees them, at its clock's time. */
    private DemoServices services(DemoActor actor, DemoClock demoClock, String loadId) {
        RequestCorrelation correlation = new RequestCorrelation();
        correlation.adopt(loadId);
        AuditRecorder audit = new AuditRecorder(auditTrail, actor, correlation);
        return new DemoServices(
                new DepartmentService(departments, actor, audit),
                new ProgramSetupService(programs, initiatives, departments, actor, audit),
                new MetricSetupService(metrics, departments, actor, audit),
                new TargetSetupService(targets, metrics, programs, departments, actor, audit),
                new MilestoneService(milestones, initiatives, departments, targets, actor, demoClock, audit, approvals),
                new ReadingIngestionService(metrics, departments, readings, actor, demoClock, audit, conversion),
                new SurveyIngestionService(metrics, departments, surveyResponses, conversion, actor, demoClock, audit),
                new FeedbackService(feedback, departments, actor, demoClock, audit),
                new CommitmentService(commitments, departments, milestones, metrics, feedback, actor, demoClock, audit),
                new AssessmentService(assessments, departments, actor, demoClock, audit),
                transactions);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String setting(String name, String fallback) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(fallback);
        } catch (IllegalStateException noConfig) {
            return fallback;
        }
    }
}
