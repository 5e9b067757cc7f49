package io.cxtracker.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One slice of a list together with the size of the whole list. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total);
    }
}
