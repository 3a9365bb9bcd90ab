package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.common.Problems;
import com.hmoexchange.hub.common.RequestRefused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A payer's callback is taken before anyone is known (its signature is checked after the body is read), so its size
 * is limited first ({@code hub.responses.callback-max-body}): a Content-Length over the limit is answered 413 at once,
 * with nothing of the body read (a client that sent {@code Expect: 100-continue} never sends it); a body sent without
 * a length is read by the controller no further than the limit ({@link #read}). Ahead of the API's general limit
 * ({@code hub.api.max-body}), which would skip a large body to its end.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class CallbackBodyLimit extends OncePerRequestFilter {

    /** Payers' callbacks: claim answers, and pre-authorisation answers under {@code /preauthorisations}. */
    private static final Pattern CALLBACK = Pattern.compile("/api/payers/[^/]+/callbacks(/preauthorisations)?");

    private final long limit;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    CallbackBodyLimit(ResponseIntakeSettings settings, ObjectMapper json, ApplicationEventPublisher events) {
        this.limit = settings.callbackMaxBody().toBytes();
        this.json = json;
        this.events = events;
    }

    /** For the audit log: a callback refused as too large (by its length, or as it was read). */
    public static RequestRefused refused(HttpServletRequest request, long limit) {
        String payer = request.getRequestURI().replaceAll("^/api/payers/([^/]+)/callbacks.*$", "$1");
        return RequestRefused.bodyTooLarge("callback", payer, "POST " + request.getRequestURI(), limit, request.getRemoteAddr());
    }

    /** A callback body past the limit. */
    public static final class CallbackTooLarge extends IOException {
        CallbackTooLarge(long limit) {
            super(message(limit));
        }
    }

    static String message(long limit) {
        return "The callback's body is larger than the hub takes (" + limit + " bytes, hub.responses.callback-max-body): "
                + "nothing was read or applied. Send one status or remittance per call.";
    }

    public static ProblemDetail problem(long limit) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "callback-too-large", "Callback too large", message(limit));
    }

    /** The body, read no further than {@code limit} bytes. */
    public static byte[] read(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (body.size() + (long) n > limit) {
                throw new CallbackTooLarge(limit);
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !CALLBACK.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            events.publishEvent(refused(request, limit));
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // The body stays unread: the connection is closed after the answer.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem(limit));
            return;
        }
        chain.doFilter(request, response);
    }

    long limit() {
        return limit;
    }
}
