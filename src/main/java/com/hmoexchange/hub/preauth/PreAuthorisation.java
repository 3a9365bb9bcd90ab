package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A practice's request for a pre-authorisation (PA) code, and the HMO's answer. It keeps NHIA's clock: the HMO must
 * decide by {@code dueAt}, is reminded at {@code remindAt}, and past {@code dueAt} the request is deemed authorised
 * with the hub's own code and the HMO is liable. Asking the practice for more information stops the clock; the
 * practice's answer starts it again with the time the HMO had left. An emergency proceeds at once and is flagged
 * for the HMO to review after the fact. Every change is a method that refuses what the status does not allow.
 */
@Entity
@Table(name = "preauthorisation")
public class PreAuthorisation {

    /** Who decides a deemed authorisation: no person, the rule. */
    public static final String NHIA_RULE = "NHIA one-hour rule";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** Optimistic lock: two nodes racing to deem the same request, or a desk deciding as the clock deems it, cannot both win. */
    @Version
    private long version;
    private String reference;
    private long providerId;
    private long payerId;
    private long enrolleeId;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    private String diagnoses;
    private String notes;
    @Enumerated(EnumType.STRING)
    private PreAuthStatus status;
    private String requestedBy;
    private Instant requestedAt;
    private Instant dueAt;
    private Instant remindAt;
    private Instant remindedAt;
    private Long pausedLeftSeconds;
    private String code;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    private String question;
    private String answer;
    private boolean reviewNeeded;
    private String payerReference;
    private Instant sentAt;
    /** Until when a send to the payer is in flight (set and cleared by the repository's conditional updates only). */
    private Instant sendLeaseUntil;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "preauthorisation_service", joinColumns = @JoinColumn(name = "preauthorisation_id"))
    @OrderColumn(name = "position", nullable = false)
    private List<RequestedService> services = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "preauthorisation_id", nullable = false)
    @OrderBy("id")
    private List<PreAuthAttachment> attachments = new ArrayList<>();

    /** At most this many files on one request (with its answers), so what goes to the payer stays a sensible size. */
    static final int MAX_ATTACHMENTS = 10;

    protected PreAuthorisation() {
    }

    private PreAuthorisation(String reference, long providerId, long payerId, long enrolleeId, Urgency urgency,
            List<RequestedService> services, List<String> diagnoses, String notes, String requestedBy, Instant now,
            Duration limit, Duration reminder) {
        if (services.isEmpty()) {
            throw new InvalidInput("services", "Name at least one service to authorise.");
        }
        for (RequestedService s : services) {
            if (s.getQuantity() < 1 || s.getUnitPrice().signum() < 0) {
                throw new InvalidInput("services", "Service " + s.getServiceCode()
                        + ": the quantity must be 1 or more and the price 0 or more.");
            }
        }
        List<String> codes = diagnoses == null ? List.of() : diagnoses.stream().filter(Objects::nonNull).map(String::trim)
                .filter(d -> !d.isEmpty()).toList();
        if (codes.isEmpty()) {
            throw new InvalidInput("diagnoses", "Name at least one diagnosis (ICD-10 code).");
        }
        this.reference = reference;
        this.providerId = providerId;
        this.payerId = payerId;
        this.enrolleeId = enrolleeId;
        this.urgency = Objects.requireNonNull(urgency, "urgency");
        this.services = new ArrayList<>(services);
        this.diagnoses = String.join(",", codes);
        this.notes = notes == null || notes.isBlank() ? null : notes.trim();
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.dueAt = now.plus(limit);
        this.remindAt = now.plus(reminder);
        this.status = PreAuthStatus.REQUESTED;
    }

    /** A new request; routine and urgent ones wait for the HMO, the clock running from {@code now}. */
    static PreAuthorisation request(String reference, long providerId, long payerId, long enrolleeId, Urgency urgency,
            List<RequestedService> services, List<String> diagnoses, String notes, String requestedBy, Instant now,
            Duration limit, Duration reminder) {
        if (urgency == Urgency.EMERGENCY) {
            throw new IllegalArgumentException("An emergency proceeds at once: use emergency(...)");
        }
        return new PreAuthorisation(reference, providerId, payerId, enrolleeId, urgency, services, diagnoses, notes,
                requestedBy, now, limit, reminder);
    }

    /** An emergency: authorised at once under the hub's code, every service in full, flagged for the HMO's review. */
    static PreAuthorisation emergency(String reference, long providerId, long payerId, long enrolleeId,
            List<RequestedService> services, List<String> diagnoses, String notes, String requestedBy, Instant now,
            Duration limit, Duration reminder, String code, LocalDate today, Duration validity) {
        PreAuthorisation p = new PreAuthorisation(reference, providerId, payerId, enrolleeId, Urgency.EMERGENCY, services,
                diagnoses, notes, requestedBy, now, limit, reminder);
        p.services.forEach(RequestedService::approveInFull);
        p.grant(PreAuthStatus.EMERGENCY, code, today, today.plusDays(validity.toDays()), "emergency (NHIA: treated without waiting)", now);
        p.reviewNeeded = true;
        return p;
    }

    /** What the HMO approved of one service (1-based position), and for how much. */
    public record LineApproval(int position, int quantity, BigDecimal amount) {
    }

    /**
     * The HMO approves under its code, valid from one day to another. Lines left out of {@code lines} are approved
     * in full; a line approved below what was asked makes the approval partial; a line approved at zero is refused.
     */
    void approve(String code, LocalDate from, LocalDate until, List<LineApproval> lines, String by, Instant now) {
        requireOpen("approve it");
        if (code == null || code.isBlank() || code.trim().length() > 60) {
            throw new InvalidInput("code", "Give the authorisation code (at most 60 characters).");
        }
        if (from == null || until == null || until.isBefore(from)) {
            throw new InvalidInput("validUntil", "Give the days the code is valid: validFrom on or before validUntil.");
        }
        Map<Integer, LineApproval> byPosition = (lines == null ? List.<LineApproval>of() : lines).stream()
                .collect(Collectors.toMap(LineApproval::position, Function.identity(), (a, b) -> {
                    throw new InvalidInput("services", "Service " + a.position() + " is approved twice.");
                }));
        for (LineApproval l : byPosition.values()) {
            if (l.position() < 1 || l.position() > services.size()) {
                throw new InvalidInput("services", "There is no service " + l.position() + " on request " + reference
                        + " (it has " + services.size() + ").");
            }
            RequestedService asked = services.get(l.position() - 1);
            if (l.quantity() < 0 || l.quantity() > asked.getQuantity() || l.amount() == null || l.amount().signum() < 0
                    || l.amount().compareTo(asked.amount()) > 0) {
                throw new InvalidInput("services", "Service " + l.position() + " (" + asked.getServiceCode()
                        + "): approve between 0 and " + asked.getQuantity() + " and at most " + asked.amount()
                        + "; to approve none of it, leave its quantity at 0.");
            }
        }
        if (byPosition.size() == services.size() && byPosition.values().stream().allMatch(l -> l.quantity() == 0)) {
            throw new RuleViolation("nothing-approved", "Nothing of request " + reference
                    + " would be approved: decline it with a reason instead.");
        }
        for (int i = 0; i < services.size(); i++) {
            LineApproval l = byPosition.get(i + 1);
            if (l == null) {
                services.get(i).approveInFull();
            } else {
                services.get(i).approve(l.quantity(), l.amount());
            }
        }
        boolean full = services.stream().allMatch(RequestedService::approvedInFull);
        grant(full ? PreAuthStatus.APPROVED : PreAuthStatus.PARTLY_APPROVED, code.trim(), from, until, by, now);
    }

    void decline(String reason, String by, Instant now) {
        requireOpen("decline it");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "Say why the request is declined; the practice reads it.");
        }
        this.status = PreAuthStatus.DECLINED;
        this.decisionReason = reason.trim();
        decide(by, now);
    }

    /** The HMO needs more from the practice: the clock stops, keeping the time the HMO had left. */
    void askForMoreInformation(String question, String by, Instant now) {
        requireStatus(PreAuthStatus.REQUESTED, "ask for more information");
        if (question == null || question.isBlank()) {
            throw new InvalidInput("question", "Say what the practice should add.");
        }
        this.question = question.trim();
        this.pausedLeftSeconds = Math.max(0, Duration.between(now, dueAt).toSeconds());
        this.status = PreAuthStatus.MORE_INFO_ASKED;
    }

    /** The practice answers on the same request: the clock starts again with the time that was left. */
    void answer(String text, Instant now) {
        requireStatus(PreAuthStatus.MORE_INFO_ASKED, "answer it");
        if (text == null || text.isBlank()) {
            throw new InvalidInput("answer", "Write the information the HMO asked for.");
        }
        Duration remindBefore = Duration.between(remindAt, dueAt);
        this.answer = text.trim();
        this.dueAt = now.plusSeconds(pausedLeftSeconds);
        this.remindAt = dueAt.minus(remindBefore);
        this.pausedLeftSeconds = null;
        this.status = PreAuthStatus.REQUESTED;
        this.sentAt = null;
    }

    /**
     * Files that go with the request as it is made (before it is first stored) or with the practice's answer (right
     * after {@link #answer}, before it goes to the payer again): at any other moment the HMO, or the payer that
     * already took the request, would never see them.
     */
    void attach(List<PreAuthAttachment> files) {
        if (files.isEmpty()) {
            return;
        }
        boolean beingMade = id == null;
        boolean beingAnswered = status == PreAuthStatus.REQUESTED && answer != null && sentAt == null;
        if (!beingMade && !beingAnswered) {
            throw new RuleViolation("preauth-attach-closed", "Files go with request " + reference
                    + " as it is made, or with an answer to the HMO's question; it is " + status + " now.");
        }
        if (attachments.size() + files.size() > MAX_ATTACHMENTS) {
            throw new InvalidInput("files", "A request takes at most " + MAX_ATTACHMENTS + " files; request " + reference
                    + " has " + attachments.size() + " and " + files.size() + " more were sent.");
        }
        attachments.addAll(files);
    }

    /** One of the request's files; not found when it names none of them. */
    PreAuthAttachment attachment(long attachmentId) {
        return attachments.stream().filter(a -> a.getId() == attachmentId).findFirst().orElseThrow(() ->
                new NotFoundException("Attachment", attachmentId + " of request " + reference));
    }

    public List<PreAuthAttachment> getAttachments() {
        return List.copyOf(attachments);
    }

    /** Whether the HMO should be reminded now; records that it was. */
    boolean remindIfDue(Instant now) {
        if (status != PreAuthStatus.REQUESTED || remindedAt != null || now.isBefore(remindAt)) {
            return false;
        }
        this.remindedAt = now;
        return true;
    }

    /** Past the limit without a decision: deemed authorised under the hub's code, the HMO liable. */
    boolean deemIfDue(String hubCode, LocalDate today, Duration validity, Instant now) {
        if (status != PreAuthStatus.REQUESTED || now.isBefore(dueAt)) {
            return false;
        }
        services.forEach(RequestedService::approveInFull);
        grant(PreAuthStatus.DEEMED_AUTHORISED, hubCode, today, today.plusDays(validity.toDays()), NHIA_RULE, now);
        this.decisionReason = "No decision within the limit: deemed authorised, the HMO is liable.";
        return true;
    }

    /** The HMO has looked at an emergency after the fact. */
    void markReviewed(String by) {
        if (!reviewNeeded) {
            throw new RuleViolation("preauth-no-review", "Request " + reference + " needs no review.");
        }
        this.reviewNeeded = false;
        this.decisionReason = (decisionReason == null ? "" : decisionReason + "; ") + "reviewed by " + by;
    }

    /** Time the HMO has left: zero once past, the frozen rest while the practice is asked, null once decided. */
    public Duration timeLeft(Instant now) {
        return switch (status) {
            case REQUESTED -> now.isAfter(dueAt) ? Duration.ZERO : Duration.between(now, dueAt);
            case MORE_INFO_ASKED -> Duration.ofSeconds(pausedLeftSeconds);
            default -> null;
        };
    }

    /**
     * When the HMO's decision falls due, for ordering the desk: the due time while the clock runs; while the practice
     * is asked, the due time it would have if it answered {@code now} (the old due time means nothing once paused);
     * none once decided (an emergency waiting for review goes last).
     */
    Instant dueForDesk(Instant now) {
        Duration left = timeLeft(now);
        return left == null ? null : status == PreAuthStatus.MORE_INFO_ASKED ? now.plus(left) : dueAt;
    }

    /** The desk's order at {@code now}: the least time left first, emergencies to review last. */
    static Comparator<PreAuthorisation> deskOrder(Instant now) {
        return Comparator.comparing((PreAuthorisation p) -> p.dueForDesk(now), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PreAuthorisation::getReference);
    }

    /** The payer took the request over its channel (channel mode), under its own reference if it gave one. */
    void sent(String payerRef, Instant now) {
        this.payerReference = payerRef == null || payerRef.isBlank() ? payerReference : payerRef.trim();
        this.sentAt = now;
        this.sendLeaseUntil = null;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    private void grant(PreAuthStatus granted, String newCode, LocalDate from, LocalDate until, String by, Instant now) {
        this.status = granted;
        this.code = newCode;
        this.validFrom = from;
        this.validUntil = until;
        decide(by, now);
    }

    private void decide(String by, Instant now) {
        this.decidedBy = by;
        this.decidedAt = now;
        this.pausedLeftSeconds = null;
    }

    private void requireOpen(String action) {
        if (status.decided()) {
            throw new RuleViolation("preauth-decided", "Request " + reference + " is already " + status
                    + ": it cannot be changed; " + action + " is no longer possible.");
        }
    }

    private void requireStatus(PreAuthStatus expected, String action) {
        if (status != expected) {
            throw new RuleViolation("preauth-wrong-status", "Request " + reference + " is " + status + ": only a request "
                    + expected + " can " + action + ".");
        }
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getReference() {
        return reference;
    }

    public long getProviderId() {
        return providerId;
    }

    public long getPayerId() {
        return payerId;
    }

    public long getEnrolleeId() {
        return enrolleeId;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public List<String> getDiagnoses() {
        return Arrays.asList(diagnoses.split(","));
    }

    public String getNotes() {
        return notes;
    }

    public PreAuthStatus getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public String getCode() {
        return code;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswer() {
        return answer;
    }

    public boolean isReviewNeeded() {
        return reviewNeeded;
    }

    public String getPayerReference() {
        return payerReference;
    }

    public List<RequestedService> getServices() {
        return List.copyOf(services);
    }
}
