package io.cxtracker.api.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON of a result the read cache keeps (today's dashboards, a metric's trend), written once per domain result:
 * the read cache (domain {@code ReadCache}) hands the same result object to every request while nothing it read has
 * changed, and writing the benchmark program's 370 KB of dashboard JSON costs more than serving it. The bytes are the API's own JSON writer's ({@link JsonProvider}, called as the
 * JAX-RS runtime calls it), so a body served from here is the body the runtime would write.
 *
 * <p>Keyed by the result's identity (a result recomputed after a change is another object, so never served stale
 * bytes), holding it weakly: what the read cache dropped is not kept alive here. At most {@code capacity} results.
 */
public final class SerializedOnce {
    private static final JsonProvider WRITER = new JsonProvider();

    private final Map<Integer, Slot> slots;

    public SerializedOnce(int capacity) {
        this.slots = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Slot> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The JSON of {@code response}, the API's rendering of {@code result}, written once per result object. */
    public byte[] json(Object result, Supplier<?> response) {
        int identity = System.identityHashCode(result);
        synchronized (slots) {
            Slot slot = slots.get(identity);
            if (slot != null && slot.result().get() == result) {
                return slot.json();
            }
        }
        byte[] json = write(response.get());
        synchronized (slots) {
            slots.put(identity, new Slot(new WeakReference<>(result), json));
        }
        return json;
    }

    /** What the JAX-RS runtime writes for {@code response} as {@code application/json}. */
    static byte[] write(Object response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            WRITER.writeTo(response, response.getClass(), response.getClass(), new Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Slot(WeakReference<Object> result, byte[] json) {
    }
}
