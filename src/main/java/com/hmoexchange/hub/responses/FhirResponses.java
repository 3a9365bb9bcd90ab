package com.hmoexchange.hub.responses;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.hmoexchange.hub.claims.ClaimStatus;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 responses, no mapping needed: a ClaimResponse (outcome, disposition, per-item adjudication with
 * the benefit amount and reasons) becomes a claim adjudication; a PaymentReconciliation (payment identifier,
 * amount, date, one detail per claim) a remittance; a Bundle may carry several of either. The claim is
 * found by the hub's claim number that travelled out as Claim.identifier (ClaimResponse.request).
 */
@Component("fhir")
public class FhirResponses implements ResponseReader {

    static final String HUB_SYSTEM = "urn:hmo-hub:claim-number";

    private final FhirContext fhir = FhirContext.forR4Cached();

    @Override
    public PayerResponse read(InputStream in) throws UnreadableResponse {
        IBaseResource resource;
        try {
            resource = fhir.newJsonParser().parseResource(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new UnreadableResponse(0, "Not a FHIR R4 resource: " + e.getMessage(), e);
        }
        List<ClaimAdjudication> adjudications = new ArrayList<>();
        List<Remittance> remittances = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(e -> resources.add(e.getResource()));
        } else {
            resources.add((Resource) resource);
        }
        int index = 0;
        for (Resource r : resources) {
            index++;
            if (r instanceof ClaimResponse response) {
                adjudications.add(adjudication(response, index));
            } else if (r instanceof PaymentReconciliation payment) {
                remittances.add(remittance(payment, index));
            } else {
                throw new UnreadableResponse(0, "Resource " + index + " is a " + (r == null ? "nothing" : r.fhirType())
                        + "; the hub reads ClaimResponse and PaymentReconciliation.");
            }
        }
        return new PayerResponse(adjudications, remittances, List.of());
    }

    private static ClaimAdjudication adjudication(ClaimResponse r, int index) throws UnreadableResponse {
        String claimNumber = claimNumber(r.getRequest(), r.getIdentifier());
        if (claimNumber == null) {
            throw new UnreadableResponse(0, "ClaimResponse " + index + " names no claim: give request.identifier (system "
                    + HUB_SYSTEM + ") with the hub's claim number.");
        }
        List<Reason> reasons = new ArrayList<>();
        for (ClaimResponse.ErrorComponent error : r.getError()) {
            reasons.add(reason(error.getCode()));
        }
        if (r.hasDisposition()) {
            reasons.add(new Reason(null, r.getDisposition()));
        }
        List<LineAdjudication> lines = new ArrayList<>();
        for (ClaimResponse.ItemComponent item : r.getItem()) {
            BigDecimal benefit = null;
            Integer quantity = null;
            List<Reason> lineReasons = new ArrayList<>();
            for (ClaimResponse.AdjudicationComponent adjudication : item.getAdjudication()) {
                String category = adjudication.getCategory().getCodingFirstRep().getCode();
                if ("benefit".equals(category) && adjudication.hasAmount()) {
                    benefit = money(adjudication.getAmount().getValue());
                }
                if ("benefit".equals(category) && adjudication.hasValue()) {
                    quantity = adjudication.getValue().intValue();
                }
                if (adjudication.hasReason()) {
                    lineReasons.add(reason(adjudication.getReason()));
                }
            }
            lines.add(new LineAdjudication(item.getItemSequence(), quantity, benefit, lineReasons));
        }
        ClaimStatus status = switch (r.getOutcome() == null ? ClaimResponse.RemittanceOutcome.NULL : r.getOutcome()) {
            case QUEUED -> ClaimStatus.IN_REVIEW;
            case ERROR -> ClaimStatus.REJECTED;
            case PARTIAL -> ClaimStatus.PARTIAL;
            case COMPLETE -> lines.isEmpty() ? ClaimStatus.APPROVED : null;
            default -> throw new UnreadableResponse(0, "ClaimResponse " + index + " has no outcome (queued, complete, error, partial).");
        };
        String payerReference = r.getIdentifier().stream().filter(i -> !HUB_SYSTEM.equals(i.getSystem()))
                .map(Identifier::getValue).findFirst().orElse(r.getIdElement().getIdPart());
        return new ClaimAdjudication(claimNumber, payerReference, status, reasons, lines);
    }

    private static Remittance remittance(PaymentReconciliation p, int index) throws UnreadableResponse {
        if (!p.hasPaymentIdentifier() || !p.getPaymentIdentifier().hasValue()) {
            throw new UnreadableResponse(0, "PaymentReconciliation " + index + " has no paymentIdentifier (the payment reference).");
        }
        if (!p.hasPaymentAmount()) {
            throw new UnreadableResponse(0, "PaymentReconciliation " + index + " has no paymentAmount.");
        }
        List<RemittedClaim> claims = new ArrayList<>();
        int d = 0;
        for (PaymentReconciliation.DetailsComponent detail : p.getDetail()) {
            d++;
            String claimNumber = claimNumber(detail.getRequest(), List.of());
            if (claimNumber == null) {
                throw new UnreadableResponse(0, "PaymentReconciliation " + index + " detail " + d
                        + " names no claim: give request.identifier (system " + HUB_SYSTEM + ").");
            }
            BigDecimal paid = money(detail.hasAmount() ? detail.getAmount().getValue() : BigDecimal.ZERO);
            RemittedClaim.Kind kind = paid.signum() < 0 ? RemittedClaim.Kind.REVERSAL
                    : paid.signum() == 0 ? RemittedClaim.Kind.DENIED : RemittedClaim.Kind.PROCESSED;
            claims.add(new RemittedClaim(claimNumber, detail.hasIdentifier() ? detail.getIdentifier().getValue() : null,
                    kind, null, paid, null, List.of(), List.of()));
        }
        return new Remittance(p.getPaymentIdentifier().getValue(), p.hasPaymentDate()
                ? p.getPaymentDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null,
                money(p.getPaymentAmount().getValue()), BigDecimal.ZERO, claims);
    }

    /** The hub's claim number from a reference (identifier, or "Claim/CLM-…"), else from the resource's identifiers. */
    private static String claimNumber(Reference request, List<Identifier> identifiers) {
        if (request != null && request.hasIdentifier() && request.getIdentifier().hasValue()) {
            return request.getIdentifier().getValue();
        }
        if (request != null && request.hasReference()) {
            String ref = request.getReference();
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        return identifiers.stream().filter(i -> HUB_SYSTEM.equals(i.getSystem())).map(Identifier::getValue).findFirst()
                .orElse(null);
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static Reason reason(CodeableConcept concept) {
        Coding coding = concept.getCodingFirstRep();
        String text = concept.hasText() ? concept.getText() : coding.getDisplay();
        return new Reason(coding.getCode(), text);
    }
}
