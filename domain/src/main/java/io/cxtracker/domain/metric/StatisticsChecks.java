package io.cxtracker.domain.metric;

/** The argument checks every kind of statistics shares, so the messages read the same everywhere. */
final class StatisticsChecks {
    private StatisticsChecks() {
    }

    static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
    }

    static IllegalArgumentException kindMismatch(MetricStatistics into, MetricStatistics other) {
        String otherKind = other == null ? "null" : other.kind().toString();
        return new IllegalArgumentException(
                "cannot merge " + otherKind + " statistics into " + into.kind() + " statistics");
    }
}
