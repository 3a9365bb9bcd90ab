package com.hmoexchange.hub.demo.sandbox;

import ca.uhn.fhir.context.FhirContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox Crestline's eligibility endpoint: it answers a FHIR CoverageEligibilityRequest at once, predictably:
 * a member whose enrollee number ends in {@value #NOT_COVERED_DIGIT} is not covered (premium unpaid); anyone else is
 * covered on the Crestline Standard plan for the calendar year of the asked day, with an outpatient limit of
 * 500,000.00 of which 45,000.00 is used. It can be taken down (503) to show a check falling back to the last known
 * answer. Demo profile only.
 */
@RestController
@RequestMapping("/sandbox/payers/crestline-health/eligibility")
@Profile("demo")
@Tag(name = "Sandbox (demo only)")
class SandboxEligibilityPayer {

    static final char NOT_COVERED_DIGIT = '9';
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private volatile boolean down;

    @PostMapping(produces = "application/fhir+json")
    @Operation(summary = "Crestline's eligibility endpoint: covered unless the enrollee number ends in 9")
    ResponseEntity<String> answer(@RequestBody String body) {
        if (down) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"sandbox payer is down\"}");
        }
        CoverageEligibilityRequest request = FHIR.newJsonParser().parseResource(CoverageEligibilityRequest.class, body);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/fhir+json"))
                .body(FHIR.newJsonParser().encodeResourceToString(answer(request)));
    }

    @PostMapping("/{state:up|down}")
    @Operation(summary = "Take Crestline's eligibility endpoint down (it answers 503) or bring it back up")
    Map<String, Object> switchOver(@PathVariable String state) {
        down = "down".equals(state);
        return Map.of("payer", "crestline-health", "eligibility", state);
    }

    static CoverageEligibilityResponse answer(CoverageEligibilityRequest request) {
        String member = request.getPatient().getIdentifier().getValue();
        LocalDate day = request.hasServicedDateType() ? LocalDate.parse(request.getServicedDateType().getValueAsString())
                : LocalDate.now(ZoneOffset.UTC);
        CoverageEligibilityResponse response = new CoverageEligibilityResponse();
        response.setId("CRL-EL-" + request.getIdElement().getIdPart());
        response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
        response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.VALIDATION)
                .addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.BENEFITS);
        response.setPatient(request.getPatient());
        response.setCreated(new Date());
        response.setInsurer(request.getInsurer());
        response.setRequest(new Reference().setIdentifier(request.getIdentifierFirstRep()));
        response.setOutcome(RemittanceOutcome.COMPLETE);
        var insurance = response.addInsurance().setCoverage(new Reference().setDisplay("Crestline Standard"));
        if (member != null && !member.isEmpty() && member.charAt(member.length() - 1) == NOT_COVERED_DIGIT) {
            response.setDisposition("cover lapsed: the employer's premium is unpaid (the sandbox's rule for numbers ending in "
                    + NOT_COVERED_DIGIT + ")");
            insurance.setInforce(false);
            return response;
        }
        response.setDisposition("Covered (the sandbox's rule: numbers not ending in " + NOT_COVERED_DIGIT + ")");
        insurance.setInforce(true).setBenefitPeriod(new Period().setStart(date(day.withDayOfYear(1)))
                .setEnd(date(day.withDayOfYear(day.lengthOfYear()))));
        var item = insurance.addItem().setCategory(new CodeableConcept().setText("Outpatient care"));
        item.addBenefit().setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/benefit-type", "benefit", null)))
                .setAllowed(money("500000.00")).setUsed(money("45000.00"));
        return response;
    }

    private static Money money(String amount) {
        return new Money().setValue(new BigDecimal(amount)).setCurrency("NGN");
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
