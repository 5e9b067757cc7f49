package io.cxtracker.domain.listen;

import java.util.List;

/** The answer to a bulk submission: counts and every item's outcome, in the batch's order. */
public record BatchReport(int accepted, int duplicates, int rejected, List<BatchOutcome> items) {

    public BatchReport {
        items = List.copyOf(items);
    }

    public static BatchReport of(List<BatchOutcome> items) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (BatchOutcome item : items) {
            switch (item.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        return new BatchReport(accepted, duplicates, rejected, items);
    }
}
