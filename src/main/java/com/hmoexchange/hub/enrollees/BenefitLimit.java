package com.hmoexchange.hub.enrollees;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * An annual limit of a plan: the services whose code starts with {@code servicePrefix} (e.g. {@code DRUG-}), up to
 * {@code annualAmount} in the hub's currency per plan year, shown under {@code label} (e.g. "Drugs").
 */
@Embeddable
public class BenefitLimit {

    private String label;
    private String servicePrefix;
    @Column(name = "annual_amount")
    private BigDecimal annualAmount;

    protected BenefitLimit() {
    }

    public BenefitLimit(String label, String servicePrefix, BigDecimal annualAmount) {
        this.servicePrefix = Objects.requireNonNull(servicePrefix).trim().toUpperCase(Locale.ROOT);
        this.label = label == null || label.isBlank() ? this.servicePrefix : label.trim();
        this.annualAmount = Objects.requireNonNull(annualAmount);
    }

    public String getLabel() {
        return label;
    }

    public String getServicePrefix() {
        return servicePrefix;
    }

    public BigDecimal getAnnualAmount() {
        return annualAmount;
    }

    /** Whether a service code falls under this limit (codes compared as the hub keeps them, in capitals). */
    public boolean covers(String serviceCode) {
        return serviceCode.toUpperCase(Locale.ROOT).startsWith(servicePrefix);
    }
}
