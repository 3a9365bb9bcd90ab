package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.common.Days;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.common.StaleVersion;
import com.hmoexchange.hub.common.Texts;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.payers.AttachmentType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.annotations.BatchSize;

/**
 * A provider's request to a payer for payment of a visit's services. The claim owns its lifecycle
 * rules: what may change while it is a draft, when it may be submitted, which status moves are
 * allowed, how payments settle it and what the patient is left to pay.
 */
@Entity
public class Claim {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** The hub's number for the claim; travels to the payer (X12 CLM01, FHIR Claim.identifier, JSON ref). */
    private String claimNumber;
    private Long providerId;
    private Long payerId;
    private Long enrolleeId;
    private Long visitId;
    /** The practice's own reference, unique per practice. */
    private String providerReference;
    private String paCode;
    @ElementCollection
    @CollectionTable(name = "claim_diagnosis", joinColumns = @JoinColumn(name = "claim_id"))
    @OrderColumn(name = "position")
    @Column(name = "code")
    @BatchSize(size = 50)
    private List<String> diagnoses = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private ClaimStatus status;
    @Enumerated(EnumType.STRING)
    private PaymentStatus paymentStatus;
    private String currency;
    /** What the payer agreed to pay: set by its decision (all of it, part of it, or nothing). */
    private BigDecimal approvedAmount;
    private Long resubmissionOfId;
    private String createdBy;
    private Instant createdAt;
    private Instant submittedAt;
    private Instant lastActivityAt;
    /** When a claim still awaiting the payer counts as stale; null once decided. */
    private Instant staleAfter;
    /** The payer's own reference for the claim, from its answer to the hub's send. */
    private String payerReference;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus deliveryStatus = DeliveryStatus.NOT_SENT;
    private String deliveryError;
    private Instant deliveredAt;
    /** Why the payer decided as it did (its rejection or partial-approval reasons). */
    private String decisionReasons;
    /** What a billing user wrote off of the patient's share, with the reason and who. */
    private BigDecimal writtenOff = ZERO;
    private String writeOffReason;
    private String writtenOffBy;
    /** What the payer says the patient owes (X12 PR and CLP05, FHIR copay/deductible); null when it gave no split. */
    private BigDecimal patientResponsibility;
    /** The provider's contractual write-off the payer names (X12 CAS group CO): never the patient's to pay. */
    private BigDecimal contractualAdjustment;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "claim_id", nullable = false)
    @OrderBy("position")
    @BatchSize(size = 50)
    private List<ClaimLine> lines = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "claim_id", nullable = false)
    @OrderBy("id")
    @BatchSize(size = 50)
    private List<ClaimAttachment> attachments = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("changedAt, id")
    @BatchSize(size = 50)
    private List<StatusChange> history = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "claim_id", nullable = false, updatable = false)
    @OrderBy("recordedAt, id")
    @BatchSize(size = 50)
    private List<ClaimPayment> payments = new ArrayList<>();

    protected Claim() {
    }

    private Claim(String claimNumber, String providerReference, long providerId, long payerId, long enrolleeId,
            long visitId, List<String> diagnoses, String paCode, String currency, Long resubmissionOfId,
            String createdBy, Instant now) {
        this.claimNumber = Objects.requireNonNull(claimNumber);
        this.providerReference = providerReference == null || providerReference.isBlank() ? claimNumber : providerReference.trim();
        this.providerId = providerId;
        this.payerId = payerId;
        this.enrolleeId = enrolleeId;
        this.visitId = visitId;
        this.diagnoses = normalised(diagnoses);
        this.paCode = blankToNull(paCode);
        this.currency = currency;
        this.resubmissionOfId = resubmissionOfId;
        this.status = ClaimStatus.DRAFT;
        this.paymentStatus = PaymentStatus.UNPAID;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.lastActivityAt = now;
        this.history.add(new StatusChange(null, ClaimStatus.DRAFT, now, createdBy, ChangeSource.USER,
                resubmissionOfId == null ? "created" : "resubmission"));
    }

    /** A new draft for a visit of the patient (an enrollee), billed to the patient's payer. */
    public static Claim draft(String claimNumber, String providerReference, long providerId, long payerId,
            long enrolleeId, long visitId, List<String> diagnoses, String paCode, String currency, String createdBy,
            Instant now) {
        return new Claim(claimNumber, providerReference, providerId, payerId, enrolleeId, visitId, diagnoses, paCode,
                currency, null, createdBy, now);
    }

    // ---- while a draft -------------------------------------------------------------------------

    /** Takes a visit service onto the claim at the tariff price, or at an override price with a reason. */
    void addLine(long visitServiceId, String serviceCode, String description, int quantity, LocalDate serviceDate,
            BigDecimal tariffPrice, PriceOverride override, String by) {
        requireDraft("add a line");
        if (hasService(visitServiceId)) {
            throw new RuleViolation("service-already-on-claim", "Service " + serviceCode + " (visit service "
                    + visitServiceId + ") is already on claim " + claimNumber + ".");
        }
        if (tariffPrice == null && override == null) {
            throw new InvalidInput("services", "No tariff for service " + serviceCode + " on " + Days.of(serviceDate)
                    + " with this payer. Give a unitPrice and a priceReason for it, or ask for the tariff to be loaded.");
        }
        BigDecimal price = override == null ? tariffPrice : override.unitPrice();
        ClaimLine line = new ClaimLine(lines.size() + 1, visitServiceId, serviceCode, description, quantity, serviceDate,
                tariffPrice, price, null, null);
        if (override != null) {
            line.overridePrice(override.unitPrice(), override.reason(), by);
        }
        lines.add(line);
    }

    void removeLine(int position) {
        requireDraft("remove a line");
        ClaimLine line = line(position);
        lines.remove(line);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).renumber(i + 1);
        }
    }

    void overridePrice(int position, PriceOverride override, String by) {
        requireDraft("change a price");
        line(position).overridePrice(override.unitPrice(), override.reason(), by);
    }

    void describe(List<String> newDiagnoses, String newPaCode) {
        requireDraft("change its diagnoses or PA code");
        this.diagnoses = normalised(newDiagnoses);
        this.paCode = blankToNull(newPaCode);
    }

    void attach(ClaimAttachment attachment) {
        requireDraft("attach a document");
        attachments.add(attachment);
    }

    ClaimAttachment detach(long attachmentId) {
        requireDraft("remove a document");
        ClaimAttachment attachment = attachment(attachmentId);
        attachments.remove(attachment);
        return attachment;
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    /**
     * Sends the draft on its way. Refused, with every reason at once, while it has no lines or
     * diagnoses, lacks an attachment the payer requires, or the patient was not covered on a service date.
     */
    ClaimSubmitted submit(Set<AttachmentType> requiredAttachments, Enrollee patient, Duration staleAfterPeriod,
            String by, Instant now) {
        return submit(requiredAttachments, patient, staleAfterPeriod, PreAuthorisationCheck.Verdict.OK, by, now);
    }

    /**
     * As above, with what the claim's pre-authorisation code allows: its refusals join the other reasons, its
     * warnings are kept in the history of the move to SUBMITTED.
     */
    ClaimSubmitted submit(Set<AttachmentType> requiredAttachments, Enrollee patient, Duration staleAfterPeriod,
            PreAuthorisationCheck.Verdict preAuthorisation, String by, Instant now) {
        requireDraft("submit it");
        List<String> problems = new ArrayList<>(preAuthorisation.refusals());
        if (lines.isEmpty()) {
            problems.add("it has no lines: add at least one service from the visit");
        }
        if (diagnoses.isEmpty()) {
            problems.add("it has no diagnosis: add at least one ICD-10 code");
        }
        Set<AttachmentType> missing = missingAttachments(requiredAttachments);
        if (!missing.isEmpty()) {
            problems.add("the payer requires attachments that are missing: "
                    + missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        Set<LocalDate> uncovered = lines.stream().map(ClaimLine::getServiceDate)
                .filter(date -> !patient.isCoveredOn(date)).collect(Collectors.toCollection(TreeSet::new));
        if (!uncovered.isEmpty()) {
            problems.add("enrollee " + patient.getEnrolleeNumber() + " was not covered on "
                    + uncovered.stream().map(Days::of).collect(Collectors.joining(", "))
                    + " (status " + patient.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + ", cover " + Days.of(patient.getCoverStart()) + " to "
                    + (patient.getCoverEnd() == null ? "open" : Days.of(patient.getCoverEnd())) + ")");
        }
        if (!problems.isEmpty()) {
            RuleViolation refusal = new RuleViolation("claim-not-submittable",
                    "Claim " + claimNumber + " cannot be submitted: " + String.join("; ", problems) + ".");
            throw missing.isEmpty() ? refusal : new MissingAttachments(refusal.getMessage(), missing);
        }
        moveTo(ClaimStatus.SUBMITTED, by, ChangeSource.USER, preAuthorisation.warnings().isEmpty() ? null
                : "submitted with warnings: " + String.join("; ", preAuthorisation.warnings()), now);
        this.submittedAt = now;
        this.staleAfter = StatusRules.staleAfter(ClaimStatus.SUBMITTED, now, staleAfterPeriod);
        return new ClaimSubmitted(id, claimNumber, providerReference, providerId, payerId, resubmissionOfId,
                billedAmount(), currency, now);
    }

    /**
     * Records news of the claim: from the payer, or a person's manual update (a reason is required). Where the
     * claim may go is {@link StatusRules}' (the same rules as for payers' files): forward only, a decision is
     * final. APPROVED approves the billed amount, REJECTED nothing, PARTIAL needs the approved amount (more than
     * nothing, less than billed). From the payer, the same news again changes nothing and older news (its receipt
     * after the review) is kept in the history marked late; a person is told why nothing changed.
     */
    void changeStatus(ClaimStatus target, BigDecimal approved, String reason, String by, ChangeSource source,
            Duration staleAfterPeriod, Instant now) {
        BigDecimal targetApproved = switch (target) {
            case APPROVED -> billedAmount();
            case REJECTED -> ZERO;
            case PARTIAL -> approved == null ? null : approved.setScale(2, java.math.RoundingMode.HALF_UP);
            default -> null;
        };
        StatusRules.Move move = StatusRules.move(claimNumber, status, approvedAmount, target, targetApproved);
        boolean byPerson = source == ChangeSource.USER;
        if (move instanceof StatusRules.Refused refused) {
            throw new RuleViolation(refused.code(), refused.why());
        }
        if (move instanceof StatusRules.Repeat repeat) {
            if (byPerson) {
                throw new RuleViolation("status-unchanged", "Claim " + claimNumber + " is already " + repeat.status()
                        + (repeat.status().isDecision() ? "; a decision is final." : "."));
            }
            return;
        }
        if (move instanceof StatusRules.Late late) {
            if (byPerson) {
                throw new RuleViolation("status-backwards", "Claim " + claimNumber + " is " + late.current()
                        + " and cannot move back to " + late.news() + "; claims only move forward.");
            }
            history.add(StatusChange.late(status, late.news(), now, by, source, blankToNull(reason)));
            return;
        }
        if (byPerson && (reason == null || reason.isBlank())) {
            throw new InvalidInput("reason", "Give a reason for a manual status change (for example who at the payer told you).");
        }
        this.approvedAmount = target == ClaimStatus.PARTIAL ? checkedPartial(approved) : targetApproved;
        moveTo(target, by, source, reason, now);
        this.staleAfter = StatusRules.staleAfter(target, now, staleAfterPeriod);
        settle();
    }

    /** Posts money from the payer. The same payment reference is never posted twice on a claim. */
    PaymentRecorded recordPayment(String reference, BigDecimal amount, LocalDate paidOn, String by, Instant now) {
        if (status == ClaimStatus.DRAFT || status == ClaimStatus.REJECTED) {
            throw new RuleViolation("claim-not-payable", "Claim " + claimNumber + " is " + status
                    + " and cannot take a payment" + (status == ClaimStatus.REJECTED
                    ? "; if the payer paid anyway, record it on the resubmitted claim or raise it with the payer." : "; submit it first."));
        }
        if (amount.signum() <= 0) {
            throw new InvalidInput("amount", "A payment must be more than zero.");
        }
        boolean seen = payments.stream().anyMatch(p -> !p.isReversal() && p.getReference().equalsIgnoreCase(reference));
        if (seen) {
            throw new RuleViolation("duplicate-payment", "Payment '" + reference + "' is already recorded on claim "
                    + claimNumber + "; it was not posted again.");
        }
        payments.add(new ClaimPayment(reference, amount.setScale(2), paidOn, by, now));
        this.lastActivityAt = now;
        settle();
        return new PaymentRecorded(claimNumber, reference, amount, paymentStatus, overpaidBy());
    }

    /**
     * The payer takes back money it paid (an X12 835 reversal, CLP02 22): kept as a negative payment under
     * the reversing payment's reference, so the claim's history shows both. Never more than was paid.
     */
    PaymentRecorded reversePayment(String reference, BigDecimal amount, LocalDate on, String by, Instant now) {
        BigDecimal taken = amount.abs().setScale(2);
        if (taken.signum() == 0) {
            throw new InvalidInput("amount", "A reversal must take back more than zero.");
        }
        if (payments.stream().anyMatch(p -> p.isReversal() && p.getReference().equalsIgnoreCase(reference))) {
            throw new RuleViolation("duplicate-reversal", "Reversal '" + reference + "' is already recorded on claim "
                    + claimNumber + "; it was not posted again.");
        }
        if (taken.compareTo(paidAmount()) > 0) {
            throw new RuleViolation("reversal-exceeds-payments", "The payer reverses " + taken + " on claim " + claimNumber
                    + " but only " + paidAmount() + " was paid on it.");
        }
        payments.add(new ClaimPayment(reference, taken.negate(), on, by, now).reversal());
        this.lastActivityAt = now;
        settle();
        return new PaymentRecorded(claimNumber, reference, taken.negate(), paymentStatus, overpaidBy());
    }

    /**
     * A billing user writes off (part of) what the patient was left to pay after the payer's decision, with
     * the reason; it is then no longer the patient's to pay.
     */
    void writeOffPatientShare(BigDecimal amount, String reason, String by) {
        if (!status.isDecision()) {
            throw new RuleViolation("claim-not-decided", "Claim " + claimNumber + " is " + status
                    + ": the patient's share is known once the payer decides.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "Give the reason for writing off the patient's share.");
        }
        BigDecimal share = patientShare();
        if (amount == null || amount.signum() <= 0 || amount.compareTo(share) > 0) {
            throw new InvalidInput("amount", "amount must be more than 0 and at most the patient's share " + share
                    + " on claim " + claimNumber + ".");
        }
        this.writtenOff = writtenOff.add(amount.setScale(2));
        this.writeOffReason = reason.trim();
        this.writtenOffBy = by;
    }

    /** A corrected copy of a rejected claim: a new draft that references this one, which keeps its history. */
    Claim resubmission(String newClaimNumber, String newProviderReference, String by, Instant now) {
        if (status != ClaimStatus.REJECTED) {
            throw new RuleViolation("claim-not-rejected", "Only a rejected claim can be resubmitted; claim "
                    + claimNumber + " is " + status + ".");
        }
        String reference = newProviderReference == null || newProviderReference.isBlank()
                ? providerReference + "-R" : newProviderReference;
        Claim copy = new Claim(newClaimNumber, reference, providerId, payerId, enrolleeId, visitId, diagnoses, paCode,
                currency, id, by, now);
        lines.forEach(line -> copy.lines.add(line.copyAt(line.getPosition())));
        // A file removed by retention cannot travel again: the provider attaches it anew.
        attachments.stream().filter(a -> !a.isContentRemoved()).forEach(attachment -> copy.attachments.add(attachment.copy()));
        return copy;
    }

    // ---- delivery to the payer -----------------------------------------------------------------

    /**
     * The payer has the claim. A payer that says it already registered the claim (RECEIVED) moves it
     * on; when the claim is already further on (the payer's answer came first) that news is kept late,
     * never a reason to fail the delivery.
     */
    void delivered(String reference, boolean payerSaysReceived, String channel, Duration staleAfterPeriod, Instant now) {
        this.deliveryStatus = DeliveryStatus.DELIVERED;
        this.deliveryError = null;
        this.deliveredAt = now;
        if (reference != null && !reference.isBlank()) {
            this.payerReference = reference.trim();
        }
        this.lastActivityAt = now;
        if (payerSaysReceived) {
            changeStatus(ClaimStatus.RECEIVED, null, "acknowledged on delivery", channel, ChangeSource.PAYER,
                    staleAfterPeriod, now);
        }
    }

    void deliveryRefused(String payerError) {
        if (deliveryStatus != DeliveryStatus.DELIVERED) {
            this.deliveryStatus = DeliveryStatus.REFUSED;
            this.deliveryError = Texts.shortened(payerError, 1000);
        }
    }

    void deliveryFailing(String error, boolean givenUp) {
        if (deliveryStatus != DeliveryStatus.DELIVERED) {
            this.deliveryStatus = givenUp ? DeliveryStatus.DEAD_LETTERED : DeliveryStatus.FAILING;
            this.deliveryError = Texts.shortened(error, 1000);
        }
    }


    /** Refuses a change made on a version of the claim the caller no longer has. */
    void expectVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new StaleVersion("Claim " + claimNumber, expected, version);
        }
    }

    // ---- money ---------------------------------------------------------------------------------

    public BigDecimal billedAmount() {
        return lines.stream().map(ClaimLine::amount).reduce(ZERO, BigDecimal::add);
    }

    public BigDecimal paidAmount() {
        return payments.stream().map(ClaimPayment::getAmount).reduce(ZERO, BigDecimal::add);
    }

    /** What the payer is expected to pay: its approved amount once decided, the billed amount until then. */
    public BigDecimal expectedFromPayer() {
        return approvedAmount != null ? approvedAmount : billedAmount();
    }

    /** What the payer still owes. */
    public BigDecimal payerOutstanding() {
        return expectedFromPayer().subtract(paidAmount()).max(ZERO);
    }

    /**
     * What the patient is left to pay for the visit's billed services, less what a billing user wrote off: what
     * the payer says is the patient's (its patient responsibility) when it gave a split, else the part of the
     * billed amount the payer did not approve. A contractual write-off (X12 CO) is never the patient's.
     */
    public BigDecimal patientShare() {
        if (patientResponsibility != null) {
            return patientResponsibility.subtract(writtenOff).max(ZERO);
        }
        return approvedAmount == null ? ZERO : billedAmount().subtract(approvedAmount).subtract(writtenOff).max(ZERO);
    }

    /** Where {@link #patientShare()} comes from; null while the payer has not decided. */
    public PatientShareBasis patientShareBasis() {
        return patientResponsibility != null ? PatientShareBasis.PAYER
                : approvedAmount != null ? PatientShareBasis.BILLED_LESS_APPROVED : null;
    }

    /**
     * What the payer neither paid nor put on the patient nor named contractual (X12 OA and PI, or reductions it
     * gave no group): known only when the payer gave a split.
     */
    public BigDecimal otherAdjustments() {
        if (patientResponsibility == null || approvedAmount == null) {
            return null;
        }
        return billedAmount().subtract(approvedAmount).subtract(patientResponsibility)
                .subtract(contractualAdjustment == null ? ZERO : contractualAdjustment).max(ZERO);
    }

    /**
     * Still unpaid on the visit's billed services, by payer and patient together; payments and write-offs reduce
     * it. Where the payer gave a split, only its approved amount and the patient's responsibility can be collected.
     */
    public BigDecimal outstanding() {
        if (patientResponsibility != null) {
            return payerOutstanding().add(patientShare());
        }
        return billedAmount().subtract(paidAmount()).subtract(writtenOff).max(ZERO);
    }

    public BigDecimal overpaidBy() {
        return paidAmount().subtract(expectedFromPayer()).max(ZERO);
    }

    public boolean isStale(Instant now) {
        return status.isAwaitingPayer() && staleAfter != null && staleAfter.isBefore(now);
    }

    /** Active claims hold their visit services: no other claim may take them (rejected claims let go). */
    public boolean isActive() {
        return status != ClaimStatus.REJECTED;
    }

    public boolean hasService(long visitServiceId) {
        return lines.stream().anyMatch(l -> l.getVisitServiceId() == visitServiceId);
    }

    public Set<AttachmentType> missingAttachments(Set<AttachmentType> required) {
        Set<AttachmentType> missing = required.isEmpty() ? EnumSet.noneOf(AttachmentType.class) : EnumSet.copyOf(required);
        attachments.forEach(a -> missing.remove(a.getType()));
        return missing;
    }

    private void settle() {
        paymentStatus = StatusRules.paymentStatus(paidAmount(), approvedAmount, billedAmount());
    }

    private BigDecimal checkedPartial(BigDecimal approved) {
        if (approved == null) {
            throw new InvalidInput("approvedAmount", "PARTIAL needs the approvedAmount: what the payer agreed to pay.");
        }
        BigDecimal billed = billedAmount();
        if (approved.signum() <= 0 || StatusRules.decisionFor(approved, billed) != ClaimStatus.PARTIAL) {
            throw new InvalidInput("approvedAmount", "approvedAmount " + approved + " must be more than 0 and less than the billed "
                    + billed + " for PARTIAL; use REJECTED for nothing and APPROVED for all of it.");
        }
        return approved.setScale(2);
    }

    private void moveTo(ClaimStatus target, String by, ChangeSource source, String reason, Instant now) {
        history.add(new StatusChange(status, target, now, by, source, blankToNull(reason)));
        this.status = target;
        this.lastActivityAt = now;
    }

    private void requireDraft(String action) {
        if (status != ClaimStatus.DRAFT) {
            throw new RuleViolation("claim-not-draft", "Claim " + claimNumber + " is " + status + ": only a draft can "
                    + action + "." + (status == ClaimStatus.REJECTED ? " Resubmit it to correct it." : ""));
        }
    }

    private ClaimLine line(int position) {
        return lines.stream().filter(l -> l.getPosition() == position).findFirst()
                .orElseThrow(() -> new InvalidInput("position", "Claim " + claimNumber + " has no line " + position
                        + " (it has " + lines.size() + ")."));
    }

    ClaimAttachment attachment(long attachmentId) {
        return attachments.stream().filter(a -> a.getId() == attachmentId).findFirst()
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
    }

    private static List<String> normalised(List<String> codes) {
        if (codes == null) {
            return new ArrayList<>();
        }
        List<String> found = codes.stream().filter(Objects::nonNull).map(c -> c.trim().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).distinct().collect(Collectors.toCollection(ArrayList::new));
        for (String code : found) {
            if (!ICD10.matcher(code).matches()) {
                throw new InvalidInput("diagnoses", "'" + code + "' is not an ICD-10 code; give codes such as K02.1 or B54.");
            }
        }
        if (found.size() > 12) {
            throw new InvalidInput("diagnoses", "A claim carries at most 12 diagnoses; " + found.size() + " were given.");
        }
        return found;
    }

    private static final java.util.regex.Pattern ICD10 = java.util.regex.Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    // ---- read access ---------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public String getClaimNumber() {
        return claimNumber;
    }

    public Long getProviderId() {
        return providerId;
    }

    public Long getPayerId() {
        return payerId;
    }

    public Long getEnrolleeId() {
        return enrolleeId;
    }

    public Long getVisitId() {
        return visitId;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public String getPaCode() {
        return paCode;
    }

    public List<String> getDiagnoses() {
        return List.copyOf(diagnoses);
    }

    public ClaimStatus getStatus() {
        return status;
    }

    public PaymentStatus getPaymentStatus() {
        return paymentStatus;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getApprovedAmount() {
        return approvedAmount;
    }

    public Long getResubmissionOfId() {
        return resubmissionOfId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public String getPayerReference() {
        return payerReference;
    }

    public DeliveryStatus getDeliveryStatus() {
        return deliveryStatus;
    }

    public String getDeliveryError() {
        return deliveryError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getDecisionReasons() {
        return decisionReasons;
    }

    public BigDecimal getWrittenOff() {
        return writtenOff;
    }

    public String getWriteOffReason() {
        return writeOffReason;
    }

    public String getWrittenOffBy() {
        return writtenOffBy;
    }

    public BigDecimal getPatientResponsibility() {
        return patientResponsibility;
    }

    public BigDecimal getContractualAdjustment() {
        return contractualAdjustment;
    }

    public long getVersion() {
        return version;
    }

    public List<ClaimLine> getLines() {
        return List.copyOf(lines);
    }

    public List<ClaimAttachment> getAttachments() {
        return List.copyOf(attachments);
    }

    public List<StatusChange> getHistory() {
        return List.copyOf(history);
    }

    public List<ClaimPayment> getPayments() {
        return List.copyOf(payments);
    }
}
