package io.cxtracker.demo;

import io.cxtracker.domain.assessment.MaturityQuestionnaire;
import io.cxtracker.domain.assessment.MaturityScoring;
import io.cxtracker.demo.DemoCatalog.Dept;
import io.cxtracker.demo.DemoCatalog.MetricDef;
import io.cxtracker.demo.DemoCatalog.ThemeDef;
import io.cxtracker.demo.DemoPlan.AssessmentSpec;
import io.cxtracker.demo.DemoPlan.Boost;
import io.cxtracker.demo.DemoPlan.CheckInSpec;
import io.cxtracker.demo.DemoPlan.CommitmentSpec;
import io.cxtracker.demo.DemoPlan.DepartmentSpec;
import io.cxtracker.demo.DemoPlan.InitiativeSpec;
import io.cxtracker.demo.DemoPlan.MetricSpec;
import io.cxtracker.demo.DemoPlan.MilestoneSpec;
import io.cxtracker.demo.DemoPlan.Move;
import io.cxtracker.demo.DemoPlan.SeriesSpec;
import io.cxtracker.demo.DemoPlan.TargetSpec;
import io.cxtracker.demo.DemoPlan.ThemeSpec;
import io.cxtracker.domain.initiative.RaciRole;
import io.cxtracker.domain.metric.Direction;
import io.cxtracker.domain.metric.MetricKind;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.milestone.CheckInStatus;
import io.cxtracker.domain.program.PhasePlan;
import io.cxtracker.domain.program.Pillar;
import io.cxtracker.domain.targets.LeastSquaresForecast;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.RagEvaluation;
import io.cxtracker.domain.targets.TargetAttainment;
import io.cxtracker.domain.targets.TargetEvaluation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Generates the demo program from its parameters: pure Java, no I/O, the same plan for the same
 * parameters. Targets are tuned against the data the plan will produce, with the domain's own rules
 * ({@link RagEvaluation}), so that on {@code asOf} some are met, some on track, some at risk, some off
 * track and some have no data.
 */
public final class DemoGenerator {
    static final int WINDOW_DAYS = 30;
    private static final List<String> PHASE_NAMES = List.of("Transform", "Optimize", "Sustain", "Renew", "Expand",
            "Lead", "Extend", "Deepen", "Scale", "Refine", "Embed", "Evolve");
    private static final long DEPARTMENT = 11;
    private static final long SERIES = 12;
    private static final long INITIATIVE = 13;
    private static final long MILESTONE = 14;
    private static final long COMMITMENT = 15;
    private static final long ASSESSMENT = 16;

    private enum Profile { MET, ON_TRACK, AT_RISK, OFF_TRACK }

    private final DemoParameters p;
    private final long seed;
    private final Map<String, MetricDef> metricDefs;

    private DemoGenerator(DemoParameters parameters) {
        this.p = parameters;
        this.seed = parameters.seed();
        this.metricDefs = DemoCatalog.METRICS.stream().collect(Collectors.toMap(MetricDef::key, Function.identity()));
    }

    public static DemoPlan generate(DemoParameters parameters) {
        return new DemoGenerator(parameters).plan();
    }

    private DemoPlan plan() {
        List<PhasePlan> phases = phases();
        List<DepartmentSpec> departments = departments();
        Set<String> codes = departments.stream().map(DepartmentSpec::code).collect(Collectors.toCollection(LinkedHashSet::new));
        List<MetricSpec> metrics = DemoCatalog.METRICS.stream()
                .map(m -> new MetricSpec(m.key(), m.name(), m.unit(), m.kind(), m.direction(),
                        codes.contains(m.owner()) ? m.owner() : departments.get(0).code()))
                .toList();
        List<ThemeSpec> themes = themes(departments);
        List<CommitmentDraft> drafts = commitmentDrafts(themes, codes);
        List<SeriesSpec> series = series(departments, drafts);
        DemoPlan dataOnly = new DemoPlan(p, p.programName(), phases, departments, metrics, List.of(), series, List.of(),
                List.of(), themes, List.of(), List.of());
        DemoData data = new DemoData(dataOnly);
        List<TargetSpec> targets = targets(series, departments, phases, data);
        List<InitiativeSpec> initiatives = initiatives(phases, departments);
        List<MilestoneSpec> milestones = milestones(phases, initiatives, departments, targets);
        List<CommitmentSpec> commitments = commitments(drafts, milestones, initiatives);
        List<AssessmentSpec> assessments = assessments(departments);
        return new DemoPlan(p, p.programName(), phases, departments, metrics, initiatives, series, targets, milestones,
                themes, commitments, assessments);
    }

    // ---------------------------------------------------------------- program and departments

    private List<PhasePlan> phases() {
        List<PhasePlan> phases = new ArrayList<>();
        for (int i = 0; i < p.programYears(); i++) {
            phases.add(new PhasePlan(PHASE_NAMES.get(i), p.programStart().plusYears(i),
                    p.programStart().plusYears(i + 1L).minusDays(1)));
        }
        return phases;
    }

    private List<DepartmentSpec> departments() {
        List<DepartmentSpec> departments = new ArrayList<>();
        for (int i = 0; i < p.departments(); i++) {
            Dept base = DemoCatalog.DEPARTMENTS.get(i % DemoCatalog.DEPARTMENTS.size());
            if (i < DemoCatalog.DEPARTMENTS.size()) {
                departments.add(new DepartmentSpec(base.code(), base.name(), null, base.lead()));
            } else {
                String region = DemoCatalog.REGIONS.get(i / DemoCatalog.DEPARTMENTS.size() - 1);
                String code = base.code() + "-" + region;
                departments.add(new DepartmentSpec(code, base.name() + " " + region.toUpperCase(Locale.ROOT).replace('-', ' '),
                        base.code(), "lead-" + code));
            }
        }
        return departments;
    }

    private static String baseOf(String code) {
        int dash = code.indexOf('-');
        String base = dash < 0 ? code : code.substring(0, dash);
        return DemoCatalog.RELEVANT.containsKey(base) ? base : code;
    }

    private List<ThemeSpec> themes(List<DepartmentSpec> departments) {
        List<ThemeSpec> themes = new ArrayList<>();
        for (ThemeDef def : DemoCatalog.THEMES) {
            List<String> concerned = departments.stream().map(DepartmentSpec::code)
                    .filter(code -> def.departments().contains(baseOf(code)))
                    .sorted(java.util.Comparator.comparingInt(code -> def.departments().indexOf(baseOf(code))))
                    .toList();
            themes.add(new ThemeSpec(def.theme(), concerned, def.metric(), def.sentiment(), def.share(), def.growth(),
                    def.channels(), def.texts()));
        }
        return themes;
    }

    // ---------------------------------------------------------------- commitments (first their days: they move the metrics)

    private record CommitmentDraft(ThemeDef theme, String owner, String state, LocalDate created, LocalDate pivot,
            LocalDate started, LocalDate closed, LocalDate due, String reason) {
    }

    private static final List<String> STATE_PATTERN = List.of("DONE", "IN_PROGRESS", "COMMITTED", "DONE", "PROPOSED",
            "IN_PROGRESS", "DROPPED", "COMMITTED", "DONE", "IN_PROGRESS", "PROPOSED", "COMMITTED");

    private List<CommitmentDraft> commitmentDrafts(List<ThemeSpec> themes, Set<String> codes) {
        List<CommitmentDraft> drafts = new ArrayList<>();
        LocalDate first = p.programStart().plusDays(WINDOW_DAYS + 5L);
        LocalDate last = p.lastDataDay();
        if (last.isBefore(first.plusDays(10))) {
            return drafts;
        }
        for (int c = 0; c < p.commitments(); c++) {
            SplittableRandom random = Seeds.random(seed, COMMITMENT, c);
            ThemeDef theme = DemoCatalog.THEMES.get(c % DemoCatalog.THEMES.size());
            List<String> concerned = themes.get(c % themes.size()).departments();
            String owner = concerned.isEmpty() ? codes.iterator().next()
                    : concerned.get((c / DemoCatalog.THEMES.size()) % concerned.size());
            String state = STATE_PATTERN.get(c % STATE_PATTERN.size());
            LocalDate pivot = switch (state) {
                case "DONE" -> last.minusDays(150 + random.nextInt(120));
                case "IN_PROGRESS" -> last.minusDays(60 + random.nextInt(60));
                case "COMMITTED" -> last.minusDays(10 + random.nextInt(30));
                case "DROPPED" -> last.minusDays(90 + random.nextInt(60));
                default -> last.minusDays(5 + random.nextInt(15));
            };
            if (pivot.isBefore(first)) {
                pivot = first.plusDays(random.nextInt((int) Math.max(1, ChronoUnit.DAYS.between(first, last) / 2)));
            }
            LocalDate created = pivot.minusDays(3 + random.nextInt(14));
            if (created.isBefore(p.programStart())) {
                created = p.programStart();
            }
            LocalDate started = state.equals("DONE") || state.equals("IN_PROGRESS") ? min(pivot.plusDays(5 + random.nextInt(10)), last) : null;
            LocalDate closed = switch (state) {
                case "DONE" -> min(pivot.plusDays(60 + random.nextInt(40)), last);
                case "DROPPED" -> min(pivot.plusDays(20 + random.nextInt(20)), last);
                default -> null;
            };
            LocalDate due = switch (state) {
                case "DONE" -> closed.plusDays(random.nextInt(25) - 8);
                case "DROPPED" -> closed.plusDays(60);
                default -> p.asOf().plusDays(30 + random.nextInt(150));
            };
            if (due.isBefore(created)) {
                due = created;
            }
            if (due.isAfter(p.programEnd())) {
                due = p.programEnd();
            }
            String reason = state.equals("DROPPED") ? Seeds.pick(random, DemoCatalog.DROP_REASONS) : null;
            drafts.add(new CommitmentDraft(theme, owner, state, created, state.equals("PROPOSED") ? null : pivot, started,
                    closed, due, reason));
        }
        return drafts;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // ---------------------------------------------------------------- series

    private List<SeriesSpec> series(List<DepartmentSpec> departments, List<CommitmentDraft> drafts) {
        List<String[]> candidates = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        for (DepartmentSpec d : departments) {
            for (String metric : DemoCatalog.RELEVANT.getOrDefault(baseOf(d.code()), List.of())) {
                candidates.add(new String[] {metric, d.code()});
                taken.add(metric + "/" + d.code());
            }
        }
        for (DepartmentSpec d : departments) {
            for (MetricDef m : DemoCatalog.METRICS) {
                if (taken.add(m.key() + "/" + d.code())) {
                    candidates.add(new String[] {m.key(), d.code()});
                }
            }
        }
        List<SeriesSpec> series = new ArrayList<>();
        LocalDate last = p.lastDataDay();
        for (int i = 0; i < Math.min(p.series(), candidates.size()); i++) {
            String metric = candidates.get(i)[0];
            String department = candidates.get(i)[1];
            MetricDef def = metricDefs.get(metric);
            SplittableRandom random = Seeds.random(seed, SERIES, i);
            double good = def.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
            double spread = def.kind() == MetricKind.NPS ? 10 : def.kind() == MetricKind.MEAN_SCORE ? 0.35 : def.key().equals("churn") ? 1.5 : 6;
            double start = def.start() + random.nextGaussian() * spread;
            double[] trends = {1.3, 0.9, 0.4, -0.4};
            double yearly = good * def.yearlyGain() * trends[random.nextInt(trends.length)];
            // every ninth series went silent six weeks ago: its targets have no data
            LocalDate lastDay = i % 9 == 8 ? last.minusDays(45) : last;
            List<Boost> boosts = new ArrayList<>();
            for (CommitmentDraft draft : drafts) {
                boolean delivering = draft.state().equals("DONE") || draft.state().equals("IN_PROGRESS");
                if (delivering && draft.owner().equals(department) && draft.theme().metric().equals(metric)) {
                    boosts.add(new Boost(draft.pivot().plusDays(14), good * 2.5 * def.margin()));
                }
            }
            series.add(new SeriesSpec(i, metric, department, start, yearly, p.programStart(), lastDay, boosts));
        }
        return series;
    }

    // ---------------------------------------------------------------- targets, tuned to the data

    private List<TargetSpec> targets(List<SeriesSpec> series, List<DepartmentSpec> departments, List<PhasePlan> phases,
            DemoData data) {
        LocalDate asOf = p.asOf();
        int current = phaseIndexOn(phases, asOf);
        LocalDate dueThisPhase = phases.get(current).end();
        LocalDate dueNextPhase = phases.get(Math.min(current + 1, phases.size() - 1)).end();
        LocalDate windowFrom = asOf.minusDays(WINDOW_DAYS);
        LocalDate firstFrom = p.programStart();
        LocalDate firstTo = p.programStart().plusDays(WINDOW_DAYS - 1L);

        Map<String, Map<LocalDate, MetricStatistics>> companyWindow = new TreeMap<>();
        Map<String, MetricStatistics> companyFirst = new TreeMap<>();
        List<TargetSpec> targets = new ArrayList<>();
        int rotation = 0;
        for (SeriesSpec s : series) {
            MetricDef def = metricDefs.get(s.metricKey());
            Map<LocalDate, MetricStatistics> window = new TreeMap<>();
            for (LocalDate day = windowFrom; !day.isAfter(asOf); day = day.plusDays(1)) {
                MetricStatistics statistics = data.statistics(s, day);
                if (!statistics.isEmpty()) {
                    window.put(day, statistics);
                    companyWindow.computeIfAbsent(s.metricKey(), k -> new TreeMap<>()).merge(day, statistics, MetricStatistics::merge);
                }
            }
            MetricStatistics first = MetricStatistics.empty(def.kind());
            for (LocalDate day = firstFrom; !day.isAfter(firstTo) && !day.isAfter(p.lastDataDay()); day = day.plusDays(1)) {
                first = first.merge(data.statistics(s, day));
            }
            companyFirst.merge(s.metricKey(), first, MetricStatistics::merge);
            targets.add(tuned(def, s.departmentCode(), window, first, dueThisPhase, rotation++));
        }
        for (MetricDef def : DemoCatalog.METRICS) {
            Map<LocalDate, MetricStatistics> window = companyWindow.getOrDefault(def.key(), Map.of());
            MetricStatistics first = companyFirst.getOrDefault(def.key(), MetricStatistics.empty(def.kind()));
            if (companyFirst.containsKey(def.key())) {
                targets.add(tuned(def, null, window, first, dueThisPhase, rotation++));
                if (!dueNextPhase.equals(dueThisPhase)) {
                    // a target for next year is rarely met already: start the rotation at "on track"
                    targets.add(tuned(def, null, window, first, dueNextPhase, 1 + 2 * (rotation++ % 2)));
                }
            }
        }
        // departments nobody measures yet: their targets have no data, and say so
        Set<String> measured = series.stream().map(s -> s.metricKey() + "/" + s.departmentCode()).collect(Collectors.toSet());
        int silent = 0;
        for (DepartmentSpec d : departments) {
            if (silent >= Math.max(2, departments.size() / 10)) {
                break;
            }
            if (!DemoCatalog.RELEVANT.getOrDefault(baseOf(d.code()), List.of("x")).isEmpty()) {
                continue;
            }
            MetricDef def = DemoCatalog.METRICS.get(silent % 2 == 0 ? 0 : 1);
            if (measured.contains(def.key() + "/" + d.code())) {
                continue;
            }
            double good = def.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
            targets.add(new TargetSpec(def.key(), d.code(), round(def, def.start()), round(def, def.start() + good * def.yearlyGain()),
                    dueThisPhase, round(def, def.margin()), WINDOW_DAYS, Rag.NO_DATA, false));
            silent++;
        }
        return targets;
    }

    private static int phaseIndexOn(List<PhasePlan> phases, LocalDate day) {
        for (int i = 0; i < phases.size(); i++) {
            if (!day.isAfter(phases.get(i).end())) {
                return i;
            }
        }
        return phases.size() - 1;
    }

    private TargetSpec tuned(MetricDef def, String department, Map<LocalDate, MetricStatistics> window,
            MetricStatistics first, LocalDate due, int rotation) {
        double good = def.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1;
        double m = def.margin();
        List<SeriesPoint> points = window.entrySet().stream().map(e -> new SeriesPoint(e.getKey(), e.getValue())).toList();
        if (points.isEmpty()) {
            double b = def.start();
            return new TargetSpec(def.key(), department, round(def, b), round(def, b + good * def.yearlyGain()), due,
                    round(def, m), WINDOW_DAYS, Rag.NO_DATA, false);
        }
        double current = points.stream().map(SeriesPoint::statistics).reduce(MetricStatistics::merge).orElseThrow()
                .value().orElseThrow();
        OptionalDouble projected = p.asOf().isAfter(due) ? OptionalDouble.empty()
                : LeastSquaresForecast.fit(points.stream()
                        .map(pt -> new LeastSquaresForecast.Point(pt.day(), pt.value().orElseThrow())).toList())
                .projectTo(due);
        double c = good * current;
        double f = good * (projected.isPresent() ? projected.getAsDouble() : current);
        Double firstValue = first.value().isPresent() ? good * first.value().getAsDouble() : null;
        Profile[] profiles = Profile.values();
        for (int attempt = 0; attempt < profiles.length; attempt++) {
            Profile profile = profiles[(rotation + attempt) % profiles.length];
            double tg;
            double tol = m;
            switch (profile) {
                case MET -> tg = c - m;
                case ON_TRACK -> {
                    // the forecast must clearly beat today; the target sits between, never far above today
                    if (f < c + 2 * m) {
                        continue;
                    }
                    tg = c + Math.min((f - c) / 2, 3 * m);
                }
                case AT_RISK -> {
                    tg = Math.max(c, f) + m;
                    tol = tg - f + m;
                    if (tol > 3 * m) {
                        continue;
                    }
                }
                default -> {
                    // off track only where the trend does not promise much: a target far above a noisy forecast reads wrong
                    if (f > c + m) {
                        continue;
                    }
                    tg = Math.max(c, f) + 3 * m;
                }
            }
            double b = firstValue != null && firstValue <= tg - 2 * m ? firstValue : tg - 5 * m;
            double target = round(def, good * tg);
            double baseline = round(def, good * b);
            double tolerance = roundUp(def, tol);
            if (target < def.lowest() || target > def.highest() || baseline < def.lowest() || baseline > def.highest()
                    || target == baseline) {
                continue;
            }
            TargetEvaluation evaluation;
            try {
                evaluation = new RagEvaluation(new TargetAttainment(baseline, target, def.direction()), due, tolerance,
                        WINDOW_DAYS).evaluate(points, p.asOf());
            } catch (IllegalArgumentException wrongSide) {
                continue;
            }
            boolean wanted = switch (profile) {
                case MET -> evaluation.met();
                case ON_TRACK -> evaluation.rag() == Rag.GREEN && !evaluation.met();
                case AT_RISK -> evaluation.rag() == Rag.AMBER;
                case OFF_TRACK -> evaluation.rag() == Rag.RED;
            };
            if (wanted) {
                return new TargetSpec(def.key(), department, baseline, target, due, tolerance, WINDOW_DAYS,
                        evaluation.rag(), evaluation.met());
            }
        }
        // the data is too extreme for the profiles: a target met exactly at the current value
        double target = round(def, current);
        double baseline = round(def, current - good * 5 * m);
        return new TargetSpec(def.key(), department, baseline, target, due, round(def, m), WINDOW_DAYS,
                new RagEvaluation(new TargetAttainment(baseline, target, def.direction()), due, round(def, m), WINDOW_DAYS)
                        .evaluate(points, p.asOf()).rag(), true);
    }

    private static double round(MetricDef def, double value) {
        double scale = def.kind() == MetricKind.MEAN_SCORE ? 100 : 10;
        return Math.round(value * scale) / scale;
    }

    private static double roundUp(MetricDef def, double value) {
        double scale = def.kind() == MetricKind.MEAN_SCORE ? 100 : 10;
        return Math.ceil(value * scale) / scale;
    }

    // ---------------------------------------------------------------- initiatives and milestones

    private List<InitiativeSpec> initiatives(List<PhasePlan> phases, List<DepartmentSpec> departments) {
        int slots = phases.size() * Pillar.values().length;
        int count = Math.max(slots, (int) Math.round(p.milestones() / 6.0));
        List<InitiativeSpec> initiatives = new ArrayList<>();
        Map<String, Integer> titleUses = new HashMap<>();
        for (int i = 0; i < count; i++) {
            SplittableRandom random = Seeds.random(seed, INITIATIVE, i);
            int slot = i % slots;
            int phase = slot / Pillar.values().length + 1;
            Pillar pillar = Pillar.values()[slot % Pillar.values().length];
            List<DemoCatalog.InitiativeDef> defs = DemoCatalog.INITIATIVES.get(pillar);
            DemoCatalog.InitiativeDef def = defs.get((i / slots + phase - 1) % defs.size());
            List<String> candidates = departments.stream().map(DepartmentSpec::code)
                    .filter(code -> baseOf(code).equals(def.accountable())).toList();
            String accountable = candidates.isEmpty() ? departments.get(random.nextInt(departments.size())).code()
                    : candidates.get(random.nextInt(candidates.size()));
            String title = def.title();
            int uses = titleUses.merge(phase + title, 1, Integer::sum);
            if (uses > 1) {
                String name = departments.stream().filter(d -> d.code().equals(accountable)).findFirst().orElseThrow().name();
                title = title + " — " + name + (titleUses.merge(phase + title + name, 1, Integer::sum) > 1 ? " " + uses : "");
            }
            Map<String, RaciRole> raci = new LinkedHashMap<>();
            int contributors = Math.min(departments.size() - 1, 1 + random.nextInt(3));
            RaciRole[] roles = {RaciRole.RESPONSIBLE, RaciRole.CONSULTED, RaciRole.INFORMED};
            for (int k = 0; raci.size() < contributors && k < 20; k++) {
                String code = departments.get(random.nextInt(departments.size())).code();
                if (!code.equals(accountable) && !raci.containsKey(code)) {
                    raci.put(code, roles[raci.size() % roles.length]);
                }
            }
            initiatives.add(new InitiativeSpec(phase, pillar, title,
                    pillar.title() + " pillar, " + phases.get(phase - 1).name() + " phase: " + title.toLowerCase(Locale.ROOT) + ".",
                    accountable, raci));
        }
        return initiatives;
    }

    private List<MilestoneSpec> milestones(List<PhasePlan> phases, List<InitiativeSpec> initiatives,
            List<DepartmentSpec> departments, List<TargetSpec> targets) {
        Map<String, String> names = departments.stream().collect(Collectors.toMap(DepartmentSpec::code, DepartmentSpec::name));
        Map<String, String> leads = departments.stream().collect(Collectors.toMap(DepartmentSpec::code, DepartmentSpec::lead));
        LocalDate asOf = p.asOf();
        int currentPhase = phaseIndexOn(phases, asOf) + 1;
        Map<String, List<Integer>> targetsByDepartment = new HashMap<>();
        Map<String, List<Integer>> companyTargets = new HashMap<>();
        List<Integer> silentTargets = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            TargetSpec target = targets.get(t);
            if (target.departmentCode() == null) {
                companyTargets.computeIfAbsent(target.metricKey(), k -> new ArrayList<>()).add(t);
            } else {
                targetsByDepartment.computeIfAbsent(target.departmentCode(), k -> new ArrayList<>()).add(t);
                if (target.expectedRag() == Rag.NO_DATA) {
                    silentTargets.add(t);
                }
            }
        }
        List<MilestoneSpec> milestones = new ArrayList<>();
        Map<String, Integer> titleUses = new HashMap<>();
        for (int j = 0; j < p.milestones(); j++) {
            SplittableRandom random = Seeds.random(seed, MILESTONE, j);
            int initiativeIndex = j % initiatives.size();
            InitiativeSpec initiative = initiatives.get(initiativeIndex);
            PhasePlan phase = phases.get(initiative.phaseNumber() - 1);
            List<String> owners = new ArrayList<>();
            owners.add(initiative.accountable());
            initiative.raci().forEach((code, role) -> {
                if (role == RaciRole.RESPONSIBLE) {
                    owners.add(code);
                }
            });
            String owner = random.nextDouble() < 0.65 ? initiative.accountable() : Seeds.pick(random, owners);
            long span = ChronoUnit.DAYS.between(phase.start(), phase.end());
            LocalDate due = phase.start().plusDays(20 + random.nextInt((int) Math.max(1, span - 20)));
            List<String> templates = DemoCatalog.MILESTONES.get(initiative.pillar());
            String quarter = "Q" + due.get(IsoFields.QUARTER_OF_YEAR) + " " + due.getYear();
            String title = String.format(Locale.ROOT, templates.get(random.nextInt(templates.size())), names.get(owner))
                    + " (" + quarter + ")";
            int uses = titleUses.merge(title, 1, Integer::sum);
            if (uses > 1) {
                title = title.substring(0, title.length() - 1) + ", part " + uses + ")";
            }
            String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            List<CheckInSpec> checkIns = checkIns(random, phase, due, asOf);
            List<String> evidence = checkIns.stream().anyMatch(ci -> ci.status() == CheckInStatus.DONE)
                    ? List.of("https://intranet.example.com/cx/" + slug) : List.of();
            List<Integer> linked = new ArrayList<>();
            boolean current = initiative.phaseNumber() == currentPhase && !due.isBefore(asOf);
            if (current && (initiative.pillar() == Pillar.MEASURE || random.nextDouble() < 0.25)) {
                List<Integer> own = targetsByDepartment.getOrDefault(owner, List.of());
                if (!own.isEmpty() && random.nextDouble() < 0.7) {
                    linked.add(Seeds.pick(random, own));
                }
                boolean company = linked.isEmpty() ? random.nextDouble() < 0.5 : random.nextDouble() < 0.2;
                if (company && !companyTargets.isEmpty()) {
                    List<String> metricKeys = new ArrayList<>(companyTargets.keySet());
                    metricKeys.sort(null);
                    int t = companyTargets.get(Seeds.pick(random, metricKeys)).get(0);
                    if (!linked.contains(t)) {
                        linked.add(t);
                    }
                }
            }
            milestones.add(new MilestoneSpec(initiativeIndex, title,
                    "Part of \"" + initiative.title() + "\". Owned by " + names.get(owner) + ".", owner, leads.get(owner), due,
                    evidence, checkIns, linked));
        }
        // a milestone of each silent department depends on a target nobody reports on yet
        for (int t : silentTargets) {
            String owner = targets.get(t).departmentCode();
            for (int j = 0; j < milestones.size(); j++) {
                MilestoneSpec m = milestones.get(j);
                InitiativeSpec initiative = initiatives.get(m.initiative());
                if (m.ownerDepartment().equals(owner) && initiative.phaseNumber() == currentPhase && !m.due().isBefore(asOf)
                        && m.targets().isEmpty()) {
                    milestones.set(j, new MilestoneSpec(m.initiative(), m.title(), m.description(), m.ownerDepartment(),
                            m.ownerPerson(), m.due(), m.evidence(), m.checkIns(), List.of(t)));
                    break;
                }
            }
        }
        return milestones;
    }

    private static List<CheckInSpec> checkIns(SplittableRandom random, PhasePlan phase, LocalDate due, LocalDate asOf) {
        if (!phase.start().isBefore(asOf)) {
            return List.of();
        }
        LocalDate from = phase.start().isAfter(due.minusDays(150)) ? phase.start() : due.minusDays(150);
        LocalDate yesterday = asOf.minusDays(1);
        boolean pastDue = due.isBefore(asOf);
        List<CheckInStatus> statuses = new ArrayList<>();
        double u = random.nextDouble();
        if (pastDue) {
            if (u < 0.75) {
                statuses.addAll(List.of(CheckInStatus.IN_PROGRESS, CheckInStatus.DONE));
            } else if (u < 0.9) {
                statuses.addAll(List.of(CheckInStatus.IN_PROGRESS, random.nextBoolean() ? CheckInStatus.AT_RISK : CheckInStatus.BLOCKED));
            } else {
                return List.of();
            }
        } else if (from.isAfter(yesterday)) {
            return List.of();
        } else if (u < 0.55) {
            statuses.add(CheckInStatus.IN_PROGRESS);
            if (random.nextBoolean()) {
                statuses.add(CheckInStatus.IN_PROGRESS);
            }
        } else if (u < 0.72) {
            statuses.addAll(List.of(CheckInStatus.IN_PROGRESS, CheckInStatus.AT_RISK));
        } else if (u < 0.8) {
            statuses.addAll(List.of(CheckInStatus.IN_PROGRESS, CheckInStatus.BLOCKED));
        } else if (u < 0.9) {
            statuses.add(CheckInStatus.NOT_STARTED);
        } else {
            statuses.addAll(List.of(CheckInStatus.IN_PROGRESS, CheckInStatus.DONE));
        }
        LocalDate to = pastDue ? (random.nextDouble() < 0.8 ? due : min(due.plusDays(20), yesterday)) : yesterday;
        if (to.isBefore(from)) {
            to = from;
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            days.add(from.plusDays(span * (i + 1) / (statuses.size() + 1) + random.nextInt(3)));
        }
        days.sort(null);
        List<CheckInSpec> checkIns = new ArrayList<>();
        int progress = 0;
        for (int i = 0; i < statuses.size(); i++) {
            CheckInStatus status = statuses.get(i);
            progress = switch (status) {
                case DONE -> 100;
                case NOT_STARTED -> 0;
                default -> Math.min(95, Math.max(progress + 5, progress + 10 + random.nextInt(40)));
            };
            LocalDate day = days.get(i).isAfter(yesterday) ? yesterday : days.get(i);
            Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600 + random.nextInt(9 * 3600));
            String comment = switch (status) {
                case DONE -> "Done; evidence linked.";
                case BLOCKED -> Seeds.pick(random, List.of(DemoCatalog.CHECK_IN_COMMENTS.get(2), DemoCatalog.CHECK_IN_COMMENTS.get(3)));
                case AT_RISK -> DemoCatalog.CHECK_IN_COMMENTS.get(5);
                case NOT_STARTED -> "Planned; starts after the current release.";
                default -> Seeds.pick(random, List.of(DemoCatalog.CHECK_IN_COMMENTS.get(0), DemoCatalog.CHECK_IN_COMMENTS.get(1),
                        DemoCatalog.CHECK_IN_COMMENTS.get(4), DemoCatalog.CHECK_IN_COMMENTS.get(6)));
            };
            checkIns.add(new CheckInSpec(at, status, progress, comment));
        }
        return checkIns;
    }

    private List<CommitmentSpec> commitments(List<CommitmentDraft> drafts, List<MilestoneSpec> milestones,
            List<InitiativeSpec> initiatives) {
        List<CommitmentSpec> commitments = new ArrayList<>();
        for (CommitmentDraft d : drafts) {
            List<Integer> linked = new ArrayList<>();
            for (boolean changePillarOnly : new boolean[] {true, false}) {
                for (int j = 0; j < milestones.size() && linked.size() < 2; j++) {
                    MilestoneSpec m = milestones.get(j);
                    boolean pillar = !changePillarOnly || initiatives.get(m.initiative()).pillar() == Pillar.CHANGE;
                    if (pillar && m.ownerDepartment().equals(d.owner()) && !m.due().isBefore(d.created())
                            && !linked.contains(j) && !usedElsewhere(commitments, j)) {
                        linked.add(j);
                    }
                }
            }
            Instant created = at(d.created(), 10);
            List<Move> moves = new ArrayList<>();
            if (d.pivot() != null) {
                moves.add(new Move(at(d.pivot(), 11), "COMMITTED", null));
            }
            if (d.started() != null) {
                moves.add(new Move(at(d.started(), 12), "IN_PROGRESS", null));
            }
            if (d.closed() != null) {
                moves.add(new Move(at(d.closed(), 15), d.state(), d.reason()));
            }
            String title = d.theme().commitment() + (commitments.stream().anyMatch(c -> c.title().startsWith(d.theme().commitment()))
                    ? " (" + d.owner() + ")" : "");
            commitments.add(new CommitmentSpec(d.theme().theme(), title,
                    "Answers what customers say about " + d.theme().theme().replace('-', ' ') + ".", d.owner(), d.due(),
                    linked, d.theme().metric(), created, moves));
        }
        return commitments;
    }

    private static boolean usedElsewhere(List<CommitmentSpec> commitments, int milestone) {
        return commitments.stream().anyMatch(c -> c.milestones().contains(milestone));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(hour * 3600L);
    }

    // ---------------------------------------------------------------- maturity

    private List<AssessmentSpec> assessments(List<DepartmentSpec> departments) {
        List<AssessmentSpec> assessments = new ArrayList<>();
        List<LocalDate> quarterEnds = new ArrayList<>();
        for (LocalDate end = p.programStart().withDayOfMonth(1).plusMonths(3 - (p.programStart().getMonthValue() - 1) % 3).minusDays(1);
                end.isBefore(p.asOf()); end = end.plusDays(1).plusMonths(3).minusDays(1)) {
            if (!end.isBefore(p.programStart())) {
                quarterEnds.add(end);
            }
        }
        for (int i = 0; i < departments.size(); i++) {
            if (i % 10 == 9) {
                continue; // never assessed yet: the distribution shows them apart
            }
            DepartmentSpec d = departments.get(i);
            SplittableRandom random = Seeds.random(seed, ASSESSMENT, i);
            double start = 0.4 + random.nextDouble() * 2.3 + ("support".equals(d.code()) ? 0.8 : 0);
            double gain = 0.1 + random.nextDouble() * 0.35;
            for (int q = 0; q < quarterEnds.size(); q++) {
                double mean = Math.min(3.8, start + gain * q);
                Map<String, Integer> answers = new TreeMap<>();
                for (MaturityQuestionnaire.Question question : MaturityQuestionnaire.QUESTIONS) {
                    long score = Math.round(mean + random.nextGaussian() * 0.6);
                    answers.put(question.key(), (int) Math.max(MaturityScoring.LOWEST_SCORE,
                            Math.min(MaturityScoring.HIGHEST_SCORE, score)));
                }
                assessments.add(new AssessmentSpec(d.code(), quarterEnds.get(q), answers,
                        Seeds.pick(random, DemoCatalog.ASSESSMENT_NOTES), d.lead()));
            }
        }
        return assessments;
    }
}
