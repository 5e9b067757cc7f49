package io.cxtracker.domain.alert;

import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.MetricSeriesRepository;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetEvaluation;
import io.cxtracker.domain.targets.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the scheduled rules (check-in due, due soon and overdue, target watch, commitments, the weekly
 * digest) over the whole plan and stores what they raise, in one transaction. Nobody in particular runs
 * it: the persistent scheduler does, on whichever node claims the run; a program admin may run it now
 * ({@link AlertService#evaluateNow}). Running it twice, or on two nodes at once, stores each alert once:
 * the dedup key is unique in the database.
 */
@ApplicationScoped
@Transactional
public class AlertEvaluationService {
    private final ProgramRepository programs;
    private final AlertFactsRepository facts;
    private final AlertOutbox outbox;
    private final TargetRepository targets;
    private final MetricSeriesRepository series;
    private final AlertSettings settings;
    private final Clock clock;

    /** For the CDI proxy only. */
    protected AlertEvaluationService() {
        this(null, null, null, null, null, null, null);
    }

    @Inject
    public AlertEvaluationService(ProgramRepository programs, AlertFactsRepository facts, AlertOutbox outbox,
            TargetRepository targets, MetricSeriesRepository series, AlertSettings settings, Clock clock) {
        this.programs = programs;
        this.facts = facts;
        this.outbox = outbox;
        this.targets = targets;
        this.series = series;
        this.settings = settings;
        this.clock = clock;
    }

    public AlertEvaluation evaluate() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        CheckInDueRule checkIns = new CheckInDueRule(settings);
        DueDateRule dueDates = new DueDateRule(settings);
        TargetWatchRule watchRule = new TargetWatchRule();
        List<NewAlert> raised = new ArrayList<>();
        int milestoneCount = 0;
        int targetCount = 0;
        Map<Long, String> before = facts.watches();
        Map<Long, String> seen = new HashMap<>();
        List<Program> all = programs.list();
        List<ProgramWeek> weeks = new ArrayList<>();
        for (Program program : all) {
            List<MilestoneAlertFacts> milestones = facts.milestones(program.id());
            milestoneCount += milestones.size();
            for (MilestoneAlertFacts milestone : milestones) {
                raised.addAll(checkIns.evaluate(milestone, today));
                raised.addAll(dueDates.evaluate(milestone, today));
            }
            Map<Long, List<Audience>> watchers = facts.targetWatchers(program.id());
            TargetVerdicts verdicts = new TargetVerdicts(targets.findAllById(watchers.keySet()), today);
            targetCount += verdicts.now.size();
            List<WeeklyDigest.Mover> movers = new ArrayList<>();
            for (Target target : verdicts.targets) {
                TargetEvaluation now = verdicts.now.get(target.id());
                TargetWatch watch = new TargetWatch(now.rag(),
                        now.forecast().isPresent() && target.attainment().isMet(now.forecast().getAsDouble()));
                TargetAlertFacts fact = new TargetAlertFacts(target.id(), target.metric().key().value(),
                        target.department() == null ? null : target.department().code().value(), watch, now.reason(),
                        watchers.getOrDefault(target.id(), List.of()));
                if (!seen.containsKey(target.id())) {
                    raised.addAll(watchRule.evaluate(fact, TargetWatch.parse(before.get(target.id())), today));
                    seen.put(target.id(), watch.text());
                }
                TargetEvaluation weekAgo = verdicts.weekAgo.get(target.id());
                if (now.progress().isPresent() && weekAgo.progress().isPresent()) {
                    movers.add(new WeeklyDigest.Mover(fact.name(),
                            now.progress().getAsDouble() - weekAgo.progress().getAsDouble()));
                }
            }
            weeks.add(new ProgramWeek(program, milestones.stream()
                    .filter(m -> !m.isFinished() && m.due().isBefore(today)).toList(), movers));
        }
        List<CommitmentAlertFacts> commitments = facts.openCommitments();
        CommitmentOverdueRule commitmentRule = new CommitmentOverdueRule();
        commitments.forEach(c -> raised.addAll(commitmentRule.evaluate(c, today)));
        facts.watch(seen, today);
        int stored = outbox.store(raised, clock.instant());
        // the digest counts this week's target alerts, including the ones just stored
        List<NewAlert> digests = new ArrayList<>();
        List<String> newAtRisk = facts.targetAlertsSince(WeeklyDigest.weekStart(today));
        WeeklyDigest digest = new WeeklyDigest();
        for (ProgramWeek week : weeks) {
            int checkIns7 = facts.checkInsSince(week.program.id(),
                    today.minusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC));
            digests.add(digest.compose(week.program.id(), week.program.name(),
                    new WeeklyDigest.Facts(checkIns7, newAtRisk, week.overdue, week.movers), today));
        }
        stored += outbox.store(digests, clock.instant());
        return new AlertEvaluation(all.size(), milestoneCount, targetCount, commitments.size(),
                raised.size() + digests.size(), stored);
    }

    private record ProgramWeek(Program program, List<MilestoneAlertFacts> overdue, List<WeeklyDigest.Mover> movers) {
    }

    /**
     * Each target's verdict today and a week ago, from one series query: the windows of both days are
     * merged per target (the same way the progress read model gathers them).
     */
    private final class TargetVerdicts {
        final List<Target> targets;
        final Map<Long, TargetEvaluation> now = new HashMap<>();
        final Map<Long, TargetEvaluation> weekAgo = new HashMap<>();

        TargetVerdicts(List<Target> targets, LocalDate today) {
            this.targets = targets;
            if (targets.isEmpty()) {
                return;
            }
            Map<Long, SeriesScope> scopes = new HashMap<>();
            for (Target target : targets) {
                DateRange range = target.windowEndingOn(asOf(target, today))
                        .span(target.windowEndingOn(asOf(target, today.minusDays(7))));
                scopes.put(target.id(), new SeriesScope(target.metric(), target.department(), range));
            }
            Set<SeriesScope> distinct = new LinkedHashSet<>(scopes.values());
            Map<SeriesScope, List<SeriesPoint>> daily = series.daily(distinct);
            for (Target target : targets) {
                List<SeriesPoint> points = Optional.ofNullable(daily.get(scopes.get(target.id()))).orElse(List.of());
                now.put(target.id(), target.evaluate(points, asOf(target, today)));
                weekAgo.put(target.id(), target.evaluate(points, asOf(target, today.minusDays(7))));
            }
        }

        /** A target is judged on its due day once that has passed. */
        private static LocalDate asOf(Target target, LocalDate day) {
            return day.isAfter(target.due()) ? target.due() : day;
        }
    }
}
