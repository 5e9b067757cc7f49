package io.cxtracker.api.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxtracker.api.problem.Problem;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's body limit, answered as a 413 problem like the API's own limits: {@code cx.server.max-post-size}
 * (environment {@code CX_SERVER_MAX_POST_SIZE}, default 12 MiB, above the API's bulk limit of 10 MB) for every request
 * of the WAR, JSON or not (CSV imports, uploads). A declared Content-Length over it is refused before a byte is read;
 * a body without one (chunked) is counted while it is read and refused as it passes the limit, as
 * {@link BodyTooLargeException}, which the API maps to its 413 problem and this filter answers for everything else.
 * The connection is closed after the answer; before that, the rest of the body (up to four times the limit) is read
 * and dropped, since closing a socket that still has unread bytes resets it, and a client still sending then loses
 * the 413 it was sent (seen as "header parser received no bytes").
 * <p>
 * Undertow's own max-post-size cannot give that answer: a declared Content-Length over it gets a bare 400 from the
 * listener before any filter runs. So the listener's bound ({@code cx.server.transport-max-post-size}, default
 * 100 MiB, configure-server.cli) sits far above this limit and only caps what the transport reads at all; should it be
 * set lower, its refusal of a chunked body (io.undertow.server.RequestTooBigException) is answered here as a 413 too.
 */
public class ServerBodyLimitFilter implements Filter {
    /** Above the API's bulk limit (10 MB), so that JSON up to that limit is always the API's decision. */
    public static final long DEFAULT_SERVER_LIMIT = 12L * 1024 * 1024;
    private static final String SETTING = "cx.server.max-post-size";
    private static final long DRAIN_FACTOR = 4;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactories.factory());

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = serverLimit();
        if (http.getContentLengthLong() > limit) {
            refuse(http, answer, limit);
            return;
        }
        Limited limited = new Limited(http, limit);
        try {
            chain.doFilter(limited, response);
            if (limited.exceeded()) {
                // the API answered its own 413 problem: the same rest of the body stands between it and the client
                answer.flushBuffer();
                drain(http, DRAIN_FACTOR * limit);
            }
        } catch (BodyTooLargeException e) {
            if (answer.isCommitted()) {
                throw e;
            }
            refuse(http, answer, e.limit());
        }
    }

    static long serverLimit() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(SETTING, Long.class).filter(v -> v > 0)
                    .orElse(DEFAULT_SERVER_LIMIT);
        } catch (RuntimeException noConfig) {
            return DEFAULT_SERVER_LIMIT;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        BodyTooLargeException refusal = new BodyTooLargeException(limit);
        response.resetBuffer();
        response.setStatus(413);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        // the rest of the body stays unread: the connection cannot carry another request
        response.setHeader("Connection", "close");
        JSON.writeValue(response.getOutputStream(), Problem.of("body-too-large", "Payload too large", 413,
                refusal.getMessage() + "; nothing was written. Split it into smaller requests.", request.getRequestURI(),
                List.of(new Problem.FieldError("body", "must be at most " + limit + " bytes"))));
        response.flushBuffer();
        drain(request, DRAIN_FACTOR * limit);
    }

    /** Reads and drops what is left of the body, at most {@code bound} bytes; a failed read ends it. */
    private static void drain(HttpServletRequest request, long bound) {
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        try {
            var in = request.getInputStream();
            for (int n; read < bound && (n = in.read(sink)) > 0; ) {
                read += n;
            }
        } catch (IOException | RuntimeException closedOrOverTransportLimit) {
            // the answer is already sent; nothing more to read
        }
    }

    /** Undertow's own refusal (io.undertow.server.RequestTooBigException), named so that api needs no Undertow. */
    static boolean isServerRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ("io.undertow.server.RequestTooBigException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** The request whose body stream turns the server's refusal into {@link BodyTooLargeException}. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInput(super.getInputStream(), limit);
            }
            return stream;
        }

        boolean exceeded() {
            return stream instanceof LimitedInput input && input.exceeded;
        }
    }

    private static final class LimitedInput extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;

        LimitedInput(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private long count;
        private boolean exceeded;

        private IOException translated(IOException e) {
            if (isServerRefusal(e)) {
                exceeded = true;
                throw new BodyTooLargeException(limit);
            }
            return e;
        }

        private <T extends Number> T counted(T n) {
            if (n.longValue() > 0) {
                count += n.longValue();
                if (count > limit) {
                    exceeded = true;
                    throw new BodyTooLargeException(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            try {
                int b = in.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            } catch (IOException e) {
                throw translated(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return counted(in.read(buffer, offset, length));
            } catch (IOException e) {
                throw translated(e);
            }
        }

        @Override
        public int readLine(byte[] buffer, int offset, int length) throws IOException {
            try {
                return counted(in.readLine(buffer, offset, length));
            } catch (IOException e) {
                throw translated(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return counted(in.skip(n));
            } catch (IOException e) {
                throw translated(e);
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
