package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.RuleViolation;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A client's request to change its enrollees, waiting for the HMO's decision. It keeps who asked and
 * when, the values before and after, and who decided, when and why. For a change to an existing
 * enrollee it also keeps the version of the enrollee it was made on, so a request overtaken by
 * another change is refused at approval instead of applied blindly.
 */
@Entity
public class ChangeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long clientId;
    private Long payerId;
    @Enumerated(EnumType.STRING)
    private ChangeKind kind;
    @Enumerated(EnumType.STRING)
    private ChangeStatus status;
    /** The enrollee changed, or for ADD_DEPENDENT the principal; null for REGISTER_PRINCIPAL. */
    private Long enrolleeId;
    private String enrolleeNumber;
    /** The enrollee's version when asked; null where later changes to it do not matter (ADD_DEPENDENT). */
    private Long enrolleeVersion;
    @Convert(converter = ChangeValuesConverter.class)
    private ChangeValues beforeValues;
    @Convert(converter = ChangeValuesConverter.class)
    private ChangeValues afterValues;
    private String requestedBy;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private RequestChannel channel;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionReason;
    /** The enrollee the approval created or changed. */
    private Long resultEnrolleeId;
    private String resultEnrolleeNumber;
    @Version
    private long version;

    protected ChangeRequest() {
    }

    ChangeRequest(long clientId, long payerId, ChangeKind kind, Long enrolleeId, String enrolleeNumber, Long enrolleeVersion,
            ChangeValues before, ChangeValues after, String requestedBy, RequestChannel channel, Instant requestedAt) {
        this.clientId = clientId;
        this.payerId = payerId;
        this.kind = Objects.requireNonNull(kind);
        this.status = ChangeStatus.PENDING;
        this.enrolleeId = enrolleeId;
        this.enrolleeNumber = enrolleeNumber;
        this.enrolleeVersion = enrolleeVersion;
        this.beforeValues = before;
        this.afterValues = Objects.requireNonNull(after);
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.channel = Objects.requireNonNull(channel);
        this.requestedAt = Objects.requireNonNull(requestedAt);
    }

    void approve(String by, Instant at, long resultEnrolleeId, String resultEnrolleeNumber) {
        requirePending("approve");
        this.status = ChangeStatus.APPROVED;
        this.decidedBy = Objects.requireNonNull(by);
        this.decidedAt = at;
        this.resultEnrolleeId = resultEnrolleeId;
        this.resultEnrolleeNumber = resultEnrolleeNumber;
    }

    void decline(String by, Instant at, String reason) {
        requirePending("decline");
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason-required", "Say why the request is declined: the client sees the reason.");
        }
        this.status = ChangeStatus.DECLINED;
        this.decidedBy = Objects.requireNonNull(by);
        this.decidedAt = at;
        this.decisionReason = reason.trim();
    }

    void withdraw(String by, Instant at) {
        requirePending("withdraw");
        this.status = ChangeStatus.WITHDRAWN;
        this.decidedBy = Objects.requireNonNull(by);
        this.decidedAt = at;
    }

    boolean isPending() {
        return status == ChangeStatus.PENDING;
    }

    void requirePending(String action) {
        if (status != ChangeStatus.PENDING) {
            // The request's page shows when it was decided, in the hub's zone; the refusal names who.
            throw new RuleViolation("request-not-pending", (id == null ? "This request" : "Request " + id) + " is already "
                    + status.label().toLowerCase(java.util.Locale.ROOT) + " (by " + decidedBy + "); only a pending request can be "
                    + action + "d.");
        }
    }

    public Long getId() {
        return id;
    }

    public Long getClientId() {
        return clientId;
    }

    public Long getPayerId() {
        return payerId;
    }

    public ChangeKind getKind() {
        return kind;
    }

    public ChangeStatus getStatus() {
        return status;
    }

    public Long getEnrolleeId() {
        return enrolleeId;
    }

    public String getEnrolleeNumber() {
        return enrolleeNumber;
    }

    public Long getEnrolleeVersion() {
        return enrolleeVersion;
    }

    public ChangeValues getBefore() {
        return beforeValues;
    }

    public ChangeValues getAfter() {
        return afterValues;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public RequestChannel getChannel() {
        return channel;
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

    public Long getResultEnrolleeId() {
        return resultEnrolleeId;
    }

    public String getResultEnrolleeNumber() {
        return resultEnrolleeNumber;
    }
}
