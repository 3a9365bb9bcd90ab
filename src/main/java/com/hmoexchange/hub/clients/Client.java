package com.hmoexchange.hub.clients;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Objects;

/**
 * An HMO's corporate customer (an employer) whose staff are principal enrollees. Its users request
 * enrollee changes in the portal; {@code hmoEmail} is the HMO's desk that hears about them, and
 * {@code contactEmail} the client's address for answers to bulk files sent by SFTP.
 */
@Entity
public class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long payerId;
    private String code;
    private String name;
    /** Starts the enrollee numbers of staff registered through the portal: PREFIX/50001/0. */
    private String numberPrefix;
    private String contactEmail;
    private String hmoEmail;
    private Instant createdAt;

    protected Client() {
    }

    public Client(long payerId, String code, String name, String numberPrefix, String contactEmail, String hmoEmail,
            Instant createdAt) {
        this.payerId = payerId;
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.numberPrefix = Objects.requireNonNull(numberPrefix);
        this.contactEmail = Objects.requireNonNull(contactEmail);
        this.hmoEmail = Objects.requireNonNull(hmoEmail);
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getPayerId() {
        return payerId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNumberPrefix() {
        return numberPrefix;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getHmoEmail() {
        return hmoEmail;
    }
}
