package io.cxtracker.domain.rollup;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.targets.Rag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Rolls milestones up into groups — initiative, pillar, phase, department or program, whatever the key
 * function says — counting them by status and weighing them (equally unless weights are set).
 *
 * <p>A group's RAG:
 * <ul>
 *   <li>NO_DATA when it holds no milestones;
 *   <li>RED when more than {@link #RED_SHARE_LIMIT} of its weight is red: a third of the plan failing is
 *       a program problem, not a detail;
 *   <li>AMBER when anything is red or amber;
 *   <li>GREEN otherwise (healthy or not yet started).
 * </ul>
 */
public final class RollUp {
    /** Red weight above this share of the total makes the whole group red. */
    public static final double RED_SHARE_LIMIT = 1.0 / 3.0;

    public static final double DEFAULT_WEIGHT = 1.0;

    private RollUp() {
    }

    /** Groups weighted equally. Groups appear in the order their first item was met. */
    public static <T, K> Map<K, RollUpResult> rollUp(
            Collection<T> items, Function<T, K> key, Function<T, MilestoneStatus> status) {
        return rollUp(items, key, status, item -> DEFAULT_WEIGHT);
    }

    public static <T, K> Map<K, RollUpResult> rollUp(
            Collection<T> items, Function<T, K> key, Function<T, MilestoneStatus> status, ToDoubleFunction<T> weight) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        Map<K, RollUpResult> results = new LinkedHashMap<>();
        groups.forEach((k, members) -> results.put(k, of(members, status, weight)));
        return results;
    }

    /** One group, e.g. the whole program. */
    public static <T> RollUpResult of(
            Collection<T> items, Function<T, MilestoneStatus> status, ToDoubleFunction<T> weight) {
        Map<MilestoneStatus, Long> counts = new EnumMap<>(MilestoneStatus.class);
        Map<StatusHealth, Double> weights = new EnumMap<>(StatusHealth.class);
        double total = 0;
        for (T item : items) {
            MilestoneStatus s = status.apply(item);
            double w = weight.applyAsDouble(item);
            if (!Double.isFinite(w) || w <= 0) {
                throw new IllegalArgumentException("a roll-up weight must be a positive number, was " + w);
            }
            counts.merge(s, 1L, Long::sum);
            weights.merge(StatusHealth.of(s), w, Double::sum);
            total += w;
        }
        double healthy = weights.getOrDefault(StatusHealth.HEALTHY, 0.0);
        double amber = weights.getOrDefault(StatusHealth.AMBER, 0.0);
        double red = weights.getOrDefault(StatusHealth.RED, 0.0);
        return new RollUpResult(counts, total, healthy, amber, red, rag(items.isEmpty(), total, amber, red));
    }

    private static Rag rag(boolean empty, double total, double amber, double red) {
        if (empty) {
            return Rag.NO_DATA;
        }
        if (red / total > RED_SHARE_LIMIT) {
            return Rag.RED;
        }
        if (red > 0 || amber > 0) {
            return Rag.AMBER;
        }
        return Rag.GREEN;
    }
}
