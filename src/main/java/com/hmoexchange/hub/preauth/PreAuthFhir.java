package com.hmoexchange.hub.preauth;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.hmoexchange.hub.preauth.PreAuthorisation.LineApproval;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * Pre-authorisation in FHIR R4, as payers in channel mode speak it: the request as a {@code Claim} with
 * {@code use = preauthorization}, identified by the hub's request reference; the answer as a {@code ClaimResponse}
 * whose {@code request} names that reference, with {@code preAuthRef} (the code) and {@code preAuthPeriod}, and per
 * item a {@code benefit} adjudication (approved amount, and approved quantity as its {@code value}).
 * Outcome {@code complete}/{@code partial} with a code approves, {@code error} declines (the disposition says why),
 * {@code queued} means the payer took it and will decide later.
 */
final class PreAuthFhir {

    static final String REFERENCE_SYSTEM = "urn:hmo-hub:preauth-reference";

    private PreAuthFhir() {
    }

    /** Who and what the request is about, beside the request itself. */
    record Parties(String enrolleeNumber, String memberName, String practiceCode, String practiceName, String payerCode,
            String payerName, String currency) {
    }

    static String request(PreAuthorisation p, Parties parties) {
        return request(p, parties, List.of(), true);
    }

    /**
     * The request as a FHIR Claim. The practice's files are {@code supportingInfo} entries of category
     * {@code attachment}, each a {@code valueAttachment} with contentType, title and size, and, when {@code inline},
     * the bytes as {@code data} (over HTTP); by email the files travel as the mail's own attachments instead, under the
     * same titles, so the Claim names them without carrying them twice.
     */
    static String request(PreAuthorisation p, Parties parties, List<PreAuthorisations.AttachmentFile> files, boolean inline) {
        Claim claim = new Claim();
        claim.setId(p.getReference());
        claim.addIdentifier(new Identifier().setSystem(REFERENCE_SYSTEM).setValue(p.getReference()));
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setUse(Claim.Use.PREAUTHORIZATION);
        claim.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type", "professional", null)));
        claim.setPatient(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:enrollee-number")
                .setValue(parties.enrolleeNumber())).setDisplay(parties.memberName()));
        // In UTC whatever the machine's zone, so the same request reads the same everywhere (and its golden sample holds).
        claim.setCreatedElement(new org.hl7.fhir.r4.model.DateTimeType(Date.from(p.getRequestedAt()),
                ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone("UTC")));
        claim.setProvider(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:provider")
                .setValue(parties.practiceCode())).setDisplay(parties.practiceName()));
        claim.setInsurer(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:payer")
                .setValue(parties.payerCode())).setDisplay(parties.payerName()));
        claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority",
                p.getUrgency() == Urgency.ROUTINE ? "normal" : "stat", null)).setText(p.getUrgency().name()));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setIdentifier(new Identifier()
                .setSystem("urn:hmo-hub:enrollee-number").setValue(parties.enrolleeNumber())));
        int sequence = 1;
        for (String code : p.getDiagnoses()) {
            claim.addDiagnosis().setSequence(sequence++).setDiagnosis(new CodeableConcept(
                    new Coding("http://hl7.org/fhir/sid/icd-10", code, null)));
        }
        sequence = 1;
        StringBuilder info = new StringBuilder();
        if (p.getNotes() != null) {
            info.append(p.getNotes());
        }
        if (p.getAnswer() != null) {
            info.append(info.isEmpty() ? "" : "\n").append("Answer to '").append(p.getQuestion()).append("': ").append(p.getAnswer());
        }
        if (!info.isEmpty()) {
            claim.addSupportingInfo().setSequence(sequence++).setCategory(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/claiminformationcategory", "info", null))).setValue(
                    new org.hl7.fhir.r4.model.StringType(info.toString()));
        }
        for (PreAuthorisations.AttachmentFile file : files) {
            Attachment attachment = new Attachment()
                    .setContentType(file.contentType()).setTitle(file.fileName()).setSize(file.data().length);
            if (inline) {
                attachment.setData(file.data());
            }
            claim.addSupportingInfo().setSequence(sequence++).setCategory(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/claiminformationcategory", "attachment", null)))
                    .setValue(attachment);
        }
        BigDecimal total = BigDecimal.ZERO;
        sequence = 1;
        for (RequestedService s : p.getServices()) {
            claim.addItem().setSequence(sequence++)
                    .setProductOrService(new CodeableConcept(new Coding("urn:hmo-hub:service-code", s.getServiceCode(),
                            s.getDescription())).setText(s.getDescription()))
                    .setQuantity((SimpleQuantity) new SimpleQuantity().setValue(s.getQuantity()))
                    .setUnitPrice(money(s.getUnitPrice(), parties.currency()))
                    .setNet(money(s.amount(), parties.currency()));
            total = total.add(s.amount());
        }
        claim.setTotal(money(total, parties.currency()));
        return fhir().newJsonParser().setPrettyPrint(true).encodeResourceToString(claim);
    }

    /** Whether a document is a FHIR ClaimResponse with {@code use = preauthorization} (an answer to a PA request). */
    static boolean isAnswer(String body) {
        if (!body.contains("ClaimResponse") || !body.contains("preauthorization")) {
            return false;
        }
        try {
            return fhir().newJsonParser().parseResource(ClaimResponse.class, body).getUse() == ClaimResponse.Use.PREAUTHORIZATION;
        } catch (DataFormatException | ClassCastException e) {
            return false;
        }
    }

    /** Reads a payer's ClaimResponse; refused as {@link IllegalArgumentException} when it is not one, with why. */
    static PayerAnswer answer(String body) {
        ClaimResponse response;
        try {
            response = fhir().newJsonParser().parseResource(ClaimResponse.class, body);
        } catch (DataFormatException | ClassCastException e) {
            throw new IllegalArgumentException("not a FHIR R4 ClaimResponse: " + e.getMessage());
        }
        String reference = response.getRequest().getIdentifier().getValue();
        if (reference == null || reference.isBlank()) {
            reference = response.getIdentifier().stream().filter(i -> REFERENCE_SYSTEM.equals(i.getSystem()))
                    .map(Identifier::getValue).findFirst().orElse(null);
        }
        String payerReference = response.getIdElement().getIdPart();
        PayerAnswer.Outcome outcome = switch (response.getOutcome() == null ? ClaimResponse.RemittanceOutcome.QUEUED
                : response.getOutcome()) {
            case COMPLETE, PARTIAL -> response.hasPreAuthRef() ? PayerAnswer.Outcome.APPROVED : PayerAnswer.Outcome.DECLINED;
            case ERROR -> PayerAnswer.Outcome.DECLINED;
            default -> PayerAnswer.Outcome.PENDED;
        };
        List<LineApproval> lines = new ArrayList<>();
        for (ClaimResponse.ItemComponent item : response.getItem()) {
            for (ClaimResponse.AdjudicationComponent a : item.getAdjudication()) {
                if (a.getCategory().getCoding().stream().anyMatch(c -> "benefit".equals(c.getCode())) && a.hasAmount()) {
                    int quantity = a.hasValue() ? a.getValue().intValue() : -1;
                    lines.add(new LineApproval(item.getItemSequence(), quantity, a.getAmount().getValue()));
                }
            }
        }
        LocalDate from = response.getPreAuthPeriod().hasStart() ? day(response.getPreAuthPeriod().getStart()) : null;
        LocalDate until = response.getPreAuthPeriod().hasEnd() ? day(response.getPreAuthPeriod().getEnd()) : null;
        return new PayerAnswer(reference, outcome, response.getPreAuthRef(), from, until, lines, response.getDisposition(),
                payerReference);
    }

    private static LocalDate day(Date date) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(date.getTime()), ZoneOffset.UTC);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money().setValue(amount).setCurrency(currency);
    }

    /** HAPI's one R4 context of the process, built at its first use rather than when this class loads (it costs the start). */
    private static FhirContext fhir() {
        return FhirContext.forR4Cached();
    }
}
