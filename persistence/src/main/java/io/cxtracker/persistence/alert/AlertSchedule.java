package io.cxtracker.persistence.alert;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.cxtracker.domain.alert.AlertEvaluation;
import io.cxtracker.domain.alert.AlertEvaluationService;
import io.cxtracker.persistence.schema.SchemaMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Runs the scheduled alert rules ({@link AlertEvaluationService}) every {@code cx.alerts.evaluate-every}
 * (ISO duration, default PT15M) from db-scheduler: the schedule lives in the {@code scheduled_tasks} table,
 * and of several WildFly nodes exactly one claims each due execution (an optimistic update of the row's
 * version), so the rules run once per turn whatever the number of nodes; a node that dies mid-run is found
 * by its missing heartbeat and the run is retried on another. Even a second run stores nothing twice (the
 * alerts' dedup key is unique). Its threads come from the container's {@link ManagedThreadFactory}, so the
 * task runs with the application's context and transactions. {@code cx.alerts.schedule-enabled=false} turns
 * it off (the rules then run only when a program admin asks).
 */
@ApplicationScoped
public class AlertSchedule {
    static final String TASK = "alert-rules";
    private static final Logger LOG = Logger.getLogger(AlertSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:jboss/datasources/CxDS")
    DataSource dataSource;

    @Inject
    AlertEvaluationService evaluation;

    @Inject
    SchemaMigrator schema;

    private ScheduledFuture<?> starter;
    private volatile Scheduler scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("cx.alerts.schedule-enabled", Boolean.class).orElse(true)) {
            LOG.info("the alert schedule is off (cx.alerts.schedule-enabled=false)");
            return;
        }
        // the table comes with the schema: wait for the migration as the sealer does
        starter = executor.scheduleWithFixedDelay(this::startWhenSchemaIsReady, 1, 2, TimeUnit.SECONDS);
    }

    synchronized void startWhenSchemaIsReady() {
        if (scheduler != null) {
            return;
        }
        try {
            if (schema.migrateIfNeeded().isPresent()) {
                return;
            }
            Duration every = ConfigProvider.getConfig().getOptionalValue("cx.alerts.evaluate-every", String.class)
                    .map(Duration::parse).orElse(Duration.ofMinutes(15));
            RecurringTask<Void> rules = Tasks.recurring(TASK, Schedules.fixedDelay(every))
                    .execute((instance, context) -> evaluate());
            Scheduler started = Scheduler.create(dataSource)
                    .startTasks(rules)
                    .schedulerName(new SchedulerName.Fixed(ManagementFactory.getRuntimeMXBean().getName()))
                    .threads(1)
                    .executorService(Executors.newFixedThreadPool(1, threads))
                    .dueExecutor(Executors.newSingleThreadExecutor(threads))
                    .housekeeperExecutor(Executors.newSingleThreadScheduledExecutor(threads))
                    .pollingInterval(Duration.ofSeconds(10))
                    // an undeployment waits this long for a running evaluation (db-scheduler's default: 30 minutes);
                    // one cut short is picked up again by a node after its heartbeat goes missing
                    .shutdownMaxWait(Duration.ofSeconds(10))
                    .build();
            started.start();
            scheduler = started;
            starter.cancel(false);
            LOG.info(() -> "alert rules scheduled every " + every + " (db-scheduler, table scheduled_tasks)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "starting the alert schedule failed; trying again", e);
        }
    }

    void evaluate() {
        AlertEvaluation result = evaluation.evaluate();
        LOG.info(() -> "alert rules: " + result);
    }

    @PreDestroy
    synchronized void stop() {
        if (starter != null) {
            starter.cancel(false);
        }
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }
}
