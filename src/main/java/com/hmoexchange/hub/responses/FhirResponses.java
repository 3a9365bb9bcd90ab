package com.hmoexchange.hub.responses;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.hmoexchange.hub.claims.ClaimStatus;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * FHIR R4 adjudications, no mapping needed: a ClaimResponse (outcome, disposition, process notes, per-item
 * adjudication with the benefit amount, the patient's copay and deductible, and reasons; added items that
 * replace rejected ones) becomes a claim adjudication; a PaymentReconciliation (payment identifier, amount, date, one
 * detail per claim payment, other details as provider-level adjustments) a remittance; a Bundle may carry
 * several of either. The claim is found by the hub's claim number that travelled out as Claim.identifier
 * (ClaimResponse.request). Only a ClaimResponse with use {@code claim} (or none) decides a claim; a
 * predetermination or pre-authorisation answer, and an answer naming no claim, are kept without effect.
 */
@Component("fhir")
public class FhirResponses implements ResponseReader {

    static final String HUB_SYSTEM = "urn:hmo-hub:claim-number";
    /** Adjudication categories that are the patient's to pay (R4 adjudication codes, CARIN BB member liability). */
    private static final Set<String> PATIENT = Set.of("copay", "deductible", "coinsurance", "memberliability");


    @Override
    public PayerResponse read(InputStream in) throws UnreadableResponse {
        IBaseResource resource;
        try {
            // HAPI's own cache: the R4 context, slow to build, is made once per process at first use, not at start.
            resource = FhirContext.forR4Cached().newJsonParser().parseResource(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new UnreadableResponse(0, "Not a FHIR R4 resource: " + e.getMessage(), e);
        }
        List<ClaimAdjudication> adjudications = new ArrayList<>();
        List<Remittance> remittances = new ArrayList<>();
        List<PayerResponse.SetAside> setAside = new ArrayList<>();
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
                adjudication(response, name(r, index), adjudications, setAside);
            } else if (r instanceof PaymentReconciliation payment) {
                remittances.add(remittance(payment, name(r, index), setAside));
            } else {
                throw new UnreadableResponse(0, name(r, index) + " is a " + (r == null ? "nothing" : r.fhirType())
                        + "; the hub reads ClaimResponse and PaymentReconciliation.");
            }
        }
        return new PayerResponse(adjudications, remittances, List.of(), setAside);
    }

    /** "ClaimResponse R3500" by its id, or by its place in the bundle when it has none. */
    private static String name(Resource r, int index) {
        String type = r == null ? "Resource" : r.fhirType();
        return r != null && r.getIdElement().hasIdPart() ? type + " " + r.getIdElement().getIdPart()
                : type + " " + index + " (no id)";
    }

    private static void adjudication(ClaimResponse r, String name, List<ClaimAdjudication> adjudications, List<PayerResponse.SetAside> setAside)
            throws UnreadableResponse {
        String claimNumber = claimNumber(r.getRequest(), r.getIdentifier());
        ClaimResponse.Use use = r.getUse();
        if (use != null && use != ClaimResponse.Use.CLAIM && use != ClaimResponse.Use.NULL) {
            setAside.add(new PayerResponse.SetAside(name, claimNumber, "a " + use.toCode() + " answer, not the payer's "
                    + "decision on a claim: kept, not applied"));
            return;
        }
        if (claimNumber == null) {
            setAside.add(new PayerResponse.SetAside(name, null, "names no claim of the hub (no request.identifier with system "
                    + HUB_SYSTEM + "): kept, not applied"));
            return;
        }
        List<Reason> reasons = new ArrayList<>();
        for (ClaimResponse.ErrorComponent error : r.getError()) {
            reasons.add(reason(error.getCode()));
        }
        if (r.hasDisposition()) {
            reasons.add(new Reason(null, r.getDisposition()));
        }
        for (ClaimResponse.NoteComponent note : r.getProcessNote()) {
            if (note.hasText()) {
                reasons.add(new Reason(note.hasNumber() ? "note " + note.getNumber() : null, note.getText()));
            }
        }
        Map<Integer, Line> lines = new LinkedHashMap<>();
        for (ClaimResponse.ItemComponent item : r.getItem()) {
            Line line = lines.computeIfAbsent(item.getItemSequence(), Line::new);
            line.add(item.getAdjudication(), name + " item " + item.getItemSequence());
        }
        // An added item replacing a rejected one: its benefit counts on the line it replaces.
        for (ClaimResponse.AddedItemComponent added : r.getAddItem()) {
            String what = added.getProductOrService().getCodingFirstRep().getCode();
            for (PositiveIntType sequence : added.getItemSequence()) {
                Line line = lines.computeIfAbsent(sequence.getValue(), Line::new);
                BigDecimal before = line.benefit;
                line.add(added.getAdjudication(), name + " addItem " + (what == null ? "" : what));
                BigDecimal addedBenefit = line.benefit == null ? null : before == null ? line.benefit : line.benefit.subtract(before);
                line.reasons.add(new Reason(null, "the payer added " + (what == null ? "an item" : what)
                        + (addedBenefit == null ? "" : " (" + addedBenefit.toPlainString() + ")") + " in its place"));
            }
        }
        BigDecimal patientTotal = null;
        for (ClaimResponse.TotalComponent total : r.getTotal()) {
            if (PATIENT.contains(total.getCategory().getCodingFirstRep().getCode()) && total.hasAmount()) {
                BigDecimal amount = money(total.getAmount(), name + " total");
                patientTotal = patientTotal == null ? amount : patientTotal.add(amount);
            }
        }
        List<LineAdjudication> lineAdjudications = lines.values().stream().map(l -> new LineAdjudication(l.sequence, l.quantity, l.benefit,
                l.reasons, l.patient)).toList();
        ClaimStatus status = switch (r.getOutcome() == null ? ClaimResponse.RemittanceOutcome.NULL : r.getOutcome()) {
            case QUEUED -> ClaimStatus.IN_REVIEW;
            case ERROR -> ClaimStatus.REJECTED;
            case PARTIAL -> ClaimStatus.PARTIAL;
            case COMPLETE -> lineAdjudications.isEmpty() ? ClaimStatus.APPROVED : null;
            default -> throw new UnreadableResponse(0, name + " has no outcome (queued, complete, error, partial).");
        };
        String payerReference = r.getIdentifier().stream().filter(i -> !HUB_SYSTEM.equals(i.getSystem()))
                .map(Identifier::getValue).findFirst().orElse(r.getIdElement().getIdPart());
        adjudications.add(new ClaimAdjudication(claimNumber, payerReference, status, reasons, lineAdjudications, patientTotal));
    }

    /** One claim line as the payer's items and added items adjudicate it. */
    private static final class Line {
        final int sequence;
        BigDecimal benefit;
        Integer quantity;
        BigDecimal patient;
        final List<Reason> reasons = new ArrayList<>();

        Line(int sequence) {
            this.sequence = sequence;
        }

        void add(List<ClaimResponse.AdjudicationComponent> adjudications, String where) throws UnreadableResponse {
            for (ClaimResponse.AdjudicationComponent adjudication : adjudications) {
                String category = adjudication.getCategory().getCodingFirstRep().getCode();
                if ("benefit".equals(category) && adjudication.hasAmount()) {
                    BigDecimal amount = money(adjudication.getAmount(), where + " benefit");
                    benefit = benefit == null ? amount : benefit.add(amount);
                }
                if ("benefit".equals(category) && adjudication.hasValue()) {
                    quantity = adjudication.getValue().intValue();
                }
                if (PATIENT.contains(category) && adjudication.hasAmount()) {
                    BigDecimal amount = money(adjudication.getAmount(), where + " " + category);
                    patient = patient == null ? amount : patient.add(amount);
                }
                if (adjudication.hasReason()) {
                    reasons.add(reason(adjudication.getReason()));
                }
            }
        }
    }

    private static Remittance remittance(PaymentReconciliation p, String name, List<PayerResponse.SetAside> setAside)
            throws UnreadableResponse {
        if (!p.hasPaymentIdentifier() || !p.getPaymentIdentifier().hasValue()) {
            throw new UnreadableResponse(0, name + " has no paymentIdentifier (the payment reference).");
        }
        if (!p.hasPaymentAmount()) {
            throw new UnreadableResponse(0, name + " has no paymentAmount.");
        }
        List<RemittedClaim> claims = new ArrayList<>();
        BigDecimal providerAdjustments = BigDecimal.ZERO;
        int d = 0;
        for (PaymentReconciliation.DetailsComponent detail : p.getDetail()) {
            d++;
            String where = name + " detail " + d + (detail.hasIdentifier() && detail.getIdentifier().hasValue()
                    ? " (" + detail.getIdentifier().getValue() + ")" : "");
            BigDecimal amount = detail.hasAmount() ? money(detail.getAmount(), where + " amount") : BigDecimal.ZERO.setScale(2);
            String type = detail.getType().getCodingFirstRep().getCode();
            if (type != null && !"payment".equals(type)) {
                // An advance, an adjustment, a recoupment: the provider's, not a claim's (X12 PLB). It raises the
                // payment by its amount; a provider adjustment in the hub's sense reduces it.
                providerAdjustments = providerAdjustments.subtract(amount);
                continue;
            }
            String claimNumber = claimNumber(detail.getRequest(), List.of());
            if (claimNumber == null && amount.signum() == 0) {
                setAside.add(new PayerResponse.SetAside(where, null, "names no claim of the hub and moves no money: kept, not applied"));
                continue;
            }
            // A payment naming no claim stays in the remittance (its total balances) and waits for a person.
            RemittedClaim.Kind kind = amount.signum() < 0 ? RemittedClaim.Kind.REVERSAL
                    : amount.signum() == 0 ? RemittedClaim.Kind.DENIED : RemittedClaim.Kind.PROCESSED;
            claims.add(new RemittedClaim(claimNumber, detail.hasIdentifier() ? detail.getIdentifier().getValue() : null,
                    kind, null, amount, null, List.of(), List.of()));
        }
        return new Remittance(p.getPaymentIdentifier().getValue(), p.hasPaymentDate()
                ? p.getPaymentDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null,
                money(p.getPaymentAmount(), name + " paymentAmount"), providerAdjustments, claims);
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

    private static BigDecimal money(Money money, String where) throws UnreadableResponse {
        BigDecimal value = money.getValue();
        if (value == null) {
            return null;
        }
        String problem = Amounts.problem(value);
        if (problem != null) {
            throw new UnreadableResponse(0, where + " " + value.toPlainString() + " " + problem + ".");
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static Reason reason(CodeableConcept concept) {
        Coding coding = concept.getCodingFirstRep();
        String text = concept.hasText() ? concept.getText() : coding.getDisplay();
        return new Reason(coding.getCode(), text);
    }
}
