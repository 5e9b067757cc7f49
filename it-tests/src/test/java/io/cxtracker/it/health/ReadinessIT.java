package io.cxtracker.it.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.it.support.Database;
import io.cxtracker.it.support.Deployments;
import io.cxtracker.it.support.HttpJson;
import io.cxtracker.it.support.ThrowawayDatabase;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness follows the database: DOWN while it refuses connections, UP again when it is back. Meanwhile the API
 * answers a 503 problem at once (no hang, no 500, nothing of the database quoted), so that a balancer and clients
 * retry later (README "Scaling out", bench/faults.sh for the same on two nodes).
 */
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

    private final HttpJson management = new HttpJson(System.getProperty("cx.it.management.url", "http://127.0.0.1:10190"));
    private final HttpJson admin = HttpJson.asProgramAdmin();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.realWar();
    }

    @Test
    void readyIsDownWhileTheDatabaseIsUnreachable() throws Exception {
        var up = readiness(200, Duration.ofSeconds(30));
        assertEquals(200, up.status(), up::toString);
        assertTrue(up.body().contains("\"database\""), up::toString);

        String db = databaseName();
        try {
            // Superusers too are refused by allow_connections=false; existing sessions are cut.
            Database.executeAdmin("alter database " + db + " allow_connections false");
            Database.executeAdmin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + db + "'");

            var down = readiness(503, Duration.ofSeconds(15));
            assertEquals(503, down.status(), down::toString);
            assertTrue(down.body().contains("DOWN"), down::toString);

            long started = System.nanoTime();
            var refused = admin.get("/api/milestones?limit=5");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, refused.status(), refused::toString);
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused::toString);
            assertTrue(refused.body().contains("/database-unavailable"), refused::toString);
            assertEquals("5", refused.header("Retry-After"), refused::toString);
            assertTrue(millis < 5_000, "the 503 took " + millis + " ms");
            assertTrue(!refused.body().contains("Exception") && !refused.body().contains(db), refused::toString);
        } finally {
            Database.executeAdmin("alter database " + db + " allow_connections true");
        }
        // the pool reconnects at its own pace: UP again within the deadline, not necessarily at the first probe
        var back = readiness(200, Duration.ofSeconds(30));
        assertEquals(200, back.status(), back::toString);
    }

    /** Asks until readiness answers the status or the deadline passes; the last answer either way. */
    private HttpJson.Reply readiness(int status, Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        var reply = management.get("/health/ready");
        while (reply.status() != status && System.nanoTime() < until) {
            Thread.sleep(200);
            reply = management.get("/health/ready");
        }
        return reply;
    }

    private static String databaseName() {
        String url = System.getProperty(ThrowawayDatabase.URL);
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
