package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.payers.AttachmentType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API shows of claims: the claim in full, and a row of the claims list. */
public final class ClaimViews {

    private ClaimViews() {
    }

    public record Patient(String enrolleeNumber, String name, LocalDate dateOfBirth) {
    }

    public record Line(int position, long visitServiceId, String serviceCode, String description, int quantity,
            LocalDate serviceDate, BigDecimal tariffPrice, BigDecimal unitPrice, BigDecimal amount,
            boolean overridden, String overrideReason, String overriddenBy, Integer approvedQuantity,
            BigDecimal approvedAmount, String payerReasons,
            @Schema(description = "what the payer says the patient owes on the line (X12 CAS PR, FHIR copay/deductible); null when the payer gave no split")
            BigDecimal patientResponsibility,
            @Schema(description = "the provider's contractual write-off on the line (X12 CAS CO): never billed to the patient")
            BigDecimal contractualAdjustment,
            @Schema(description = "what the payer withheld on the line otherwise (X12 OA, PI); null when the payer gave no split")
            BigDecimal otherAdjustments) {
        static Line of(ClaimLine l) {
            return new Line(l.getPosition(), l.getVisitServiceId(), l.getServiceCode(), l.getDescription(), l.getQuantity(),
                    l.getServiceDate(), l.getTariffPrice(), l.getUnitPrice(), l.amount(), l.isOverridden(),
                    l.getOverrideReason(), l.getOverriddenBy(), l.getApprovedQuantity(), l.getApprovedAmount(),
                    l.getAdjudicationReasons(), l.getPatientResponsibility(), l.getContractualAdjustment(),
                    l.otherAdjustments());
        }
    }

    /** {@code contentRemovedAt}: when retention removed the file of this closed claim (null while it is kept). */
    public record Attachment(long id, AttachmentType type, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt, Instant contentRemovedAt) {
        static Attachment of(ClaimAttachment a) {
            return new Attachment(a.getId(), a.getType(), a.getFileName(), a.getContentType(), a.getSizeBytes(),
                    a.getSha256(), a.getUploadedBy(), a.getUploadedAt(), a.getContentRemovedAt());
        }
    }

    /** A step of the claim's history; {@code late}: news older than the claim's state when it came, kept but not a move. */
    public record History(ClaimStatus from, ClaimStatus to, Instant at, String by, ChangeSource source, String reason,
            boolean late) {
        static History of(StatusChange c) {
            return new History(c.getFromStatus(), c.getToStatus(), c.getChangedAt(), c.getChangedBy(), c.getSource(),
                    c.getReason(), c.isLate());
        }
    }

    public record Payment(String reference, String kind, BigDecimal amount, LocalDate paidOn, String recordedBy,
            Instant recordedAt) {
        static Payment of(ClaimPayment p) {
            return new Payment(p.getReference(), p.getKind(), p.getAmount(), p.getPaidOn(), p.getRecordedBy(),
                    p.getRecordedAt());
        }
    }

    /**
     * The money on the claim, and who still owes what. {@code patientShare} is what the payer says the patient
     * owes ({@code patientShareBasis} PAYER, with {@code patientResponsibility} as the payer gave it) or, when
     * the payer gave no split, billed less approved (BILLED_LESS_APPROVED); less what billing wrote off.
     * {@code contractualAdjustment} is the provider's write-off the payer named (never the patient's), and
     * {@code otherAdjustments} what the payer withheld otherwise.
     */
    public record Balance(String currency, BigDecimal billed, BigDecimal approved, BigDecimal paid, BigDecimal payerOutstanding,
            BigDecimal patientShare, BigDecimal writtenOff, String writeOffReason, BigDecimal outstanding,
            BigDecimal overpaidBy,
            @Schema(description = "PAYER: patientShare is the payer's patient responsibility; BILLED_LESS_APPROVED: the payer gave no split, so what it did not approve is the patient's; null until decided")
            PatientShareBasis patientShareBasis,
            @Schema(description = "what the payer says the patient owes (X12 CLP05 and CAS PR, FHIR copay/deductible, a mapped field); null when it gave no split")
            BigDecimal patientResponsibility,
            @Schema(description = "the provider's contractual write-off the payer named (X12 CAS CO): never billed to the patient")
            BigDecimal contractualAdjustment,
            @Schema(description = "what the payer withheld otherwise (X12 OA and PI, or reductions without a group); null when it gave no split")
            BigDecimal otherAdjustments) {
        static Balance of(Claim c) {
            return new Balance(c.getCurrency(), c.billedAmount(), c.getApprovedAmount(), c.paidAmount(),
                    c.payerOutstanding(), c.patientShare(), c.getWrittenOff(), c.getWriteOffReason(), c.outstanding(),
                    c.overpaidBy(), c.patientShareBasis(), c.getPatientResponsibility(), c.getContractualAdjustment(),
                    c.otherAdjustments());
        }
    }

    public record ClaimView(long id, String claimNumber, String providerReference, String payer, Patient patient, long visitId,
            List<String> diagnoses, String paCode, ClaimStatus status, String decisionReasons, PaymentStatus paymentStatus,
            boolean stale,
            Delivery delivery,
            String resubmissionOf, String resubmittedAs, List<AttachmentType> missingAttachments, List<Line> lines,
            List<Attachment> attachments, Balance balance, List<Payment> payments, List<History> history,
            Instant createdAt, Instant submittedAt, Instant lastActivityAt, long version) {

        /**
         * When the payer's decision came before the hub noted the claim delivered, that decision's time; null otherwise.
         * The payer had the claim already (an earlier send whose answer was lost, or the demo's replayed months, which
         * the hub delivers when the demo starts), so the page says so beside the delivery time. Not part of the JSON.
         */
        public Instant answeredBeforeDelivery() {
            Instant delivered = delivery == null ? null : delivery.deliveredAt();
            if (delivered == null) {
                return null;
            }
            return history.stream().filter(h -> !h.late() && h.to() != null && h.to().isDecision() && h.at().isBefore(delivered))
                    .map(History::at).findFirst().orElse(null);
        }
    }

    /** Whether the claim reached its payer, the payer's reference, and the payer's error if it refused it. */
    public record Delivery(DeliveryStatus status, String payerReference, String error, Instant deliveredAt) {
        static Delivery of(Claim c) {
            return new Delivery(c.getDeliveryStatus(), c.getPayerReference(), c.getDeliveryError(), c.getDeliveredAt());
        }
    }

    public record ClaimRow(long id, String claimNumber, String providerReference, String payer, Patient patient,
            ClaimStatus status, PaymentStatus paymentStatus, boolean stale, BigDecimal billed, BigDecimal paid,
            String currency, Instant createdAt, Instant lastActivityAt) {
    }

    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }
}
