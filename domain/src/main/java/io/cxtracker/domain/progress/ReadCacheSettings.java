package io.cxtracker.domain.progress;

/**
 * How many computed reads (dashboards, milestone pages, metric trends) a node keeps ({@code cx.read-cache.entries}); 0 keeps none (every read computes).
 */
public record ReadCacheSettings(int entries) {
    public static final ReadCacheSettings DEFAULTS = new ReadCacheSettings(256);

    public ReadCacheSettings {
        if (entries < 0) {
            throw new IllegalArgumentException("read cache entries ≥ 0, not " + entries);
        }
    }
}
