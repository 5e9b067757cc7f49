package io.cxtracker.domain.metric;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The metrics of the program; persistence implements it. */
public interface MetricRepository {

    Optional<Metric> findByKey(MetricKey key);

    /** The metrics with these keys; unknown keys are simply absent from the answer. */
    List<Metric> findByKeys(Collection<MetricKey> keys);

    /** All metrics, by key. */
    List<Metric> list();

    /**
     * @throws io.cxtracker.domain.shared.AlreadyExistsException when the key is taken, also by a concurrent request
     */
    void add(Metric metric);
}
