package io.cxtracker.api.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The body limit of JSON requests, 413 beyond it: {@code cx.api.max-body-bytes} (environment
 * {@code CX_API_MAX_BODY_BYTES}, default 1 MB) for ordinary endpoints and {@code cx.api.max-bulk-body-bytes}
 * (default 10 MB, below the server's own limit, {@link ServerBodyLimitFilter}) for those marked {@link LargeBody}. A declared
 * Content-Length over the limit is refused before a byte is read; a body without one (chunked) is counted
 * while it is read and refused as soon as it passes the limit. Other media types (report uploads) keep the
 * server's limit.
 */
@Provider
public class BodyLimitFilter implements ContainerRequestFilter {
    public static final long DEFAULT_LIMIT = 1_000_000;
    public static final long DEFAULT_BULK_LIMIT = 10_000_000;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity() || !isJson(type)) {
            return;
        }
        long limit = limitFor(resource == null ? null : resource.getResourceMethod());
        if (request.getLength() > limit) {
            throw new BodyTooLargeException(limit);
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    static long limitFor(Method method) {
        boolean bulk = method != null && method.isAnnotationPresent(LargeBody.class);
        String name = bulk ? "cx.api.max-bulk-body-bytes" : "cx.api.max-body-bytes";
        long fallback = bulk ? DEFAULT_BULK_LIMIT : DEFAULT_LIMIT;
        try {
            return ConfigProvider.getConfig().getOptionalValue(name, Long.class).orElse(fallback);
        } catch (RuntimeException noConfig) {
            return fallback;
        }
    }

    /** Counts what is read and refuses to go past the limit. */
    static final class LimitedStream extends FilterInputStream {
        private final long limit;
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
