package com.hmoexchange.hub.eligibility;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import com.hmoexchange.hub.eligibility.CoverAnswer.Benefit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest.EligibilityRequestPurpose;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse.InsuranceComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Eligibility in FHIR R4, as a {@code fhir} payer speaks it: the question as a {@code CoverageEligibilityRequest}
 * (purpose validation and benefits) naming the member by enrollee number, the day and the services; the answer as a
 * {@code CoverageEligibilityResponse} whose first insurance says whether cover is in force ({@code inforce}), its
 * period ({@code benefitPeriod}), the plan ({@code coverage.display}) and per item the benefits with their allowed
 * and used money. The disposition is the payer's reason in words. The member's name is not sent: the number is enough.
 */
final class FhirEligibility {

    static final String REQUEST_SYSTEM = "urn:hmo-hub:eligibility-request";

    private FhirEligibility() {
    }

    static String request(PayerQuestion q) {
        CoverageEligibilityRequest request = new CoverageEligibilityRequest();
        request.setId(q.reference());
        request.addIdentifier(new Identifier().setSystem(REQUEST_SYSTEM).setValue(q.reference()));
        request.setStatus(CoverageEligibilityRequest.EligibilityRequestStatus.ACTIVE);
        request.addPurpose(EligibilityRequestPurpose.VALIDATION).addPurpose(EligibilityRequestPurpose.BENEFITS);
        request.setPatient(new Reference().setIdentifier(member(q.enrolleeNumber())));
        request.setServiced(new DateType(q.date().toString()));
        // In UTC whatever the machine's zone, so the same request reads the same everywhere (and its golden sample holds).
        request.setCreatedElement(new DateTimeType(Date.from(q.created()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC")));
        request.setProvider(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:provider")
                .setValue(q.practiceCode())).setDisplay(q.practiceName()));
        request.setInsurer(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:payer")
                .setValue(q.payerCode())).setDisplay(q.payerName()));
        request.addInsurance().setFocal(true).setCoverage(new Reference().setIdentifier(member(q.enrolleeNumber())));
        for (String code : q.serviceCodes()) {
            request.addItem().setProductOrService(new CodeableConcept(new Coding("urn:hmo-hub:service-code", code, null)));
        }
        return fhir().newJsonParser().setPrettyPrint(true).encodeResourceToString(request);
    }

    /**
     * Reads the payer's answer to the request of that reference; {@link PayerUnreachable} when it is not a
     * CoverageEligibilityResponse, answers another request, reports an error, or names no insurance.
     */
    static CoverAnswer answer(String body, String reference) {
        CoverageEligibilityResponse response;
        try {
            response = fhir().newJsonParser().parseResource(CoverageEligibilityResponse.class, body);
        } catch (DataFormatException | ClassCastException e) {
            throw new PayerUnreachable("its answer is not a FHIR R4 CoverageEligibilityResponse");
        }
        String answered = response.getRequest().getIdentifier().getValue();
        if (answered != null && !answered.equals(reference)) {
            throw new PayerUnreachable("its answer is about another request (" + answered + ")");
        }
        if (response.getOutcome() == org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.ERROR) {
            String why = response.getError().stream().map(e -> e.getCode().getText() != null ? e.getCode().getText()
                    : e.getCode().getCodingFirstRep().getCode()).filter(t -> t != null).findFirst()
                    .orElse(response.getDisposition());
            throw new PayerUnreachable("it answered with an error" + (why == null ? "" : ": " + why));
        }
        if (!response.hasInsurance()) {
            throw new PayerUnreachable("its answer names no insurance");
        }
        InsuranceComponent insurance = response.getInsuranceFirstRep();
        boolean covered = insurance.getInforce();
        List<Benefit> benefits = new ArrayList<>();
        for (var item : insurance.getItem()) {
            for (var benefit : item.getBenefit()) {
                BigDecimal allowed = benefit.hasAllowedMoney() ? benefit.getAllowedMoney().getValue() : null;
                BigDecimal used = benefit.hasUsedMoney() ? benefit.getUsedMoney().getValue() : null;
                String currency = benefit.hasAllowedMoney() ? benefit.getAllowedMoney().getCurrency()
                        : benefit.hasUsedMoney() ? benefit.getUsedMoney().getCurrency() : null;
                String name = item.getCategory().hasText() ? item.getCategory().getText()
                        : benefit.getType().hasText() ? benefit.getType().getText() : benefit.getType().getCodingFirstRep().getCode();
                benefits.add(new Benefit(name, allowed, used, allowed != null && used != null ? allowed.subtract(used) : null,
                        currency));
            }
        }
        LocalDate start = insurance.getBenefitPeriod().hasStart() ? day(insurance.getBenefitPeriod().getStart()) : null;
        LocalDate end = insurance.getBenefitPeriod().hasEnd() ? day(insurance.getBenefitPeriod().getEnd()) : null;
        String reason = response.getDisposition();
        if (!covered && (reason == null || reason.isBlank())) {
            reason = "the payer says the member is not covered on that day";
        }
        return new CoverAnswer(covered, reason, insurance.getCoverage().getDisplay(), start, end, benefits, List.of());
    }

    private static Identifier member(String enrolleeNumber) {
        return new Identifier().setSystem("urn:hmo-hub:enrollee-number").setValue(enrolleeNumber);
    }

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    /** HAPI's one R4 context of the process, built at its first use rather than when this class loads (it costs the start). */
    private static FhirContext fhir() {
        return FhirContext.forR4Cached();
    }
}
