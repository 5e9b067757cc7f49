package io.cxtracker.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cxtracker.domain.demo.DemoActor;
import io.cxtracker.domain.demo.DemoClock;
import io.cxtracker.domain.demo.DemoGenerator;
import io.cxtracker.domain.demo.DemoLoader;
import io.cxtracker.domain.demo.DemoParameters;
import io.cxtracker.domain.demo.DemoPlan;
import io.cxtracker.persistence.support.DemoWiring;
import io.cxtracker.persistence.support.PostgresExtension;
import io.cxtracker.persistence.support.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How long loading the demo program takes, through the use-case services into a throwaway PostgreSQL
 * database: the newcomer's demo, or with {@code -Dcx.bench.profile=benchmark} the realistic scale (50
 * departments, 2,000 milestones, 3 years of daily readings for 200 series). Not part of the test suite (the
 * name does not end in Test); run it with
 * <pre>mvn -o -pl persistence test -Dtest=DemoLoadBenchmark [-Dcx.bench.profile=benchmark]</pre>
 */
@ExtendWith(PostgresExtension.class)
class DemoLoadBenchmark {

    @Test
    void load(TestDatabase db) {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        DemoParameters parameters = "benchmark".equals(System.getProperty("cx.bench.profile"))
                ? DemoParameters.benchmark(today) : DemoParameters.demo(today);
        long started = System.nanoTime();
        DemoPlan plan = DemoGenerator.generate(parameters);
        long generated = System.nanoTime();
        DemoActor actor = new DemoActor();
        DemoClock clock = new DemoClock(Clock.systemUTC());
        DemoLoader.Summary summary = new DemoLoader(DemoWiring.services(db, actor, clock), actor, clock,
                step -> System.out.println("[demo] " + step)).load(plan);
        long loaded = System.nanoTime();
        assertEquals(0, summary.rejected());
        System.out.printf("[demo] %s: plan generated in %.1f s, loaded in %.1f s%n", plan.programName(),
                (generated - started) / 1e9, (loaded - generated) / 1e9);
        System.out.println("[demo] " + summary);
        System.out.println("[demo] rows: reading " + db.number("SELECT count(*) FROM reading") + ", survey_response "
                + db.number("SELECT count(*) FROM survey_response") + ", feedback " + db.number("SELECT count(*) FROM feedback")
                + ", milestone " + db.number("SELECT count(*) FROM milestone") + ", check_in "
                + db.number("SELECT count(*) FROM check_in") + ", audit_record " + db.number("SELECT count(*) FROM audit_record"));
    }
}
