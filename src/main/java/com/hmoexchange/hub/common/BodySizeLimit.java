package com.hmoexchange.hub.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body larger than {@link ApiLimits#maxBody()} before anything reads or binds it: at
 * once when its Content-Length says so (nothing of the body is read; the answer closes the connection), or as soon
 * as a body sent without one (chunked) passes the limit, where reading stops. The answer is a 413 problem that says
 * the body is too large (not that it is malformed JSON), and the refusal goes to the audit log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

    private final long limit;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    BodySizeLimit(ApiLimits limits, ObjectMapper json, ApplicationEventPublisher events) {
        this.limit = limits.maxBody().toBytes();
        this.json = json;
        this.events = events;
    }

    /** For the audit log: a request body refused as too large (by its length, or as it was read). */
    static RequestRefused refused(HttpServletRequest request, long limit) {
        return RequestRefused.bodyTooLarge("request-body", null, request.getMethod() + " " + request.getRequestURI(), limit,
                request.getRemoteAddr());
    }

    /** A body read past the limit: answered 413 by {@link ApiExceptionHandler}. */
    static final class BodyTooLarge extends IOException {
        private final transient RequestRefused refused;

        BodyTooLarge(long limit, HttpServletRequest request) {
            super(message(limit));
            this.refused = BodySizeLimit.refused(request, limit);
        }

        RequestRefused refused() {
            return refused;
        }
    }

    static String message(long limit) {
        return "The request body is too large: the hub takes at most " + human(limit) + ". Send less at a time "
                + "(split the list or the file).";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith("/api/") || (type != null && type.toLowerCase().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                    message(limit));
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            events.publishEvent(refused(request, limit));
            // Nothing of the body is read: the answer goes out at once and the connection is closed after it (a client
            // that sent Expect: 100-continue never sends the body at all).
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Limited(request, limit), response);
    }

    private static String human(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 && bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** A request sent without a Content-Length: its body is counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private final HttpServletRequest request;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
            this.request = request;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLarge(limit, request);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLarge(limit, request);
                        }
                        return n;
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
                };
            }
            return stream;
        }
    }
}
