package io.cxtracker.persistence.alert;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.cxtracker.domain.alert.AlertEvaluation;
import io.cxtracker.domain.alert.AlertEvaluationService;
import io.cxtracker.domain.alert.mail.MailDispatcher;
import io.cxtracker.domain.alert.webhook.WebhookDispatcher;
import io.cxtracker.persistence.progress.SqlReadFreshness;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * by its missing heartbeat ({@code cx.scheduler.heartbeat}, default PT5S; dead after
 * {@code cx.scheduler.missed-heartbeats}, default 4, missed: ≈ 20 s) and the run is retried on another. Even a second run stores nothing twice (the
 * alerts' dedup key is unique). Its threads come from the container's {@link ManagedThreadFactory}, so the
 * task runs with the application's context and transactions. {@code cx.alerts.schedule-enabled=false} turns
 * the rules off (they then run only when a program admin asks).
 *
 * <p>The same scheduler sends webhook deliveries every {@code cx.webhooks.send-every} (default PT10S), also when
 * the rules are off (an approval request's alert is raised without them): one node runs each turn, and the
 * deliveries it sends are claimed in the database besides ({@link WebhookDispatcher}), so a turn that overlaps
 * another node's never sends a delivery twice.
 *
 * <p>Alert e-mails go out every {@code cx.mail.send-every} (default PT10S) the same way ({@link MailDispatcher}): one
 * turn expands the new alerts into deliveries and then sends those due, so expansion and sending never overlap.
 *
 * <p>Every {@code cx.read-cache.cleanup-every} (default PT5M) one node removes the read cache's settled change records
 * ({@link SqlReadFreshness#removeSettled}): without it {@code data_change} grows by a row per writing transaction.
 */
@ApplicationScoped
public class AlertSchedule {
    static final String TASK = "alert-rules";
    static final String DELIVERIES = "webhook-deliveries";
    static final String MAILS = "alert-mails";
    static final String DATA_CHANGES = "data-change-cleanup";
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
    WebhookDispatcher webhooks;

    @Inject
    MailDispatcher mails;

    @Inject
    SchemaMigrator schema;

    private ScheduledFuture<?> starter;
    private volatile Scheduler scheduler;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
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
            Config config = ConfigProvider.getConfig();
            Duration every = config.getOptionalValue("cx.alerts.evaluate-every", String.class)
                    .map(Duration::parse).orElse(Duration.ofMinutes(15));
            Duration sendEvery = config.getOptionalValue("cx.webhooks.send-every", String.class)
                    .map(Duration::parse).orElse(Duration.ofSeconds(10));
            Duration mailEvery = config.getOptionalValue("cx.mail.send-every", String.class)
                    .map(Duration::parse).orElse(Duration.ofSeconds(10));
            Duration cleanupEvery = config.getOptionalValue("cx.read-cache.cleanup-every", String.class)
                    .map(Duration::parse).orElse(Duration.ofMinutes(5));
            boolean rulesOn = config.getOptionalValue("cx.alerts.schedule-enabled", Boolean.class).orElse(true);
            Duration heartbeat = config.getOptionalValue("cx.scheduler.heartbeat", String.class)
                    .map(Duration::parse).orElse(Duration.ofSeconds(5));
            // db-scheduler refuses fewer than 4
            int missedHeartbeats = Math.max(4, config.getOptionalValue("cx.scheduler.missed-heartbeats", Integer.class).orElse(4));
            List<RecurringTask<Void>> tasks = new ArrayList<>();
            tasks.add(Tasks.recurring(DELIVERIES, Schedules.fixedDelay(sendEvery))
                    .execute((instance, context) -> sendDeliveries()));
            tasks.add(Tasks.recurring(MAILS, Schedules.fixedDelay(mailEvery)).execute((instance, context) -> sendMails()));
            tasks.add(Tasks.recurring(DATA_CHANGES, Schedules.fixedDelay(cleanupEvery))
                    .execute((instance, context) -> removeSettledDataChanges()));
            if (rulesOn) {
                tasks.add(Tasks.recurring(TASK, Schedules.fixedDelay(every)).execute((instance, context) -> evaluate()));
            } else {
                LOG.info("the alert rules' schedule is off (cx.alerts.schedule-enabled=false)");
            }
            // a due turn waits at most one polling interval: as often as deliveries go out, at least every 10 s
            Duration shortest = sendEvery.compareTo(mailEvery) < 0 ? sendEvery : mailEvery;
            Duration polling = shortest.compareTo(Duration.ofSeconds(10)) < 0 ? shortest : Duration.ofSeconds(10);
            Scheduler started = Scheduler.create(dataSource)
                    .startTasks(tasks)
                    .schedulerName(new SchedulerName.Fixed(ManagementFactory.getRuntimeMXBean().getName()))
                    .threads(3)
                    .executorService(Executors.newFixedThreadPool(3, threads))
                    .dueExecutor(Executors.newSingleThreadExecutor(threads))
                    .housekeeperExecutor(Executors.newSingleThreadScheduledExecutor(threads))
                    .pollingInterval(polling)
                    // a node killed mid-turn holds its turn until it is declared dead: db-scheduler's defaults
                    // (a heartbeat every 5 min, dead after 6 missed) would stop every node's deliveries for 30 min
                    .heartbeatInterval(heartbeat)
                    .missedHeartbeatsLimit(missedHeartbeats)
                    // an undeployment waits this long for a running evaluation (db-scheduler's default: 30 minutes);
                    // one cut short is picked up again by a node after its heartbeat goes missing
                    .shutdownMaxWait(Duration.ofSeconds(10))
                    .build();
            started.start();
            scheduler = started;
            starter.cancel(false);
            LOG.info(() -> (rulesOn ? "alert rules scheduled every " + every + ", " : "") + "webhook deliveries every "
                    + sendEvery + ", alert e-mails every " + mailEvery + " (db-scheduler, table scheduled_tasks)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "starting the alert schedule failed; trying again", e);
        }
    }

    void evaluate() {
        AlertEvaluation result = evaluation.evaluate();
        LOG.info(() -> "alert rules: " + result);
    }

    void sendDeliveries() {
        int attempts = webhooks.sendDue();
        if (attempts > 0) {
            LOG.fine(() -> "webhook deliveries: " + attempts + " attempts");
        }
    }

    void sendMails() {
        MailDispatcher.Turn turn = mails.turn();
        if (!turn.idle()) {
            LOG.info(() -> "alert e-mails: " + turn);
        }
    }

    void removeSettledDataChanges() {
        try (Connection connection = dataSource.getConnection()) {
            long removed = SqlReadFreshness.removeSettled(connection);
            LOG.fine(() -> "read cache: " + removed + " settled data changes removed");
        } catch (SQLException e) {
            throw new IllegalStateException("removing the settled data changes failed", e);
        }
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
