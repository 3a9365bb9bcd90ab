package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.payers.AttachmentType;
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
            BigDecimal approvedAmount, String payerReasons) {
        static Line of(ClaimLine l) {
            return new Line(l.getPosition(), l.getVisitServiceId(), l.getServiceCode(), l.getDescription(), l.getQuantity(),
                    l.getServiceDate(), l.getTariffPrice(), l.getUnitPrice(), l.amount(), l.isOverridden(),
                    l.getOverrideReason(), l.getOverriddenBy(), l.getApprovedQuantity(), l.getApprovedAmount(),
                    l.getAdjudicationReasons());
        }
    }

    public record Attachment(long id, AttachmentType type, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt) {
        static Attachment of(ClaimAttachment a) {
            return new Attachment(a.getId(), a.getType(), a.getFileName(), a.getContentType(), a.getSizeBytes(),
                    a.getSha256(), a.getUploadedBy(), a.getUploadedAt());
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

    /** The money on the claim, and who still owes what. */
    public record Balance(String currency, BigDecimal billed, BigDecimal approved, BigDecimal paid, BigDecimal payerOutstanding,
            BigDecimal patientShare, BigDecimal writtenOff, String writeOffReason, BigDecimal outstanding,
            BigDecimal overpaidBy) {
        static Balance of(Claim c) {
            return new Balance(c.getCurrency(), c.billedAmount(), c.getApprovedAmount(), c.paidAmount(),
                    c.payerOutstanding(), c.patientShare(), c.getWrittenOff(), c.getWriteOffReason(), c.outstanding(),
                    c.overpaidBy());
        }
    }

    public record ClaimView(long id, String claimNumber, String providerReference, String payer, Patient patient, long visitId,
            List<String> diagnoses, String paCode, ClaimStatus status, String decisionReasons, PaymentStatus paymentStatus,
            boolean stale,
            Delivery delivery,
            String resubmissionOf, String resubmittedAs, List<AttachmentType> missingAttachments, List<Line> lines,
            List<Attachment> attachments, Balance balance, List<Payment> payments, List<History> history,
            Instant createdAt, Instant submittedAt, Instant lastActivityAt, long version) {
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
