package io.cxtracker.domain.progress;

/**
 * How many computed dashboards a node keeps ({@code cx.read-cache.entries}); 0 keeps none (every read computes).
 */
public record ReadCacheSettings(int entries) {
    public static final ReadCacheSettings DEFAULTS = new ReadCacheSettings(64);

    public ReadCacheSettings {
        if (entries < 0) {
            throw new IllegalArgumentException("read cache entries ≥ 0, not " + entries);
        }
    }
}
