package io.cxtracker.api.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/**
 * Every Jackson 2 factory of the WAR, so that none keeps the deployment alive after an undeploy.
 *
 * <p>Jackson 2's default buffer pool is a {@code ThreadLocal<SoftReference<BufferRecycler>>}: each server
 * thread that reads or writes JSON once keeps, in its own thread-local map, a buffer recycler whose class the
 * WAR loaded, and with it the WAR's class loader and every class and static of the deployment. The threads are
 * the server's (Undertow's pooled workers) and outlive the deployment; the soft reference is not cleared by a
 * full GC while the heap has room (G1 keeps a recently used soft referent for about a second per free MiB), so
 * every undeployed copy stayed loaded (issue 18, {@code scripts/redeploy-leak-check.sh}). A pool that is a
 * plain object of the WAR's Jackson classes goes with them.
 */
public final class JsonFactories {

    private JsonFactories() {
    }

    /** A builder with the WAR's buffer pool, for a factory with features of its own. */
    public static JsonFactoryBuilder builder() {
        return new JsonFactoryBuilder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
    }

    /** A default factory with the WAR's buffer pool, for {@code new ObjectMapper(...)} or {@code JsonMapper.builder(...)}. */
    public static JsonFactory factory() {
        return builder().build();
    }
}
