package io.cxtracker.domain.metric;

import java.util.List;

/** The answer to a batch of readings: counts and each reading's outcome, in the batch's order. */
public record IngestionReport(int accepted, int duplicates, int rejected, List<ReadingOutcome> items) {

    public IngestionReport {
        items = List.copyOf(items);
    }

    static IngestionReport of(List<ReadingOutcome> items) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (ReadingOutcome item : items) {
            switch (item.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        return new IngestionReport(accepted, duplicates, rejected, items);
    }
}
