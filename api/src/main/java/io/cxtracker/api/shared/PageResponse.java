package io.cxtracker.api.shared;

import java.util.List;

/** A page of a list with the total number of items, so clients can page without guessing. */
public record PageResponse<T>(List<T> items, long total, int offset, int limit) {
}
