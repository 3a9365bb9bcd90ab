package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.common.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How a payer's signed call is taken, the same for its claim answers and its pre-authorisation answers: the body is
 * read no further than {@code hub.responses.callback-max-body} (413), then its HMAC-SHA256 signature and timestamp are
 * checked (401); and an answer the database could not take just now is refused 503 with Retry-After, so the payer
 * sends it again instead of it being lost.
 */
@Component
public class SignedCallbacks {

    private static final Logger log = LoggerFactory.getLogger(SignedCallbacks.class);

    private final CallbackSignatures signatures;
    private final long maxBody;
    private final ApplicationEventPublisher events;

    public SignedCallbacks(CallbackSignatures signatures, ResponseIntakeSettings settings, ApplicationEventPublisher events) {
        this.signatures = signatures;
        this.maxBody = settings.callbackMaxBody().toBytes();
        this.events = events;
    }

    /** A call read: its body when it may be applied, otherwise the answer that refuses it. */
    public record Call(byte[] body, ResponseEntity<?> refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    public Call read(String code, String timestamp, String signature, HttpServletRequest request) throws IOException {
        byte[] body;
        try {
            body = CallbackBodyLimit.read(request.getInputStream(), maxBody);
        } catch (CallbackBodyLimit.CallbackTooLarge e) {
            log.warn("Callback for payer '{}' refused: body over {} bytes", code, maxBody);
            events.publishEvent(CallbackBodyLimit.refused(request, maxBody));
            return new Call(null, ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header("Connection", "close")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(CallbackBodyLimit.problem(maxBody)));
        }
        String refusal = signatures.refusal(code, timestamp, signature, body);
        if (refusal != null) {
            log.warn("Callback for payer '{}' to {} refused: {}", code, request.getRequestURI(), refusal);
            return new Call(null, ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.UNAUTHORIZED, "bad-signature", "Callback not accepted", refusal)));
        }
        return new Call(body, null);
    }

    /**
     * The answer to a call whose work failed with {@code e}: 503 (send it again later) when the database was out of
     * reach or busy, as nothing was applied and the same call will do later; otherwise {@code e} is thrown on.
     */
    public static ResponseEntity<?> tryAgainLater(String code, RuntimeException e) {
        if (!PayerResponses.worthRetrying(e)) {
            throw e;
        }
        log.warn("Callback for payer '{}' not applied yet: {}", code, e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                        "try-again", "Not applied yet", "The hub could not apply this just now; nothing was changed. Send it again in a while."));
    }
}
