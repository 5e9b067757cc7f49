package io.cxtracker.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxtracker.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RowPipelineTest {

    private static RowPipeline.Chunk<Integer> chunk(int first, boolean last, long rows) {
        return new RowPipeline.Chunk<>(List.of(first, first + 1), List.of((long) first, (long) first + 1), List.of(), last, rows);
    }

    @Test
    void handsOverTheBatchesInTheOrderTheyWereRead() {
        List<Integer> written = new ArrayList<>();
        long rows;
        try (RowPipeline<Integer> pipeline = RowPipeline.start(sink -> {
            for (int i = 0; i < 10; i++) {
                sink.put(chunk(2 * i, false, 2L * i + 2));
            }
            sink.put(new RowPipeline.Chunk<>(List.of(), List.of(), List.of(), true, 20));
        })) {
            RowPipeline.Chunk<Integer> next;
            do {
                next = pipeline.next();
                written.addAll(next.items());
            } while (!next.last());
            rows = next.rows();
        }
        assertEquals(20, written.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(i, written.get(i));
        }
        assertEquals(20, rows);
    }

    @Test
    void throwsWhatTheReaderThrewUnchanged() {
        InvalidInputException tooLong = new InvalidInputException("body", "a file may hold at most 1000000 rows; split it");
        try (RowPipeline<Integer> pipeline = RowPipeline.start(sink -> {
            sink.put(chunk(0, false, 2));
            throw tooLong;
        })) {
            assertEquals(List.of(0, 1), pipeline.next().items());
            assertSame(tooLong, assertThrows(InvalidInputException.class, pipeline::next));
        }
    }

    @Test
    void readsNoFurtherThanTwoBatchesAheadAndStopsWhenTheWriterGivesUp() throws Exception {
        AtomicInteger put = new AtomicInteger();
        CountDownLatch stopped = new CountDownLatch(1);
        RowPipeline<Integer> pipeline = RowPipeline.start(sink -> {
            try {
                for (int i = 0; ; i++) {
                    sink.put(chunk(i, false, i));
                    put.incrementAndGet();
                }
            } finally {
                stopped.countDown();
            }
        });
        pipeline.next();
        Thread.sleep(300);
        // one taken, AHEAD + 1 waiting in the queue
        assertTrue(put.get() <= RowPipeline.AHEAD + 2, "read " + put.get() + " batches");
        pipeline.close();
        assertTrue(stopped.await(5, TimeUnit.SECONDS), "the reader went on after the writer gave up");
    }
}
