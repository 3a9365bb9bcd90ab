package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.claims.ClaimDeliveries;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/operations")
@Tag(name = "Operations", description = "For the hub's operators: re-send claims, see and replay dead letters")
class OperationsController {

    private final ClaimDeliveries deliveries;
    private final DeadLetters deadLetters;

    OperationsController(ClaimDeliveries deliveries, DeadLetters deadLetters) {
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
    }

    @PostMapping("/claims/{claimNumber}/resend")
    @Transactional
    @Operation(summary = "Send a submitted claim to its payer again (with the same idempotency key)")
    ResponseEntity<Map<String, String>> resend(@AuthenticationPrincipal HubUser user, @PathVariable String claimNumber) {
        deliveries.requestResend(claimNumber, user.getUsername());
        return ResponseEntity.accepted().body(Map.of("claimNumber", claimNumber, "status", "queued for sending"));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Claims whose sending was given up after the last retry (one row per claim, also when claims travelled in a batch)")
    List<DeadLetters.DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @PostMapping("/dead-letters/replay")
    @Operation(summary = "Put dead-lettered claims back on the outbound queue (one claim, or all); "
            + "the rest of a claim's batch stays dead-lettered, and claims delivered or refused since are left out")
    Map<String, Integer> replay(@RequestParam(required = false) String claimNumber) {
        return Map.of("replayed", deadLetters.replay(claimNumber));
    }
}
