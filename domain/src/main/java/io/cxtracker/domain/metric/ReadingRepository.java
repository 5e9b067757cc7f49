package io.cxtracker.domain.metric;

import java.util.List;
import java.util.Optional;

/** The stored readings (the write side); series and roll-ups are read through {@link MetricSeriesRepository}. */
public interface ReadingRepository {

    /**
     * Stores each reading unless a reading with the same metric, source and idempotency key is stored
     * already — also when a concurrent transaction stores that key at the same moment: the key is then
     * stored exactly once, by whichever commits first.
     *
     * @return for each reading, in order, whether it was stored by this call (false: a duplicate)
     */
    List<Boolean> addAllIfAbsent(List<Reading> readings);

    Optional<Reading> find(Metric metric, String source, String idempotencyKey);
}
