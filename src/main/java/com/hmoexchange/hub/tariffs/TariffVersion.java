package com.hmoexchange.hub.tariffs;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One uploaded tariff of a contract. From {@code takesEffect} on it is the price list: for any date, the
 * latest upload taking effect on or before it governs, so a new version never reaches back before its start,
 * and a claim drafted earlier keeps the price it was drafted with.
 */
@Entity
public class TariffVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long providerId;
    private long payerId;
    private long contractId;
    private int number;
    private LocalDate takesEffect;
    private String fileName;
    private String uploadedBy;
    private Instant uploadedAt;
    private int rowCount;

    protected TariffVersion() {
    }

    TariffVersion(long providerId, long payerId, long contractId, int number, LocalDate takesEffect, String fileName,
            String uploadedBy, Instant uploadedAt, int rowCount) {
        this.providerId = providerId;
        this.payerId = payerId;
        this.contractId = contractId;
        this.number = number;
        this.takesEffect = takesEffect;
        this.fileName = fileName;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.rowCount = rowCount;
    }

    public Long getId() {
        return id;
    }

    public long getProviderId() {
        return providerId;
    }

    public long getPayerId() {
        return payerId;
    }

    public long getContractId() {
        return contractId;
    }

    public int getNumber() {
        return number;
    }

    public LocalDate getTakesEffect() {
        return takesEffect;
    }

    public String getFileName() {
        return fileName;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public int getRowCount() {
        return rowCount;
    }
}
