package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payers' callbacks: a status or remittance posted by the payer's system. Not signed in with a password:
 * the payer signs each call with HMAC-SHA256 over {@code <timestamp>.<body>} with its own secret (from the
 * environment, named in its payer.yaml as {@code responses.callback.secret}), and the timestamp must be
 * recent, so a captured call cannot be replayed later. Anything that fails the check is 401 and changes nothing.
 * The body is read no further than {@code hub.responses.callback-max-body} (413 past it; see {@link CallbackBodyLimit}).
 */
@RestController
@Tag(name = "Payer callbacks", description = "Payers post claim statuses and remittances, signed with HMAC-SHA256")
class CallbackController {

    private final SignedCallbacks callbacks;
    private final PayerResponses responses;

    CallbackController(SignedCallbacks callbacks, PayerResponses responses) {
        this.callbacks = callbacks;
        this.responses = responses;
    }

    @PostMapping(path = "/api/payers/{code}/callbacks", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "A payer's status update or remittance (its JSON through its mapping, or FHIR R4), signed: "
            + "X-Hub-Timestamp (Unix seconds) and X-Hub-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">",
            description = "Answers 202 (applied), 200 (a copy of one already applied), 422 (not applied: quarantined for a person, "
                    + "with the reason), 503 with Retry-After (the hub could not apply it just now; nothing changed, send it again) "
                    + "401 (bad or old signature) or 413 (a body over hub.responses.callback-max-body, refused unread).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The payer's document as it sends it (its JSON, or FHIR R4)",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.ALL_VALUE))
    ResponseEntity<?> callback(@PathVariable String code,
            @Parameter(description = "Unix time in seconds when the payer signed the call") @RequestHeader(value = CallbackSignatures.TIMESTAMP, required = false) String timestamp,
            @Parameter(description = "sha256=<hex HMAC-SHA256 of timestamp + '.' + body>") @RequestHeader(value = CallbackSignatures.SIGNATURE, required = false) String signature,
            HttpServletRequest request) throws IOException {
        try (LogContext payer = LogContext.payer(code)) {
            SignedCallbacks.Call call = callbacks.read(code, timestamp, signature, request);
            if (call.refused()) {
                return call.refusal();
            }
            PayerResponses.Receipt receipt;
            try {
                receipt = responses.take(code, "callback", "callback signed at "
                        + java.time.Instant.ofEpochSecond(Long.parseLong(timestamp.trim())), call.body());
            } catch (RuntimeException e) {
                return SignedCallbacks.tryAgainLater(code, e);
            }
            return answer(receipt);
        }
    }

    private static ResponseEntity<?> answer(PayerResponses.Receipt receipt) {
        Map<String, Object> answer = Map.of("document", receipt.documentId(), "outcome", receipt.outcome().name(),
                "detail", receipt.detail());
        if (receipt.outcome() == InboundDocument.Outcome.QUARANTINED) {
            var problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-document", "Document not applied", receipt.detail());
            problem.setProperty("document", receipt.documentId());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.status(receipt.outcome() == InboundDocument.Outcome.APPLIED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(answer);
    }
}
