package io.cxtracker.domain.feedback;

import io.cxtracker.domain.metric.Granularity;
import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.List;

/** The feedback items and the insights grouped from them; persistence implements it. */
public interface FeedbackRepository {

    /**
     * Stores each item (with its themes) unless one with the same source and idempotency key is stored
     * already — also when a concurrent transaction stores that key at the same moment.
     *
     * @return for each item, in order, whether this call stored it (false: a duplicate)
     */
    List<Boolean> addAllIfAbsent(List<FeedbackItem> items);

    /**
     * One page of the items the query selects. Sort properties: {@code receivedAt} (the default, newest
     * first when no sort is given) and {@code sentiment}; unknown ones are refused.
     */
    Page<FeedbackItem> page(FeedbackQuery query, PageRequest request);

    /**
     * The facts of the {@code limit} themes heard most often among the items the query selects (its theme
     * ignored, or only that theme when given), most items first, with volumes per period of the granularity.
     */
    List<InsightFacts> insights(FeedbackQuery query, Granularity granularity, int limit);

    /** Whether any item carries the theme. */
    boolean hasTheme(Theme theme);
}
