package io.cxtracker.domain.listen;

import io.cxtracker.domain.metric.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The readings the answers of several batches add up to, one per metric, source and reading key: an import's
 * batches all touch the same days, departments and channels, so writing their sums once at the end makes one
 * upsert per reading for the whole file instead of one per batch (each upsert fires the reading's revision and
 * daily-statistics triggers). Statistics merge exactly, so the readings end up as if every batch had written its own.
 */
public final class SurveyReadingSums {
    private record Key(String metric, String source, String idempotencyKey) {
    }

    private final Map<Key, Reading> byKey = new LinkedHashMap<>();

    void add(List<Reading> readings) {
        for (Reading r : readings) {
            byKey.merge(new Key(r.metric().key().value(), r.source(), r.idempotencyKey()), r, (sum, more) -> new Reading(sum.metric(),
                    sum.day(), sum.department(), sum.channel(), sum.statistics().merge(more.statistics()), sum.source(),
                    sum.idempotencyKey(), sum.receivedAt()));
        }
    }

    /** The sums so far, each once, in the order their keys first came; afterwards empty. */
    List<Reading> drain() {
        List<Reading> sums = new ArrayList<>(byKey.values());
        byKey.clear();
        return sums;
    }

    public int size() {
        return byKey.size();
    }
}
