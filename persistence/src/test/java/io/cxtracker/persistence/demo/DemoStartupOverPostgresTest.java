package io.cxtracker.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.demo.DemoParameters;
import io.cxtracker.persistence.approval.JpaApprovalRequestRepository;
import io.cxtracker.persistence.assessment.JpaAssessmentRepository;
import io.cxtracker.persistence.commitment.JpaCommitmentRepository;
import io.cxtracker.persistence.feedback.JpaFeedbackRepository;
import io.cxtracker.persistence.initiative.JpaInitiativeRepository;
import io.cxtracker.persistence.listen.JpaSurveyResponseRepository;
import io.cxtracker.persistence.metric.JpaMetricRepository;
import io.cxtracker.persistence.metric.JpaReadingRepository;
import io.cxtracker.persistence.milestone.JpaMilestoneRepository;
import io.cxtracker.persistence.program.JpaProgramRepository;
import io.cxtracker.persistence.schema.SchemaMigrator;
import io.cxtracker.persistence.support.DemoWiring;
import io.cxtracker.persistence.support.EntityManagerAuditTrail;
import io.cxtracker.persistence.support.ListenServices;
import io.cxtracker.persistence.support.TestDatabase;
import io.cxtracker.persistence.targets.JpaTargetRepository;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.Test;

/**
 * DemoStartup as two nodes run it against one real PostgreSQL (a database of this test's own, so that no other
 * test's demo is found): both start at once, the advisory lock lets one load while the other waits, and the other
 * then finds the program instead of loading a second one (by the identity its load recorded, not by name); readiness
 * is DOWN while the load runs and UP after; a
 * node started three days later tops the demo up with exactly the missing days and reports it. Each node is wired
 * as WildFly wires it — the same use-case services over JPA repositories, each unit of work in a transaction of its
 * own — with the test's clock; its start-up work runs on the test's threads instead of the managed executor.
 */
class DemoStartupOverPostgresTest {
    /** The day the demo is first loaded: a fixed day, so the test does not depend on when it runs. */
    private static final LocalDate LOAD_DAY = LocalDate.of(2026, 6, 15);

    /** The health API's responses without a server: a plain builder (WildFly brings SmallRye Health's). */
    private static final class PlainResponses extends HealthCheckResponseBuilder {
        private String name;
        private boolean up;
        private final Map<String, Object> data = new LinkedHashMap<>();

        @Override
        public HealthCheckResponseBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, String value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, long value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, boolean value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder up() {
            return status(true);
        }

        @Override
        public HealthCheckResponseBuilder down() {
            return status(false);
        }

        @Override
        public HealthCheckResponseBuilder status(boolean up) {
            this.up = up;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.copyOf(data)));
        }
    }

    @Test
    void twoNodesStartingTogetherLoadOneDemoAndALaterStartTopsItUp() throws Exception {
        HealthCheckResponse.setResponseProvider(PlainResponses::new);
        try (TestDatabase db = TestDatabase.start()) {
            DemoStartup first = node(db, LOAD_DAY);
            DemoStartup second = node(db, LOAD_DAY);
            DemoReadinessCheck readiness = new DemoReadinessCheck();
            readiness.demo = first;
            DemoReadinessCheck otherReadiness = new DemoReadinessCheck();
            otherReadiness.demo = second;

            // what readiness said while the nodes worked: sampled every few milliseconds
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicBoolean done = new AtomicBoolean();
            // threads of their own: the common pool may have one worker on a small machine, and the nodes must overlap
            ExecutorService threads = Executors.newFixedThreadPool(3);
            CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
                while (!done.get()) {
                    for (DemoReadinessCheck check : new DemoReadinessCheck[] {readiness, otherReadiness}) {
                        HealthCheckResponse answer = check.call();
                        DemoStartup.State state = check.demo.state();
                        seen.add(state + "=" + answer.getStatus());
                    }
                    sleep(5);
                }
            }, threads);
            CompletableFuture<Void> a = CompletableFuture.runAsync(first::load, threads);
            CompletableFuture<Void> b = CompletableFuture.runAsync(second::load, threads);
            CompletableFuture.allOf(a, b).get(5, java.util.concurrent.TimeUnit.MINUTES);
            done.set(true);
            sampler.get(10, java.util.concurrent.TimeUnit.SECONDS);
            threads.shutdown();

            String programName = DemoParameters.demo(LOAD_DAY).programName();
            assertEquals(1, db.number("SELECT count(*) FROM program WHERE name = '" + programName.replace("'", "''") + "'"),
                    "one demo program, not one per node");
            assertEquals(EnumSet.of(DemoStartup.State.LOADED, DemoStartup.State.FOUND), EnumSet.of(first.state(), second.state()),
                    first.detail() + " / " + second.detail());
            DemoStartup finder = first.state() == DemoStartup.State.FOUND ? first : second;
            assertTrue(finder.detail().contains("loaded already") && finder.detail().contains("current"), finder.detail());
            assertTrue(seen.contains("LOADING=DOWN"), "readiness was never seen DOWN during the load: " + seen);
            assertFalse(seen.stream().anyMatch(s -> (s.startsWith("LOADING") || s.startsWith("WAITING")) && s.endsWith("=UP")),
                    "readiness said UP while a node was busy: " + seen);
            assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
            assertEquals(HealthCheckResponse.Status.UP, otherReadiness.call().getStatus());
            DemoHistory history = new DemoHistory(dataSource(db));
            assertEquals(Optional.of(LOAD_DAY.minusDays(1)), history.latestDataDay());
            long readings = db.number("SELECT count(*) FROM reading");
            long programs = db.number("SELECT count(*) FROM program");

            // three days later: the days LOAD_DAY … LOAD_DAY + 2 are added, nothing else is created
            DemoStartup later = node(db, LOAD_DAY.plusDays(3));
            later.load();
            assertEquals(DemoStartup.State.FOUND, later.state(), later.detail());
            assertTrue(later.detail().contains("topped up " + LOAD_DAY + " to " + LOAD_DAY.plusDays(2)), later.detail());
            assertTrue(later.detail().contains("0 rejected"), later.detail());
            assertEquals(Optional.of(LOAD_DAY.plusDays(2)), history.latestDataDay());
            assertTrue(db.number("SELECT count(*) FROM reading") > readings, "the top-up stored readings");
            assertEquals(programs, db.number("SELECT count(*) FROM program"));

            // and a node started again on that day finds nothing to do
            DemoStartup again = node(db, LOAD_DAY.plusDays(3));
            long afterTopUp = db.number("SELECT count(*) FROM reading");
            again.load();
            assertEquals(DemoStartup.State.FOUND, again.state(), again.detail());
            assertTrue(again.detail().contains("current"), again.detail());
            assertEquals(afterTopUp, db.number("SELECT count(*) FROM reading"));
        }
    }

    @Test
    void aFirstLoadIn2031IsAProgramFromThatYearAndARestartAYearLaterTopsItUpWithoutASecondProgram() {
        LocalDate firstLoad = LocalDate.of(2031, 4, 1);
        try (TestDatabase db = TestDatabase.start()) {
            DemoStartup first = node(db, firstLoad);
            first.load();

            assertEquals(DemoStartup.State.LOADED, first.state(), first.detail());
            // 2031-04-01 − 90 days = 2031-01-01: the program starts that year and runs three whole years
            assertEquals(1, db.number("SELECT count(*) FROM program"));
            assertEquals(1, db.number("SELECT count(*) FROM program WHERE name = 'CX Transformation 2031–2033' "
                    + "AND start_date = DATE '2031-01-01'"));
            assertEquals(1, db.number("SELECT count(*) FROM audit_record WHERE entity_type = 'program' AND action = 'create' "
                    + "AND request_id = 'demo-load:demo:" + DemoParameters.DEFAULT_SEED + ":2031-04-01'"),
                    "the load's identity and first-load day are on record");
            DemoHistory history = new DemoHistory(dataSource(db));
            assertEquals(Optional.of(LocalDate.of(2031, 3, 31)), history.latestDataDay());

            // a year later the calendar year differs (a name with years would not match a fresh plan's): found, topped up
            DemoStartup yearLater = node(db, firstLoad.plusYears(1));
            yearLater.load();

            assertEquals(DemoStartup.State.FOUND, yearLater.state(), yearLater.detail());
            assertTrue(yearLater.detail().contains("first loaded on 2031-04-01"), yearLater.detail());
            assertTrue(yearLater.detail().contains("topped up 2031-04-01 to 2032-03-31"), yearLater.detail());
            assertTrue(yearLater.detail().contains("0 rejected"), yearLater.detail());
            assertEquals(1, db.number("SELECT count(*) FROM program"), "no second program");
            assertEquals(Optional.of(LocalDate.of(2032, 3, 31)), history.latestDataDay());
        }
    }

    /** A node whose clock reads noon of the given day and ticks from there. */
    private static DemoStartup node(TestDatabase db, LocalDate today) {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(),
                today.atTime(12, 0).toInstant(ZoneOffset.UTC)));
        ThreadLocal<EntityManager> current = new ThreadLocal<>();
        EntityManager em = DemoWiring.threadBound(current);
        DemoStartup node = new DemoStartup();
        node.dataSource = dataSource(db);
        node.executor = null;
        node.migrator = new SchemaMigrator() {
            @Override
            public synchronized Optional<String> migrateIfNeeded() {
                return Optional.empty(); // TestDatabase migrated the schema
            }
        };
        node.transactions = new DemoTransactions() {
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
        node.clock = clock;
        node.auditTrail = new EntityManagerAuditTrail(em);
        node.conversion = ListenServices.CONVERSION;
        node.departments = ListenServices.departments(em);
        node.programs = new JpaProgramRepository(em);
        node.initiatives = new JpaInitiativeRepository(em);
        node.metrics = new JpaMetricRepository(em);
        node.targets = new JpaTargetRepository(em);
        node.approvals = new JpaApprovalRequestRepository(em);
        node.milestones = new JpaMilestoneRepository(em);
        node.readings = new JpaReadingRepository(em);
        node.surveyResponses = new JpaSurveyResponseRepository(em);
        node.feedback = new JpaFeedbackRepository(em);
        node.commitments = new JpaCommitmentRepository(em);
        node.assessments = new JpaAssessmentRepository(em);
        return node;
    }

    /** The runtime role's connections, as WildFly's datasource gives them. */
    private static DataSource dataSource(TestDatabase db) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return db.connect();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
