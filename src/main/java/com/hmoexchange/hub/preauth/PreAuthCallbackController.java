package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.common.Problems;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.responses.CallbackBodyLimit;
import com.hmoexchange.hub.responses.CallbackSignatures;
import com.hmoexchange.hub.responses.ResponseIntakeSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
 * (202, saying so); one that cannot be read is refused in words (422) and kept on the exceptions list too.
 */
@RestController
@Tag(name = "Payer callbacks", description = "Payers post claim statuses and remittances, signed with HMAC-SHA256")
class PreAuthCallbackController {

    private static final Logger log = LoggerFactory.getLogger(PreAuthCallbackController.class);

    private final CallbackSignatures signatures;
    private final PreAuthSender sender;
    private final PayerCatalog catalog;
    private final long maxBody;
    private final ApplicationEventPublisher events;

    PreAuthCallbackController(CallbackSignatures signatures, PreAuthSender sender, PayerCatalog catalog,
            ResponseIntakeSettings settings, ApplicationEventPublisher events) {
        this.signatures = signatures;
        this.sender = sender;
        this.catalog = catalog;
        this.maxBody = settings.callbackMaxBody().toBytes();
        this.events = events;
    }

    @PostMapping(path = "/api/payers/{code}/callbacks/preauthorisations", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "A payer's answer to a pre-authorisation request (its JSON through its answer mapping, or a FHIR R4 "
            + "ClaimResponse), signed: X-Hub-Timestamp (Unix seconds) and X-Hub-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">",
            description = "Answers 202 with outcome APPLIED (the request is decided, or asks the practice for more) or EXCEPTION "
                    + "(readable but naming none of the payer's requests, or one that can no longer take it: on the exceptions list), "
                    + "422 (the answer cannot be read; said why, and kept on the exceptions list), 409 (the payer takes no "
                    + "requests over its channel), 401 (bad or old signature) or 413 (a body over hub.responses.callback-max-body).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The payer's answer as it sends it",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.ALL_VALUE))
    ResponseEntity<?> answer(@PathVariable String code,
            @Parameter(description = "Unix time in seconds when the payer signed the call") @RequestHeader(value = CallbackSignatures.TIMESTAMP, required = false) String timestamp,
            @Parameter(description = "sha256=<hex HMAC-SHA256 of timestamp + '.' + body>") @RequestHeader(value = CallbackSignatures.SIGNATURE, required = false) String signature,
            HttpServletRequest request) throws IOException {
        try (LogContext payer = LogContext.payer(code)) {
            byte[] body;
            try {
                body = CallbackBodyLimit.read(request.getInputStream(), maxBody);
            } catch (CallbackBodyLimit.CallbackTooLarge e) {
                events.publishEvent(CallbackBodyLimit.refused(request, maxBody));
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).header("Connection", "close")
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(CallbackBodyLimit.problem(maxBody));
            }
            String refusal = signatures.refusal(code, timestamp, signature, body);
            if (refusal != null) {
                log.warn("Pre-authorisation callback for payer '{}' refused: {}", code, refusal);
                return problem(HttpStatus.UNAUTHORIZED, "bad-signature", "Callback not accepted", refusal);
            }
            if (!catalog.settings(code).preauthorisation().sentToPayer()) {
                return problem(HttpStatus.CONFLICT, "preauth-not-over-channel", "Not a channel payer", "Payer '" + code
                        + "' takes no pre-authorisation requests over its channel (payer.yaml preauthorisation.mode), "
                        + "so it has no answers to send.");
            }
            PreAuthSender.Receipt receipt = sender.receive(code, new String(body, StandardCharsets.UTF_8));
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
