package com.hmoexchange.hub.ingest;

import com.hmoexchange.hub.common.Problems;
import com.hmoexchange.hub.payers.PayerCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payers' callbacks: a status or remittance posted by the payer's system. Not signed in with a password:
 * the payer signs each call with HMAC-SHA256 over {@code <timestamp>.<body>} with its own secret (from the
 * environment, named in its payer.yaml as {@code responses.callback.secret}), and the timestamp must be
 * recent, so a captured call cannot be replayed later. Anything that fails the check is 401 and changes nothing.
 */
@RestController
@Tag(name = "Payer callbacks", description = "Payers post claim statuses and remittances, signed with HMAC-SHA256")
class CallbackController {

    static final String TIMESTAMP = "X-Hub-Timestamp";
    static final String SIGNATURE = "X-Hub-Signature";
    private static final Logger log = LoggerFactory.getLogger(CallbackController.class);

    private final PayerCatalog catalog;
    private final PayerResponses responses;
    private final Clock clock;
    private final long windowSeconds;

    CallbackController(PayerCatalog catalog, PayerResponses responses, Clock clock,
            @Value("${hub.responses.callback-window-seconds}") long windowSeconds) {
        this.catalog = catalog;
        this.responses = responses;
        this.clock = clock;
        this.windowSeconds = windowSeconds;
    }

    @PostMapping(path = "/api/payers/{code}/callbacks", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "A payer's status update or remittance (its JSON through its mapping, or FHIR R4), signed: "
            + "X-Hub-Timestamp (Unix seconds) and X-Hub-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">")
    ResponseEntity<?> callback(@PathVariable String code,
            @Parameter(description = "Unix time in seconds when the payer signed the call") @RequestHeader(value = TIMESTAMP, required = false) String timestamp,
            @Parameter(description = "sha256=<hex HMAC-SHA256 of timestamp + '.' + body>") @RequestHeader(value = SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        String refusal = refusal(code, timestamp, signature, content);
        if (refusal != null) {
            log.warn("Callback for payer '{}' refused: {}", code, refusal);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.UNAUTHORIZED, "bad-signature", "Callback not accepted", refusal));
        }
        PayerResponses.Receipt receipt = responses.take(code, "callback", "callback signed at "
                + java.time.Instant.ofEpochSecond(Long.parseLong(timestamp.trim())), content);
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

    /** Why the call is refused, or null when it is the payer's: known payer, secret set, fresh timestamp, right signature. */
    private String refusal(String code, String timestamp, String signature, byte[] body) {
        String secret = catalog.codes().contains(code)
                ? catalog.document(code).path("responses").path("callback").path("secret").asText("") : "";
        if (secret.isBlank()) {
            return "Payer '" + code + "' does not send callbacks to this hub.";
        }
        if (timestamp == null || signature == null) {
            return "Sign the call: send " + TIMESTAMP + " and " + SIGNATURE + ".";
        }
        long at;
        try {
            at = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return TIMESTAMP + " must be Unix time in seconds.";
        }
        if (Math.abs(clock.instant().getEpochSecond() - at) > windowSeconds) {
            return TIMESTAMP + " is more than " + windowSeconds + " s from the hub's clock: sign each call when you send it.";
        }
        byte[] expected = sign(secret, timestamp.trim(), body);
        String given = signature.trim().toLowerCase(Locale.ROOT);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.startsWith("sha256=") ? given.substring(7) : given);
        } catch (IllegalArgumentException e) {
            return SIGNATURE + " must be sha256=<hex>.";
        }
        return MessageDigest.isEqual(expected, actual) ? null : "The signature does not match the body.";
    }

    /** HMAC-SHA256 of {@code <timestamp>.<body>} with the payer's secret. */
    static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
