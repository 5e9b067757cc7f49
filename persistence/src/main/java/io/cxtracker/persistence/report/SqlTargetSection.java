package io.cxtracker.persistence.report;

import io.cxtracker.domain.metric.SeriesPoint;
import io.cxtracker.domain.metric.SeriesScope;
import io.cxtracker.domain.metric.MetricSeriesRepository;
import io.cxtracker.domain.report.ReportDepartment;
import io.cxtracker.domain.report.ReportPeriod;
import io.cxtracker.domain.report.TargetLine;
import io.cxtracker.domain.targets.Rag;
import io.cxtracker.domain.targets.Target;
import io.cxtracker.domain.targets.TargetEvaluation;
import io.cxtracker.domain.targets.TargetRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The accountability report's targets section: the department's targets (for the program-wide group,
 * the company-wide ones) due in the period or later, keyset-paged by due date and id, each evaluated by
 * its own rule ({@link Target#evaluate}) as of the period's as-of day over its trailing window of the
 * daily series PostgreSQL sums from the readings — one series query per chunk.
 */
@ApplicationScoped
public class SqlTargetSection {
    static final int CHUNK = 200;
    private static final LocalDate BEFORE_ALL = LocalDate.of(1, 1, 1);
    private static final String SELECT = """
            SELECT t.id, t.due_date FROM target t LEFT JOIN department d ON d.id = t.department_id
             WHERE %s AND t.due_date >= ? AND (t.due_date, t.id) > (?, ?)
             ORDER BY t.due_date, t.id
             LIMIT ?""";
    private static final String OF_DEPARTMENT = SELECT.formatted("d.code = ?");
    private static final String COMPANY_WIDE = SELECT.formatted("t.department_id IS NULL");

    /** The reporting datasource: a read replica when CX_DB_REPORT_URL names one, else the primary (README "Scaling out"). */
    @Resource(lookup = "java:jboss/datasources/CxReportDS")
    DataSource dataSource;

    @Inject
    TargetRepository targets;

    @Inject
    MetricSeriesRepository series;

    /** For CDI. */
    public SqlTargetSection() {
    }

    /** For tests. */
    public SqlTargetSection(DataSource dataSource, TargetRepository targets, MetricSeriesRepository series) {
        this.dataSource = dataSource;
        this.targets = targets;
        this.series = series;
    }

    public void targets(ReportDepartment department, ReportPeriod period, Consumer<TargetLine> each) {
        LocalDate lastDue = BEFORE_ALL;
        long lastId = -1;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<LocalDate> dues = new ArrayList<>();
            read(department, period, lastDue, lastId, ids, dues);
            if (ids.isEmpty()) {
                return;
            }
            evaluate(ids, period.asOf(), each);
            lastDue = dues.getLast();
            lastId = ids.getLast();
            if (ids.size() < CHUNK) {
                return;
            }
        }
    }

    private void evaluate(List<Long> ids, LocalDate asOf, Consumer<TargetLine> each) {
        Map<Long, Target> byId = new HashMap<>();
        targets.findAllById(ids).forEach(t -> byId.put(t.id(), t));
        Map<Long, SeriesScope> scopes = new LinkedHashMap<>();
        for (Long id : ids) {
            Target target = byId.get(id);
            if (target != null) {
                scopes.put(id, new SeriesScope(target.metric(), target.department(), target.windowEndingOn(asOf)));
            }
        }
        Map<SeriesScope, List<SeriesPoint>> daily = scopes.isEmpty() ? Map.of() : series.daily(new LinkedHashSet<>(scopes.values()));
        for (Long id : ids) {
            Target t = byId.get(id);
            if (t == null) {
                continue;
            }
            TargetEvaluation verdict = t.evaluate(daily.getOrDefault(scopes.get(id), List.of()), asOf);
            each.accept(new TargetLine(t.id(), t.metric().key().value(), t.metric().name(),
                    t.department() == null ? null : t.department().code().value(), t.metric().unit(), t.baseline(),
                    t.targetValue(), rounded(verdict.current(), 100), rounded(scaled(verdict.progress()), 10), t.due(),
                    rag(verdict.rag())));
        }
    }

    /** green, amber, red or no data. */
    static String rag(Rag rag) {
        return rag.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static OptionalDouble scaled(OptionalDouble share) {
        return share.isPresent() ? OptionalDouble.of(share.getAsDouble() * 100) : share;
    }

    private static Double rounded(OptionalDouble value, int scale) {
        return value.isPresent() ? Math.round(value.getAsDouble() * scale) / (double) scale : null;
    }

    private void read(ReportDepartment department, ReportPeriod period, LocalDate afterDue, long afterId, List<Long> ids,
            List<LocalDate> dues) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(department.isProgramWide() ? COMPANY_WIDE : OF_DEPARTMENT)) {
            int p = 1;
            if (!department.isProgramWide()) {
                statement.setString(p++, department.code());
            }
            statement.setObject(p++, period.from());
            statement.setObject(p++, afterDue);
            statement.setLong(p++, afterId);
            statement.setInt(p, CHUNK);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    dues.add(rs.getObject(2, LocalDate.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the targets of " + department.name(), e);
        }
    }
}
