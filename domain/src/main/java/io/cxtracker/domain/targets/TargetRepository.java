package io.cxtracker.domain.targets;

import io.cxtracker.domain.shared.DepartmentCode;
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

    /**
     * The targets on a metric and/or of a department (null: any), by due date and id.
     */
    List<Target> list(MetricKey metric, DepartmentCode department);

    void add(Target target);

    /**
     * Writes the changes of a loaded target now, so that its new version is known.
     *
     * @throws io.cxtracker.domain.shared.ConcurrentUpdateException when another transaction changed it first
     */
    void store(Target target);
}
