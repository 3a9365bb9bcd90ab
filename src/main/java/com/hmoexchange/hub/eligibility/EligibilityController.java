package com.hmoexchange.hub.eligibility;

import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
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

/** Eligibility checks: a practice asks whether a member is covered; both the practice and the member's HMO see the record. */
@RestController
@RequestMapping("/api/eligibility/checks")
@Tag(name = "Eligibility", description = "Is a member covered on a day, and for what (docs/eligibility.md)")
class EligibilityController {

    private final EligibilityChecks checks;

    EligibilityController(EligibilityChecks checks) {
        this.checks = checks;
    }

    record CheckRequest(@Schema(example = "ACM/10001/0") String enrolleeNumber,
            @Schema(description = "the day of the visit; today in Lagos when left out") LocalDate date,
            @Schema(description = "service codes to ask about (PA code needed? co-payment?)", example = "[\"CONS-GP\", \"DRUG-ACT\"]")
            List<String> serviceCodes) {
    }

    @PostMapping
    @Operation(summary = "Check a member's cover (practice staff): covered or not and why, plan, benefits, co-payment and which "
            + "services need a PA code, from the hub's roster or the payer (FHIR, JSON, X12 270/271 in a CAQH CORE envelope). "
            + "Refused 422 for an unknown enrollee number, 409 for a member of a payer your practice has no contract with on "
            + "the day; both refusals are recorded as checks with outcome REFUSED and the reason in words. Cover that ended "
            + "is an answer (not covered), not a refusal. When the payer cannot be reached or its answer cannot be read the "
            + "answer says so and shows its last known answer with its age")
    ResponseEntity<EligibilityView> check(@AuthenticationPrincipal HubUser user, @RequestBody CheckRequest body) {
        EligibilityView view = checks.check(user, body.enrolleeNumber(), body.date(), body.serviceCodes());
        return ResponseEntity.created(URI.create("/api/eligibility/checks/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "Recent checks, refused ones included, newest first: your practice's (practice staff) or those made "
            + "against your payer (HMO admins); those about one enrollee number, as asked, with enrolleeNumber")
    List<EligibilityView> recent(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String enrolleeNumber,
            @RequestParam(defaultValue = "50") int size) {
        return checks.recent(user, enrolleeNumber, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One check (your practice's, or made against your payer)")
    EligibilityView one(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        return checks.one(user, id);
    }
}
