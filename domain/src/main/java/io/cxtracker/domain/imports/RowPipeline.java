package io.cxtracker.domain.imports;

import io.cxtracker.domain.shared.FieldViolation;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A file's rows read and checked on a thread of their own, handed over a batch at a time to the thread that writes
 * them. The writer keeps the transaction; the reader does no database work, so it needs nothing of the container.
 * At most {@link #AHEAD} batches wait, so a file is never held in memory whole. What the reader throws is thrown
 * again, unchanged, by {@link #next()}; closing the pipeline early (the writer failed) stops the reader at its next
 * batch.
 */
final class RowPipeline<T> implements AutoCloseable {
    /** Batches read ahead of the writer. */
    static final int AHEAD = 2;

    /** A row refused while being read: its line and why. */
    record Refused(long line, List<FieldViolation> reasons) {
    }

    /**
     * The next rows: the items of a batch with their lines, the rows refused since the last batch, and whether the
     * file ends here (then {@code rows} counts every row of the file).
     */
    record Chunk<T>(List<T> items, List<Long> lines, List<Refused> refused, boolean last, long rows) {
    }

    /** Where the reader puts its batches; blocks while {@link #AHEAD} wait. */
    interface Sink<T> {
        void put(Chunk<T> chunk) throws InterruptedException;
    }

    /** Reads a whole file into the sink, the last chunk marked; runs on the pipeline's thread. */
    interface Reader<T> {
        void read(Sink<T> sink) throws InterruptedException;
    }

    /** What the reader threw, handed to the writer. */
    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD + 1);
    private volatile boolean closed;
    private final Thread thread;

    private RowPipeline(Reader<T> reader) {
        thread = Thread.ofPlatform().daemon().name("import-rows").unstarted(() -> {
            try {
                reader.read(this::offer);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) { // handed over whole: the writer throws it as the reader would have
                try {
                    offer(new Failure(e));
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    static <T> RowPipeline<T> start(Reader<T> reader) {
        RowPipeline<T> pipeline = new RowPipeline<>(reader);
        pipeline.thread.start();
        return pipeline;
    }

    private void offer(Object next) throws InterruptedException {
        while (!queue.offer(next, 100, TimeUnit.MILLISECONDS)) {
            if (closed) {
                throw new InterruptedException("the writer stopped");
            }
        }
    }

    /** The next chunk, waiting for the reader; rethrows what the reader threw. */
    @SuppressWarnings("unchecked")
    Chunk<T> next() {
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the file's rows", e);
        }
        if (next instanceof Failure failure) {
            switch (failure.cause()) {
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IllegalStateException(failure.cause());
            }
        }
        return (Chunk<T>) next;
    }

    /** Stops the reader if it is still reading (the writer gave up); it ends at its next batch. */
    @Override
    public void close() {
        closed = true;
        queue.clear();
    }
}
