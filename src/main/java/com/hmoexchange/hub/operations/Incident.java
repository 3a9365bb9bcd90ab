package com.hmoexchange.hub.operations;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A condition operators are told about once when it starts and once when it ends, however many messages
 * it touches. While open it holds its key (kind and subject), which the database keeps unique: a second
 * evaluation, on this node or another, cannot open the same incident twice. Closing is versioned, so two
 * nodes cannot both close it (and both tell the operators).
 */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private IncidentKind kind;
    private String subject;
    private String openKey;
    private String summary;
    private Instant openedAt;
    private Instant closedAt;
    @Version
    private long version;

    protected Incident() {
    }

    static Incident open(Condition condition, Instant at) {
        Incident incident = new Incident();
        incident.kind = condition.kind();
        incident.subject = condition.subject();
        incident.openKey = condition.key();
        incident.summary = condition.summary().length() > 1000 ? condition.summary().substring(0, 999) + "…" : condition.summary();
        incident.openedAt = at;
        return incident;
    }

    /** The condition cleared. An incident closes once; it never reopens (a new start is a new incident). */
    void close(Instant at) {
        if (closedAt != null) {
            throw new IllegalStateException("Incident " + id + " was closed at " + closedAt);
        }
        this.closedAt = at.isBefore(openedAt) ? openedAt : at;
        this.openKey = null;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** How long it lasted, or has lasted so far. */
    public Duration lasted(Instant now) {
        return Duration.between(openedAt, closedAt == null ? now : closedAt);
    }

    String key() {
        return Condition.key(kind, subject);
    }

    public Long getId() {
        return id;
    }

    public IncidentKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
