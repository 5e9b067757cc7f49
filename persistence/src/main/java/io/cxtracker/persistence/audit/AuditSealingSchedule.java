package io.cxtracker.persistence.audit;

import io.cxtracker.domain.audit.AuditChain;
import io.cxtracker.domain.audit.CheckpointService;
import io.cxtracker.persistence.schema.SchemaMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the sealer every {@code cx.audit.seal-interval-ms} (default 1000) and makes the day's signed
 * checkpoint, on the container's managed scheduled executor. Every node runs both: the sealer's lock lets
 * one node seal at a time (the others skip that round), and the day's checkpoint is unique in the
 * database, so a day has one however many nodes try. The schedule's state is the database, so a day
 * missed while no node ran is signed at the next start (checked every {@code cx.audit.checkpoint-check-ms},
 * default one minute).
 */
@ApplicationScoped
public class AuditSealingSchedule {
    private static final Logger LOG = Logger.getLogger(AuditSealingSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    AuditChain chain;

    @Inject
    CheckpointService checkpoints;

    @Inject
    Clock clock;

    @Inject
    SchemaMigrator schema;

    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private long checkEvery;
    private long nextCheck;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long sealEvery = setting("cx.audit.seal-interval-ms", 1000);
        checkEvery = setting("cx.audit.checkpoint-check-ms", 60_000);
        nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5_000);
        // One short task, not one per job: a cancelled task stays in the container's queue (and keeps the
        // undeployed WAR's class loader) until its delay ends, so the delay is the sealer's second, not the
        // checkpoint's minute (scripts/redeploy-leak-check.sh).
        tasks.add(executor.scheduleWithFixedDelay(this::round, sealEvery, sealEvery, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
    }

    void round() {
        seal();
        if (System.nanoTime() - nextCheck >= 0) {
            nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(checkEvery);
            dailyCheckpoint();
        }
    }

    void seal() {
        try {
            if (schema.migrateIfNeeded().isPresent()) {
                return; // no schema yet (the database is not reachable): nothing to seal
            }
            chain.sealPending();
        } catch (RuntimeException e) {
            // the next round tries again; an undeployment mid-round lands here too
            LOG.log(Level.WARNING, "sealing the audit trail failed; retrying in the next round", e);
        }
    }

    void dailyCheckpoint() {
        try {
            if (schema.migrateIfNeeded().isPresent()) {
                return;
            }
            checkpoints.daily(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the daily audit checkpoint failed; retrying later", e);
        }
    }

    private static long setting(String name, long fallback) {
        return ConfigProvider.getConfig().getOptionalValue(name, Long.class).filter(v -> v > 0).orElse(fallback);
    }
}
