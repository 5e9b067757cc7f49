package io.cxtracker.api.metric;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a batch of readings: counts, and every item's outcome in the batch's order. */
@Schema(description = "Per item: ACCEPTED, DUPLICATE or REJECTED with reasons; accepted + duplicates + rejected = items")
public record IngestionResponse(int accepted, int duplicates, int rejected, List<ReadingOutcomeResponse> items) {
}
