package com.hmoexchange.hub.demo.sandbox;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox Crestline's pre-authorisation endpoint: it answers a FHIR Claim with {@code use = preauthorization} at
 * once with a ClaimResponse, predictably: a request of less than {@value #LIMIT} in total is approved in full under a
 * code {@code CRL-<the request's reference>} (CRL-PA-yymmdd-…) valid for 30 days; a larger one is declined with a reason. Demo profile only.
 */
@RestController
@RequestMapping("/sandbox/payers/crestline-health")
@Profile("demo")
@Tag(name = "Sandbox (demo only)")
class SandboxPreAuthPayer {

    static final int LIMIT = 100_000;

    @PostMapping(value = "/preauthorisations", produces = "application/fhir+json")
    @Operation(summary = "Crestline's PA endpoint: approves a request under 100,000 in total, declines a larger one")
    ResponseEntity<String> decide(@RequestBody String body) {
        Claim claim = fhir().newJsonParser().parseResource(Claim.class, body);
        // The code is the request's own number under Crestline's prefix: a counter would start again at each restart
        // and give a code already used, which the hub refuses (to the exceptions list).
        ClaimResponse response = answer(claim, "CRL-" + claim.getIdentifierFirstRep().getValue(), LocalDate.now(ZoneOffset.UTC));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/fhir+json"))
                .body(fhir().newJsonParser().encodeResourceToString(response));
    }

    static ClaimResponse answer(Claim claim, String code, LocalDate today) {
        String reference = claim.getIdentifier().stream().map(Identifier::getValue).findFirst().orElse(null);
        ClaimResponse response = new ClaimResponse();
        response.setId(code.replace("CRL-PA-", "CRL-R-"));
        response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        response.setUse(ClaimResponse.Use.PREAUTHORIZATION);
        response.setRequest(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:preauth-reference")
                .setValue(reference)));
        BigDecimal total = claim.getTotal().getValue() == null ? BigDecimal.ZERO : claim.getTotal().getValue();
        if (total.compareTo(BigDecimal.valueOf(LIMIT)) >= 0) {
            response.setOutcome(ClaimResponse.RemittanceOutcome.ERROR);
            response.setDisposition("Crestline's sandbox declines requests of " + LIMIT + " or more in total: "
                    + "send the case notes to the medical director.");
            return response;
        }
        response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
        response.setDisposition("Approved by Crestline's sandbox rule (under " + LIMIT + ")");
        response.setPreAuthRef(code);
        response.setPreAuthPeriod(new Period().setStart(date(today)).setEnd(date(today.plusDays(30))));
        for (Claim.ItemComponent item : claim.getItem()) {
            response.addItem().setItemSequence(item.getSequence()).addAdjudication()
                    .setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/adjudication", "benefit", null)))
                    .setAmount(new Money().setValue(item.getNet().getValue()).setCurrency(item.getNet().getCurrency()))
                    .setValueElement(new DecimalType(item.getQuantity().getValue()));
        }
        return response;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** HAPI's one R4 context of the process, built at its first use rather than when this class loads (it costs the start). */
    private static FhirContext fhir() {
        return FhirContext.forR4Cached();
    }
}
