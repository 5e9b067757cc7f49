package io.cxtracker.domain.testing;

import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeSummary;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.PlanHistory;
import io.cxtracker.domain.progress.TargetPlan;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plan's history by hand: each version of a milestone's facts and of a target's numbers with the
 * instant it became known; readings count from their {@code receivedAt} (the store's readings).
 */
public final class InMemoryPlanHistory implements PlanHistory {
    private record Version<T>(Instant from, T value) {
    }

    private final InMemory store;
    private final List<Version<MilestoneFacts>> milestones = new ArrayList<>();
    private final List<Version<TargetPlan>> targets = new ArrayList<>();
    private final Map<Long, Long> programOfMilestone = new LinkedHashMap<>();
    private final List<Version<InitiativeSummary>> initiatives = new ArrayList<>();
    private final List<Version<Map.Entry<Long, String>>> programNames = new ArrayList<>();

    public InMemoryPlanHistory(InMemory store) {
        this.store = store;
    }

    public void known(Instant from, long programId, MilestoneFacts facts) {
        milestones.add(new Version<>(from, facts));
        programOfMilestone.put(facts.id(), programId);
    }

    public void known(Instant from, TargetPlan plan) {
        targets.add(new Version<>(from, plan));
    }

    public void known(Instant from, InitiativeSummary initiative) {
        initiatives.add(new Version<>(from, initiative));
    }

    public void programNamed(Instant from, long programId, String name) {
        programNames.add(new Version<>(from, Map.entry(programId, name)));
    }

    private List<MilestoneFacts> asOf(Instant knownAt) {
        Map<Long, MilestoneFacts> latest = new TreeMap<>();
        milestones.stream().filter(v -> !v.from().isAfter(knownAt))
                .forEach(v -> latest.put(v.value().id(), v.value()));
        return List.copyOf(latest.values());
    }

    @Override
    public List<MilestoneFacts> milestonesOfProgram(long programId, Instant knownAt) {
        return asOf(knownAt).stream().filter(f -> programOfMilestone.get(f.id()) == programId).toList();
    }

    @Override
    public List<MilestoneFacts> allMilestones(MilestoneFilter filter, PageRequest order, Instant knownAt) {
        return asOf(knownAt).stream()
                .filter(f -> filter.programId() == null || programOfMilestone.get(f.id()).equals(filter.programId()))
                .filter(f -> filter.department() == null || f.ownerDepartment().equals(filter.department().value()))
                .sorted(Comparator.comparing(MilestoneFacts::due).thenComparingLong(MilestoneFacts::id))
                .toList();
    }

    @Override
    public Map<Long, TargetPlan> targets(Collection<Long> ids, Instant knownAt) {
        Map<Long, TargetPlan> plans = new LinkedHashMap<>();
        targets.stream().filter(v -> !v.from().isAfter(knownAt) && ids.contains(v.value().targetId()))
                .forEach(v -> plans.put(v.value().targetId(), v.value()));
        return plans;
    }

    @Override
    public Map<SeriesScope, List<SeriesPoint>> daily(Collection<SeriesScope> scopes, Instant knownAt) {
        Map<SeriesScope, List<SeriesPoint>> result = new LinkedHashMap<>();
        for (SeriesScope scope : scopes) {
            TreeMap<java.time.LocalDate, MetricStatistics> days = new TreeMap<>();
            for (Reading r : store.readingRows) {
                if (r.metric() == scope.metric() && scope.range().contains(r.day()) && !r.receivedAt().isAfter(knownAt)
                        && (scope.department() == null || Objects.equals(r.department(), scope.department()))) {
                    days.merge(r.day(), r.statistics(), MetricStatistics::merge);
                }
            }
            result.put(scope, days.entrySet().stream().map(e -> new SeriesPoint(e.getKey(), e.getValue())).toList());
        }
        return result;
    }

    @Override
    public Optional<InitiativeSummary> initiative(long id, Instant knownAt) {
        return initiativesAsOf(knownAt).stream().filter(i -> i.id() == id).findFirst();
    }

    @Override
    public Page<InitiativeSummary> initiatives(InitiativeFilter filter, PageRequest page, Instant knownAt) {
        List<InitiativeSummary> all = initiativesAsOf(knownAt).stream()
                .filter(i -> filter.programId() == null || i.programId() == filter.programId())
                .filter(i -> filter.department() == null || i.raci().containsKey(filter.department().value()))
                .filter(i -> filter.pillar() == null || i.pillar() == filter.pillar())
                .filter(i -> filter.phaseNumber() == null || i.phaseNumber() == filter.phaseNumber())
                .toList();
        int from = Math.min(page.offset(), all.size());
        return new Page<>(all.subList(from, Math.min(from + page.limit(), all.size())), all.size());
    }

    private List<InitiativeSummary> initiativesAsOf(Instant knownAt) {
        Map<Long, InitiativeSummary> latest = new TreeMap<>();
        initiatives.stream().filter(v -> !v.from().isAfter(knownAt)).forEach(v -> latest.put(v.value().id(), v.value()));
        return List.copyOf(latest.values());
    }

    @Override
    public Optional<String> programName(long programId, Instant knownAt) {
        String name = null;
        for (Version<Map.Entry<Long, String>> v : programNames) {
            if (!v.from().isAfter(knownAt) && v.value().getKey() == programId) {
                name = v.value().getValue();
            }
        }
        return Optional.ofNullable(name);
    }
}
