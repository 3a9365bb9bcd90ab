package com.hmoexchange.hub.preauth;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** One service the practice asks to give, and what the HMO approved of it (null until decided). */
@Embeddable
public class RequestedService {

    private String serviceCode;
    private String description;
    private int quantity;
    private BigDecimal unitPrice;
    private Integer approvedQuantity;
    private BigDecimal approvedAmount;

    protected RequestedService() {
    }

    public RequestedService(String serviceCode, String description, int quantity, BigDecimal unitPrice) {
        this.serviceCode = Objects.requireNonNull(serviceCode).trim().toUpperCase(java.util.Locale.ROOT);
        this.description = Objects.requireNonNull(description).trim();
        this.quantity = quantity;
        this.unitPrice = unitPrice.setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    void approve(int quantity, BigDecimal amount) {
        this.approvedQuantity = quantity;
        this.approvedAmount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    void approveInFull() {
        approve(quantity, amount());
    }

    boolean approvedInFull() {
        return approvedQuantity != null && approvedQuantity == quantity && approvedAmount.compareTo(amount()) == 0;
    }

    public String getServiceCode() {
        return serviceCode;
    }

    public String getDescription() {
        return description;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public Integer getApprovedQuantity() {
        return approvedQuantity;
    }

    public BigDecimal getApprovedAmount() {
        return approvedAmount;
    }
}
