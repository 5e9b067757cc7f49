package io.cxtracker.api.shared;

import io.cxtracker.domain.shared.Page;
import io.cxtracker.domain.shared.PageRequest;
import java.util.List;
import java.util.function.Function;

/** A page of a list with the total number of items, so clients can page without guessing. */
public record PageResponse<T>(List<T> items, long total, int offset, int limit) {

    /** The page a service answered, its items mapped to response records. */
    public static <S, T> PageResponse<T> of(Page<S> page, PageRequest request, Function<? super S, ? extends T> mapper) {
        return new PageResponse<>(page.items().stream().<T>map(mapper).toList(), page.total(), request.offset(),
                request.limit());
    }
}
