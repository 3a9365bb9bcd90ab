package com.hmoexchange.hub.tariffs;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A price a provider negotiated with a payer for one service code, valid over a period. */
@Entity
public class Tariff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long providerId;
    private Long payerId;
    private String serviceCode;
    private String description;
    private BigDecimal unitPrice;
    private String currency;
    private LocalDate validFrom;
    /** Inclusive; null while the price is open-ended. */
    private LocalDate validTo;
    /** The upload this row came with; null for rows entered before tariffs were uploaded. */
    private Long versionId;

    protected Tariff() {
    }

    public Tariff(long providerId, long payerId, String serviceCode, String description, BigDecimal unitPrice,
            String currency, LocalDate validFrom, LocalDate validTo) {
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("A tariff price cannot be negative");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("A tariff cannot end before it starts");
        }
        this.providerId = providerId;
        this.payerId = payerId;
        this.serviceCode = serviceCode;
        this.description = description;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    public Long getId() {
        return id;
    }

    public Long getProviderId() {
        return providerId;
    }

    public Long getPayerId() {
        return payerId;
    }

    public String getServiceCode() {
        return serviceCode;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public Long getVersionId() {
        return versionId;
    }
}
