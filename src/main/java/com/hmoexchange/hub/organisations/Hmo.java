package com.hmoexchange.hub.organisations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;

/**
 * An HMO as an organisation: it owns one or more payers (each set up under mappings/), and its HMO_ADMIN
 * users manage its members, clients and colleagues across them.
 */
@Entity
public class Hmo {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    private Instant createdAt;
    private String createdBy;

    protected Hmo() {
    }

    Hmo(String code, String name, Instant createdAt, String createdBy) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
