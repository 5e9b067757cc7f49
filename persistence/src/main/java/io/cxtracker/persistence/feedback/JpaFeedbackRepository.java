package io.cxtracker.persistence.feedback;

import io.cxtracker.domain.feedback.FeedbackItem;
import io.cxtracker.domain.feedback.FeedbackQuery;
import io.cxtracker.domain.feedback.FeedbackRepository;
import io.cxtracker.domain.feedback.Insight;
import io.cxtracker.domain.feedback.InsightFacts;
import io.cxtracker.domain.feedback.Theme;
import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.shared.InvalidInputException;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import io.cxtracker.persistence.shared.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feedback items stored with {@code ON CONFLICT (source, idempotency_key) DO NOTHING RETURNING id}, their themes
 * after them; insights summed by PostgreSQL per theme, period and department (counts and sums only: the domain
 * computes means and trends).
 */
@ApplicationScoped
public class JpaFeedbackRepository implements FeedbackRepository {
    static final int ITEMS_PER_STATEMENT = 500;
    private static final Map<String, String> SORTS = Map.of("receivedAt", "receivedAt", "sentiment", "sentiment");

    @PersistenceContext(unitName = "cx")
    EntityManager em;

    /** For CDI, which injects the persistence context. */
    public JpaFeedbackRepository() {
    }

    /** Outside the container, e.g. in tests with a resource-local entity manager. */
    public JpaFeedbackRepository(EntityManager em) {
        this.em = em;
    }

    private record Key(String source, String idempotencyKey) {
        static Key of(FeedbackItem item) {
            return new Key(item.source(), item.idempotencyKey());
        }
    }

    @Override
    public List<Boolean> addAllIfAbsent(List<FeedbackItem> items) {
        List<FeedbackItem> ordered = items.stream()
                .sorted(Comparator.comparing(Key::of, Comparator.comparing(Key::source).thenComparing(Key::idempotencyKey)))
                .toList();
        Map<Key, Long> stored = new HashMap<>();
        for (int start = 0; start < ordered.size(); start += ITEMS_PER_STATEMENT) {
            List<FeedbackItem> chunk = ordered.subList(start, Math.min(ordered.size(), start + ITEMS_PER_STATEMENT));
            Map<Key, Long> ids = insert(chunk);
            insertThemes(chunk, ids);
            stored.putAll(ids);
        }
        List<Boolean> result = new ArrayList<>(items.size());
        for (FeedbackItem item : items) {
            result.add(stored.remove(Key.of(item)) != null);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<Key, Long> insert(List<FeedbackItem> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO feedback (channel, text, sentiment, department_id, received_at, "
                + "source, idempotency_key, recorded_at) VALUES ");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            FeedbackItem f = rows.get(i);
            sql.append(i == 0 ? "(" : ", (");
            append(sql, parameters, f.channel().name(), f.text(), f.sentiment(),
                    f.department() == null ? null : f.department().id(), f.receivedAt(), f.source(), f.idempotencyKey(),
                    f.recordedAt());
            sql.append(')');
        }
        sql.append(" ON CONFLICT (source, idempotency_key) DO NOTHING RETURNING id, source, idempotency_key");
        Map<Key, Long> ids = new HashMap<>();
        for (Object[] row : (List<Object[]>) query(sql.toString(), parameters).getResultList()) {
            ids.put(new Key((String) row[1], (String) row[2]), Rows.toLong(row[0]));
        }
        return ids;
    }

    private void insertThemes(List<FeedbackItem> rows, Map<Key, Long> ids) {
        StringBuilder sql = new StringBuilder("INSERT INTO feedback_theme (feedback_id, theme) VALUES ");
        List<Object> parameters = new ArrayList<>();
        for (FeedbackItem item : rows) {
            Long id = ids.get(Key.of(item));
            if (id == null) {
                continue;
            }
            for (String theme : item.themes()) {
                sql.append(parameters.isEmpty() ? "(" : ", (");
                append(sql, parameters, id, theme);
                sql.append(')');
            }
        }
        if (!parameters.isEmpty()) {
            query(sql.toString(), parameters).executeUpdate();
        }
    }

    @Override
    public Page<FeedbackItem> page(FeedbackQuery query, PageRequest request) {
        String order;
        if (request.sortProperty() == null) {
            order = " order by f.receivedAt desc, f.id desc";
        } else {
            String path = SORTS.get(request.sortProperty());
            if (path == null) {
                throw new InvalidInputException("sort", "must be one of " + SORTS.keySet().stream().sorted().toList());
            }
            order = " order by f." + path + (request.ascending() ? " asc" : " desc") + ", f.id asc";
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        TypedQuery<Long> count = em.createQuery("select count(f) from FeedbackItem f" + where, Long.class);
        TypedQuery<Long> ids = em.createQuery("select f.id from FeedbackItem f" + where + order, Long.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            ids.setParameter(name, value);
        });
        List<Long> pageIds = ids.setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList();
        return new Page<>(itemsInOrder(pageIds), count.getSingleResult());
    }

    /** The items with their department and themes in one query (no query per item), in the order of the ids. */
    private List<FeedbackItem> itemsInOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, FeedbackItem> byId = new HashMap<>();
        em.createQuery("select distinct f from FeedbackItem f left join fetch f.department left join fetch f.themes"
                        + " where f.id in :ids", FeedbackItem.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(item -> byId.put(item.id(), item));
        return ids.stream().map(byId::get).toList();
    }

    private static String where(FeedbackQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.theme() != null) {
            conditions.add(":theme member of f.themes");
            parameters.put("theme", query.theme().value());
        }
        if (query.department() != null) {
            conditions.add("f.department = :department");
            parameters.put("department", query.department());
        }
        if (query.channel() != null) {
            conditions.add("f.channel = :channel");
            parameters.put("channel", query.channel());
        }
        if (query.from() != null) {
            conditions.add("f.receivedAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            conditions.add("f.receivedAt < :to");
            parameters.put("to", query.to());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<InsightFacts> insights(FeedbackQuery query, Granularity granularity, int limit) {
        List<Object> parameters = new ArrayList<>();
        String filter = nativeFilter(query, parameters);
        // the themes heard most often, with their totals
        String top = "SELECT t.theme, count(*), sum(f.sentiment), count(*) FILTER (WHERE f.sentiment <= "
                + Insight.NEGATIVE_AT_OR_BELOW + "), min(f.received_at), max(f.received_at)"
                + " FROM feedback f JOIN feedback_theme t ON t.feedback_id = f.id" + filter
                + " GROUP BY t.theme ORDER BY count(*) DESC, t.theme LIMIT " + limit;
        List<Object[]> totals = (List<Object[]>) query(top, parameters).getResultList();
        if (totals.isEmpty()) {
            return List.of();
        }
        List<String> themes = totals.stream().map(row -> (String) row[0]).toList();
        List<Object> scoped = new ArrayList<>(parameters);
        scoped.add(themes);
        String themeFilter = (filter.isEmpty() ? " WHERE " : filter + " AND ") + "t.theme IN (?" + scoped.size() + ")";

        Map<String, TreeMap<LocalDate, InsightFacts.PeriodFacts>> periods = new HashMap<>();
        String perPeriod = "SELECT t.theme, date_trunc('" + unit(granularity) + "', (f.received_at AT TIME ZONE 'UTC'))::date,"
                + " count(*), sum(f.sentiment) FROM feedback f JOIN feedback_theme t ON t.feedback_id = f.id" + themeFilter
                + " GROUP BY 1, 2";
        for (Object[] row : (List<Object[]>) query(perPeriod, scoped).getResultList()) {
            periods.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put(Rows.toLocalDate(row[1]),
                    new InsightFacts.PeriodFacts(Rows.toLong(row[2]), Rows.toDouble(row[3])));
        }
        Map<String, Map<String, Long>> departments = new HashMap<>();
        String perDepartment = "SELECT t.theme, d.code, count(*) FROM feedback f JOIN feedback_theme t ON t.feedback_id = f.id"
                + " JOIN department d ON d.id = f.department_id" + themeFilter + " GROUP BY 1, 2";
        for (Object[] row : (List<Object[]>) query(perDepartment, scoped).getResultList()) {
            departments.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], Rows.toLong(row[2]));
        }
        Map<String, Long> open = new HashMap<>();
        Query openCommitments = em.createNativeQuery("SELECT theme, count(*) FROM commitment"
                + " WHERE state NOT IN ('DONE', 'DROPPED') AND theme IN (?1) GROUP BY theme");
        openCommitments.setParameter(1, themes);
        for (Object[] row : (List<Object[]>) openCommitments.getResultList()) {
            open.put((String) row[0], Rows.toLong(row[1]));
        }
        List<InsightFacts> facts = new ArrayList<>();
        for (Object[] row : totals) {
            String theme = (String) row[0];
            facts.add(new InsightFacts(theme, Rows.toLong(row[1]), Rows.toDouble(row[2]), Rows.toLong(row[3]),
                    Rows.toInstant(row[4]), Rows.toInstant(row[5]), periods.getOrDefault(theme, new TreeMap<>()),
                    departments.getOrDefault(theme, Map.of()), open.getOrDefault(theme, 0L)));
        }
        return facts;
    }

    private static String nativeFilter(FeedbackQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.theme() != null) {
            parameters.add(query.theme().value());
            conditions.add("t.theme = ?" + parameters.size());
        }
        if (query.department() != null) {
            parameters.add(query.department().id());
            conditions.add("f.department_id = ?" + parameters.size());
        }
        if (query.channel() != null) {
            parameters.add(query.channel().name());
            conditions.add("f.channel = ?" + parameters.size());
        }
        if (query.from() != null) {
            parameters.add(query.from());
            conditions.add("f.received_at >= ?" + parameters.size());
        }
        if (query.to() != null) {
            parameters.add(query.to());
            conditions.add("f.received_at < ?" + parameters.size());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    @Override
    public boolean hasTheme(Theme theme) {
        return !em.createNativeQuery("SELECT 1 FROM feedback_theme WHERE theme = ?1 LIMIT 1")
                .setParameter(1, theme.value()).getResultList().isEmpty();
    }

    private static String unit(Granularity granularity) {
        return switch (granularity) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
            case QUARTER -> "quarter";
        };
    }

    private static void append(StringBuilder sql, List<Object> parameters, Object... values) {
        for (int v = 0; v < values.length; v++) {
            sql.append(v == 0 ? "" : ", ");
            if (values[v] == null) {
                sql.append("NULL");
            } else {
                parameters.add(values[v]);
                sql.append('?').append(parameters.size());
            }
        }
    }

    private Query query(String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
