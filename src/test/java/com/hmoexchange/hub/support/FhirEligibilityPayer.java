package com.hmoexchange.hub.support;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A real HTTP payer for eligibility over FHIR (Crestline in tests): it reads the hub's CoverageEligibilityRequest and
 * answers a CoverageEligibilityResponse: covered on "Crestline Gold" with an outpatient limit of 500,000.00 (45,000.00
 * used), unless the enrollee number ends in 9 (not covered, premium unpaid). A test takes it down with {@link #status}.
 */
public final class FhirEligibilityPayer {

    public static final String TOKEN = "test-eligibility-token";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    FhirEligibilityPayer() {
        server = StandInServer.start("/eligibility", (exchange, body) -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (status != 200) {
                return new StandInServer.Answer(status, "application/fhir+json", "{\"resourceType\":\"OperationOutcome\"}");
            }
            received.add(body);
            return new StandInServer.Answer(200, "application/fhir+json", FHIR.newJsonParser().encodeResourceToString(
                    answer(FHIR.newJsonParser().parseResource(CoverageEligibilityRequest.class, body))));
        });
    }

    public String url() {
        return StandInServer.url(server, "/eligibility");
    }

    /** The requests answered (200), as received. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The HTTP status to answer with; anything but 200 answers an OperationOutcome. Set back to 200 after a test. */
    public void status(int status) {
        this.status = status;
    }

    private static CoverageEligibilityResponse answer(CoverageEligibilityRequest request) {
        String member = request.getPatient().getIdentifier().getValue();
        CoverageEligibilityResponse response = new CoverageEligibilityResponse();
        response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
        response.setRequest(new Reference().setIdentifier(request.getIdentifierFirstRep()));
        response.setOutcome(RemittanceOutcome.COMPLETE);
        var insurance = response.addInsurance().setCoverage(new Reference().setDisplay("Crestline Gold"));
        if (member.endsWith("9")) {
            response.setDisposition("premium unpaid");
            return response.setInsurance(List.of(insurance.setInforce(false)));
        }
        insurance.setInforce(true).setBenefitPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-01-01"))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-12-31")));
        insurance.addItem().setCategory(new CodeableConcept().setText("Outpatient care")).addBenefit()
                .setType(new CodeableConcept().setText("benefit"))
                .setAllowed(new Money().setValue(new BigDecimal("500000.00")).setCurrency("NGN"))
                .setUsed(new Money().setValue(new BigDecimal("45000.00")).setCurrency("NGN"));
        return response;
    }
}
