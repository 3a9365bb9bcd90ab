package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A practice's side of pre-authorisation (its staff): ask for a code, follow the request, answer the HMO's questions. */
@RestController
@RequestMapping("/api/preauthorisations")
@Tag(name = "Pre-authorisation: practice", description = "Ask the member's HMO for a PA code; NHIA's one-hour clock runs "
        + "from the request (docs/pre-authorisation.md)")
class PreAuthController {

    private final PreAuthorisations preAuthorisations;

    PreAuthController(PreAuthorisations preAuthorisations) {
        this.preAuthorisations = preAuthorisations;
    }

    record Answer(@NotBlank @Size(max = 2000) String answer) {
    }

    @PostMapping
    @Operation(summary = "Ask for a PA code: refused (problem details) for an unknown member, a payer without a current "
            + "contract, cover not running today, or a payer that takes no requests; an EMERGENCY gets the hub's code at once")
    ResponseEntity<PreAuthView> request(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewPreAuthRequest body) {
        PreAuthView view = preAuthorisations.request(user, body);
        return ResponseEntity.created(URI.create("/api/preauthorisations/" + view.reference())).body(view);
    }

    @GetMapping
    @Operation(summary = "Your practice's requests, newest first, with status, time left and code")
    List<PreAuthView> list(@AuthenticationPrincipal HubUser user, @RequestParam(defaultValue = "50") int size) {
        return preAuthorisations.practiceList(user, size);
    }

    @GetMapping("/{reference}")
    @Operation(summary = "One request")
    PreAuthView one(@AuthenticationPrincipal HubUser user, @PathVariable String reference) {
        return preAuthorisations.practiceOne(user, reference);
    }

    @PostMapping("/{reference}/answer")
    @Operation(summary = "Answer the HMO's question on the request: the clock starts again with the time the HMO had left")
    PreAuthView answer(@AuthenticationPrincipal HubUser user, @PathVariable String reference, @Valid @RequestBody Answer body) {
        return preAuthorisations.answer(user, reference, body.answer());
    }
}
