package io.cxtracker.domain.rollup;

import io.cxtracker.domain.milestone.MilestoneStatus;
import io.cxtracker.domain.targets.Rag;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One group's roll-up: how many milestones are in each status (every status present, zero included, so
 * report columns line up), their weights by health, and the group's RAG.
 *
 * <p>Shares are of the total weight; an empty group has shares of 0 and RAG NO_DATA.
 */
public record RollUpResult(
        Map<MilestoneStatus, Long> counts,
        double totalWeight,
        double healthyWeight,
        double amberWeight,
        double redWeight,
        Rag rag) {

    public RollUpResult {
        Objects.requireNonNull(rag, "rag");
        EnumMap<MilestoneStatus, Long> all = new EnumMap<>(MilestoneStatus.class);
        for (MilestoneStatus status : MilestoneStatus.values()) {
            all.put(status, counts.getOrDefault(status, 0L));
        }
        counts = Collections.unmodifiableMap(all);
    }

    public long count(MilestoneStatus status) {
        return counts.get(status);
    }

    public long itemCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Weighted share of milestones that are healthy ("on track" in the dashboard's words). */
    public double onTrackShare() {
        return share(healthyWeight);
    }

    public double amberShare() {
        return share(amberWeight);
    }

    public double redShare() {
        return share(redWeight);
    }

    private double share(double weight) {
        return totalWeight == 0 ? 0 : weight / totalWeight;
    }
}
