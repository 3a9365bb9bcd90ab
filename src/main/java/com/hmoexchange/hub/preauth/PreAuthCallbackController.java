package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.common.Problems;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.responses.CallbackSignatures;
import com.hmoexchange.hub.responses.SignedCallbacks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A payer's later answer to a pre-authorisation request it took over its channel (its JSON through its answer mapping,
 * or a FHIR ClaimResponse), signed as its claim callbacks are (HMAC-SHA256 over {@code <timestamp>.<body>} with
 * {@code responses.callback.secret}). An answer that names none of the payer's requests goes to the exceptions list
 * (202, saying so); one that cannot be read is refused in words (422) and kept on the exceptions list too; one the
 * database could not take just now (an outage) is refused 503, to be sent again ({@link SignedCallbacks}).
 */
@RestController
@Tag(name = "Payer callbacks", description = "Payers post claim statuses and remittances, signed with HMAC-SHA256")
class PreAuthCallbackController {

    private final SignedCallbacks callbacks;
    private final PreAuthSender sender;
    private final PayerCatalog catalog;

    PreAuthCallbackController(SignedCallbacks callbacks, PreAuthSender sender, PayerCatalog catalog) {
        this.callbacks = callbacks;
        this.sender = sender;
        this.catalog = catalog;
    }

    @PostMapping(path = "/api/payers/{code}/callbacks/preauthorisations", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "A payer's answer to a pre-authorisation request (its JSON through its answer mapping, or a FHIR R4 "
            + "ClaimResponse), signed: X-Hub-Timestamp (Unix seconds) and X-Hub-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">",
            description = "Answers 202 with outcome APPLIED (the request is decided, or asks the practice for more) or EXCEPTION "
                    + "(readable but naming none of the payer's requests, or one that can no longer take it: on the exceptions list), "
                    + "422 (the answer cannot be read; said why, and kept on the exceptions list), 503 with Retry-After (the hub could "
                    + "not apply it just now; nothing changed, send it again), 409 (the payer takes no "
                    + "requests over its channel), 401 (bad or old signature) or 413 (a body over hub.responses.callback-max-body).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The payer's answer as it sends it",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.ALL_VALUE))
    ResponseEntity<?> answer(@PathVariable String code,
            @Parameter(description = "Unix time in seconds when the payer signed the call") @RequestHeader(value = CallbackSignatures.TIMESTAMP, required = false) String timestamp,
            @Parameter(description = "sha256=<hex HMAC-SHA256 of timestamp + '.' + body>") @RequestHeader(value = CallbackSignatures.SIGNATURE, required = false) String signature,
            HttpServletRequest request) throws IOException {
        try (LogContext payer = LogContext.payer(code)) {
            SignedCallbacks.Call call = callbacks.read(code, timestamp, signature, request);
            if (call.refused()) {
                return call.refusal();
            }
            if (!catalog.settings(code).preauthorisation().sentToPayer()) {
                return problem(HttpStatus.CONFLICT, "preauth-not-over-channel", "Not a channel payer", "Payer '" + code
                        + "' takes no pre-authorisation requests over its channel (payer.yaml preauthorisation.mode), "
                        + "so it has no answers to send.");
            }
            PreAuthSender.Receipt receipt;
            try {
                receipt = sender.receive(code, new String(call.body(), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return SignedCallbacks.tryAgainLater(code, e);
            }
            if (receipt.outcome() == PreAuthSender.Receipt.Outcome.UNREADABLE) {
                return problem(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-answer", "Answer not applied", receipt.detail());
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("outcome", receipt.outcome().name(),
                    "detail", receipt.detail()));
        }
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, type, title, detail));
    }
}
