package io.cxtracker.domain.target;

import io.cxtracker.domain.metric.MetricKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The targets set on metrics; persistence implements it. */
public interface TargetRepository {

    Optional<Target> findById(long id);

    /** The targets with these ids, with their metrics and departments loaded; unknown ids are absent. */
    List<Target> findAllById(Collection<Long> ids);

    /** The targets on a metric, by due date. */
    List<Target> listByMetric(MetricKey key);

    void add(Target target);
}
