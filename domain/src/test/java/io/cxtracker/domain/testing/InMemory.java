package io.cxtracker.domain.testing;

import io.cxtracker.domain.department.Department;
import io.cxtracker.domain.shared.DepartmentCode;
import io.cxtracker.domain.department.DepartmentRepository;
import io.cxtracker.domain.initiative.Initiative;
import io.cxtracker.domain.initiative.InitiativeFilter;
import io.cxtracker.domain.initiative.InitiativeRepository;
import io.cxtracker.domain.metric.DateRange;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.metric.Metric;
import io.cxtracker.domain.metric.MetricKey;
import io.cxtracker.domain.metric.MetricRepository;
import io.cxtracker.domain.metric.MetricSeriesRepository;
import io.cxtracker.domain.metric.MetricStatistics;
import io.cxtracker.domain.metric.Period;
import io.cxtracker.domain.metric.Reading;
import io.cxtracker.domain.metric.ReadingRepository;
import io.cxtracker.domain.metric.SeriesBucket;
import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.milestone.ApprovalRequest;
import io.cxtracker.domain.milestone.ApprovalRequestQuery;
import io.cxtracker.domain.milestone.ApprovalRequestRepository;
import io.cxtracker.domain.milestone.Milestone;
import io.cxtracker.domain.milestone.RequestState;
import io.cxtracker.domain.milestone.MilestoneRepository;
import io.cxtracker.domain.program.Phase;
import io.cxtracker.domain.program.Program;
import io.cxtracker.domain.program.ProgramRepository;
import io.cxtracker.domain.progress.MilestoneFacts;
import io.cxtracker.domain.progress.MilestoneFilter;
import io.cxtracker.domain.progress.ProgressRepository;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory repositories for service tests: they keep entities in lists, hand out ids as the database
 * would, bump versions on store, and compute series by merging statistics in Java.
 */
public final class InMemory {
    private final AtomicLong ids = new AtomicLong(100);

    public final List<Department> departmentRows = new ArrayList<>();
    public final List<Program> programRows = new ArrayList<>();
    public final List<Initiative> initiativeRows = new ArrayList<>();
    public final List<Metric> metricRows = new ArrayList<>();
    public final List<Target> targetRows = new ArrayList<>();
    public final List<Milestone> milestoneRows = new ArrayList<>();
    public final List<Reading> readingRows = new ArrayList<>();

    private long nextId() {
        return ids.incrementAndGet();
    }

    public Department department(String code) {
        Department department = new Department(new DepartmentCode(code), "The " + code + " department", null);
        Entities.assignId(department, nextId());
        departmentRows.add(department);
        return department;
    }

    public final DepartmentRepository departments = new DepartmentRepository() {
        @Override
        public Optional<Department> findByCode(DepartmentCode code) {
            return departmentRows.stream().filter(d -> d.code().equals(code)).findFirst();
        }

        @Override
        public Page<Department> page(PageRequest request, String search) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(Department department) {
            Entities.assignId(department, nextId());
            departmentRows.add(department);
        }
    };

    public final ProgramRepository programs = new ProgramRepository() {
        @Override
        public Optional<Program> findById(long id) {
            return programRows.stream().filter(p -> p.id() == id).findFirst();
        }

        @Override
        public List<Program> list() {
            return List.copyOf(programRows);
        }

        @Override
        public void add(Program program) {
            Entities.assignId(program, nextId());
            for (Phase phase : program.phases()) {
                Entities.assignId(phase, nextId());
            }
            programRows.add(program);
        }

        @Override
        public void store(Program program) {
            Entities.bumpVersion(program);
        }
    };

    public final InitiativeRepository initiatives = new InitiativeRepository() {
        @Override
        public Optional<Initiative> findById(long id) {
            return initiativeRows.stream().filter(i -> i.id() == id).findFirst();
        }

        @Override
        public List<Initiative> listByProgram(long programId) {
            return initiativeRows.stream().filter(i -> i.program().id() == programId).toList();
        }

        @Override
        public Page<Initiative> page(InitiativeFilter filter, PageRequest request) {
            List<Initiative> all = initiativeRows.stream()
                    .filter(i -> filter.programId() == null || i.program().id().equals(filter.programId()))
                    .filter(i -> filter.department() == null || i.raci().containsKey(filter.department()))
                    .filter(i -> filter.pillar() == null || i.pillar() == filter.pillar())
                    .filter(i -> filter.phaseNumber() == null || i.phase().number() == filter.phaseNumber())
                    .sorted(Comparator.comparing(Initiative::id))
                    .toList();
            return slice(all, request);
        }

        @Override
        public void add(Initiative initiative) {
            Entities.assignId(initiative, nextId());
            initiativeRows.add(initiative);
        }

        @Override
        public void store(Initiative initiative) {
            Entities.bumpVersion(initiative);
        }
    };

    public final MetricRepository metrics = new MetricRepository() {
        @Override
        public Optional<Metric> findByKey(MetricKey key) {
            return metricRows.stream().filter(m -> m.key().equals(key)).findFirst();
        }

        @Override
        public List<Metric> findByKeys(Collection<MetricKey> keys) {
            return metricRows.stream().filter(m -> keys.contains(m.key())).toList();
        }

        @Override
        public List<Metric> list() {
            return List.copyOf(metricRows);
        }

        @Override
        public void add(Metric metric) {
            Entities.assignId(metric, nextId());
            metricRows.add(metric);
        }
    };

    public final TargetRepository targets = new TargetRepository() {
        @Override
        public Optional<Target> findById(long id) {
            return targetRows.stream().filter(t -> t.id() == id).findFirst();
        }

        @Override
        public List<Target> findAllById(Collection<Long> wanted) {
            return targetRows.stream().filter(t -> wanted.contains(t.id())).toList();
        }

        @Override
        public List<Target> listByMetric(MetricKey key) {
            return targetRows.stream().filter(t -> t.metric().key().equals(key))
                    .sorted(Comparator.comparing(Target::due)).toList();
        }

        @Override
        public List<Target> list(MetricKey metric, DepartmentCode department) {
            return targetRows.stream()
                    .filter(t -> metric == null || t.metric().key().equals(metric))
                    .filter(t -> department == null || (t.department() != null && t.department().code().equals(department)))
                    .sorted(Comparator.comparing(Target::due).thenComparing(Target::id))
                    .toList();
        }

        @Override
        public void add(Target target) {
            Entities.assignId(target, nextId());
            targetRows.add(target);
        }

        @Override
        public void store(Target target) {
            Entities.bumpVersion(target);
        }
    };

    public final List<ApprovalRequest> approvalRows = new ArrayList<>();

    public final ApprovalRequestRepository approvals = new ApprovalRequestRepository() {
        @Override
        public Optional<ApprovalRequest> findById(long id) {
            return approvalRows.stream().filter(r -> r.id() == id).findFirst();
        }

        @Override
        public void add(ApprovalRequest request) {
            Entities.assignId(request, nextId());
            approvalRows.add(request);
        }

        @Override
        public void store(ApprovalRequest request) {
            // the decision is part of the object already
        }

        @Override
        public Page<ApprovalRequest> page(ApprovalRequestQuery query, PageRequest page) {
            List<ApprovalRequest> matching = approvalRows.stream()
                    .filter(r -> query.state() == null || r.state() == query.state())
                    .filter(r -> query.department() == null || r.milestone().ownerDepartment().code().equals(query.department()))
                    .filter(r -> query.milestoneId() == null || r.milestone().id().equals(query.milestoneId()))
                    .sorted(Comparator.comparing(ApprovalRequest::id).reversed())
                    .toList();
            return slice(matching, page);
        }

        @Override
        public List<ApprovalRequest> pendingOf(Collection<Long> milestoneIds) {
            return approvalRows.stream().filter(r -> r.state() == RequestState.PENDING)
                    .filter(r -> milestoneIds.contains(r.milestone().id())).toList();
        }
    };

    public final MilestoneRepository milestones = new MilestoneRepository() {
        @Override
        public Optional<Milestone> findById(long id) {
            return milestoneRows.stream().filter(m -> m.id() == id).findFirst();
        }

        @Override
        public List<Milestone> listByInitiative(long initiativeId) {
            return milestoneRows.stream().filter(m -> m.initiative().id() == initiativeId)
                    .sorted(Comparator.comparing(Milestone::due)).toList();
        }

        @Override
        public void add(Milestone milestone) {
            Entities.assignId(milestone, nextId());
            milestoneRows.add(milestone);
        }

        @Override
        public void store(Milestone milestone) {
            Entities.bumpVersion(milestone);
        }
    };

    public final ReadingRepository readings = new ReadingRepository() {
        private final Set<List<Object>> keys = new HashSet<>();

        @Override
        public List<Boolean> addAllIfAbsent(List<Reading> batch) {
            List<Boolean> stored = new ArrayList<>();
            for (Reading r : batch) {
                boolean added = keys.add(List.of(r.metric().id(), r.source(), r.idempotencyKey()));
                if (added) {
                    readingRows.add(r);
                }
                stored.add(added);
            }
            return stored;
        }

        @Override
        public Optional<Reading> find(Metric metric, String source, String idempotencyKey) {
            return readingRows.stream().filter(r -> r.metric() == metric && r.source().equals(source)
                    && r.idempotencyKey().equals(idempotencyKey)).findFirst();
        }
    };

    public final MetricSeriesRepository series = new MetricSeriesRepository() {
        @Override
        public List<SeriesBucket> series(Metric metric, DateRange range, Granularity granularity, Department department,
                String channel) {
            return series(metric, range, granularity, department, channel, null);
        }

        @Override
        public List<SeriesBucket> series(Metric metric, DateRange range, Granularity granularity, Department department,
                String channel, java.time.Instant knownAt) {
            TreeMap<java.time.LocalDate, MetricStatistics> buckets = new TreeMap<>();
            readingsOf(metric, range, department).stream()
                    .filter(r -> channel == null || channel.equals(r.channel()))
                    .filter(r -> knownAt == null || !r.receivedAt().isAfter(knownAt))
                    .forEach(r -> buckets.merge(granularity.bucketStart(r.day()), r.statistics(), MetricStatistics::merge));
            return buckets.entrySet().stream().map(e -> new SeriesBucket(new Period(e.getKey(), granularity), e.getValue())).toList();
        }

        @Override
        public MetricStatistics total(Metric metric, DateRange range, Collection<Department> departments) {
            return readingsOf(metric, range, null).stream()
                    .filter(r -> departments.isEmpty() || departments.contains(r.department()))
                    .map(Reading::statistics)
                    .reduce(MetricStatistics.empty(metric.kind()), MetricStatistics::merge);
        }

        @Override
        public Map<DepartmentCode, MetricStatistics> byDepartment(Metric metric, DateRange range) {
            Map<DepartmentCode, MetricStatistics> result = new LinkedHashMap<>();
            readingsOf(metric, range, null).stream().filter(r -> r.department() != null)
                    .forEach(r -> result.merge(r.department().code(), r.statistics(), MetricStatistics::merge));
            return result;
        }

        @Override
        public Map<SeriesScope, List<SeriesPoint>> daily(Collection<SeriesScope> scopes) {
            Map<SeriesScope, List<SeriesPoint>> result = new LinkedHashMap<>();
            for (SeriesScope scope : scopes) {
                TreeMap<java.time.LocalDate, MetricStatistics> days = new TreeMap<>();
                readingsOf(scope.metric(), scope.range(), scope.department())
                        .forEach(r -> days.merge(r.day(), r.statistics(), MetricStatistics::merge));
                result.put(scope, days.entrySet().stream().map(e -> new SeriesPoint(e.getKey(), e.getValue())).toList());
            }
            return result;
        }

        private List<Reading> readingsOf(Metric metric, DateRange range, Department department) {
            return readingRows.stream()
                    .filter(r -> r.metric() == metric && range.contains(r.day()))
                    .filter(r -> department == null || Objects.equals(r.department(), department))
                    .toList();
        }
    };

    public final ProgressRepository progress = new ProgressRepository() {
        @Override
        public List<MilestoneFacts> milestonesOfProgram(long programId) {
            return milestoneRows.stream()
                    .filter(m -> m.initiative().program().id() == programId)
                    .sorted(Comparator.comparing(Milestone::id))
                    .map(MilestoneFacts::of)
                    .toList();
        }

        @Override
        public Page<MilestoneFacts> milestones(MilestoneFilter filter, PageRequest page) {
            return slice(allMilestones(filter, page), page);
        }

        @Override
        public List<MilestoneFacts> allMilestones(MilestoneFilter filter, PageRequest order) {
            return milestoneRows.stream()
                    .filter(m -> filter.programId() == null || m.initiative().program().id().equals(filter.programId()))
                    .filter(m -> filter.initiativeId() == null || m.initiative().id().equals(filter.initiativeId()))
                    .filter(m -> filter.department() == null || m.ownerDepartment().code().equals(filter.department()))
                    .filter(m -> filter.pillar() == null || m.initiative().pillar() == filter.pillar())
                    .filter(m -> filter.phaseNumber() == null || m.initiative().phase().number() == filter.phaseNumber())
                    .filter(m -> filter.dueAfter() == null || !m.due().isBefore(filter.dueAfter()))
                    .filter(m -> filter.dueBefore() == null || !m.due().isAfter(filter.dueBefore()))
                    .sorted(Comparator.comparing(Milestone::due).thenComparing(Milestone::id))
                    .map(MilestoneFacts::of)
                    .toList();
        }
    };

    private static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = Math.min(request.offset(), all.size());
        int to = Math.min(from + request.limit(), all.size());
        return new Page<>(all.subList(from, to), all.size());
    }
}
