package com.hmoexchange.hub.demo.sandbox;

import ca.uhn.fhir.context.FhirContext;
import com.hmoexchange.hub.payers.PayerCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox payers' eligibility endpoints, answering at once and predictably: a member whose enrollee number ends in
 * {@value #NOT_COVERED_DIGIT} is not covered (premium unpaid); anyone else is covered for the calendar year of the
 * asked day. Crestline answers a FHIR CoverageEligibilityRequest (Crestline Standard, outpatient limit 500,000.00 with
 * 45,000.00 used) and can be taken down (503) to show a check falling back to the last known answer; Acme answers its
 * own JSON (Acme Standard, outpatient limit 300,000.00 with 12,000.00 used) to its bearer token. Demo profile only.
 */
@RestController
@RequestMapping("/sandbox/payers")
@Profile("demo")
@Tag(name = "Sandbox (demo only)")
class SandboxEligibilityPayer {

    static final char NOT_COVERED_DIGIT = '9';
    private volatile boolean down;
    private final String acmeToken;

    SandboxEligibilityPayer(PayerCatalog payers) {
        this.acmeToken = payers.settings("acme-hmo").eligibility().token();
    }

    @PostMapping("/acme-hmo/eligibility")
    @Operation(summary = "Acme's member status API (its own JSON): ACTIVE unless the member number ends in 9")
    ResponseEntity<Map<String, Object>> acme(@RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestBody Map<String, Object> request) {
        if (!("Bearer " + acmeToken).equals(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "bad or missing bearer token"));
        }
        String member = String.valueOf(request.get("memberNo"));
        LocalDate day = LocalDate.parse(String.valueOf(request.get("serviceDate")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", request.get("requestId"));
        answer.put("memberNo", member);
        answer.put("planName", "Acme Standard");
        if (member.endsWith(String.valueOf(NOT_COVERED_DIGIT))) {
            answer.put("status", "INACTIVE");
            answer.put("note", "membership suspended: premium unpaid (the sandbox's rule for numbers ending in " + NOT_COVERED_DIGIT + ")");
            return ResponseEntity.ok(answer);
        }
        answer.put("status", "ACTIVE");
        answer.put("validFrom", day.withDayOfYear(1).toString());
        answer.put("validTo", day.withDayOfYear(day.lengthOfYear()).toString());
        answer.put("limits", List.of(Map.of("benefit", "Outpatient", "annualLimit", new BigDecimal("300000.00"),
                "used", new BigDecimal("12000.00"))));
        return ResponseEntity.ok(answer);
    }

    @PostMapping(value = "/crestline-health/eligibility", produces = "application/fhir+json")
    @Operation(summary = "Crestline's eligibility endpoint: covered unless the enrollee number ends in 9")
    ResponseEntity<String> answer(@RequestBody String body) {
        if (down) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"error\":\"sandbox payer is down\"}");
        }
        CoverageEligibilityRequest request = fhir().newJsonParser().parseResource(CoverageEligibilityRequest.class, body);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/fhir+json"))
                .body(fhir().newJsonParser().encodeResourceToString(answer(request)));
    }

    @PostMapping("/crestline-health/eligibility/{state:up|down}")
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

    /** HAPI's one R4 context of the process, built at its first use rather than when this class loads (it costs the start). */
    private static FhirContext fhir() {
        return FhirContext.forR4Cached();
    }
}
