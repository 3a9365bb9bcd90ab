package com.hmoexchange.hub.claims;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A billed service, taken from a visit service and priced from the tariff. A price that differs from
 * the tariff is an override: it carries its reason and who made it.
 */
@Entity
@Table(name = "claim_line")
public class ClaimLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int position;
    private Long visitServiceId;
    private String serviceCode;
    private String description;
    private int quantity;
    private LocalDate serviceDate;
    /** The tariff price in force on the service date; null when the payer has no tariff for the code. */
    private BigDecimal tariffPrice;
    private BigDecimal unitPrice;
    private String overrideReason;
    private String overriddenBy;
    /** The payer's adjudication of the line (null until it decided): approved quantity and amount, and why. */
    private Integer approvedQuantity;
    private BigDecimal approvedAmount;
    private String adjudicationReasons;
    /** What the payer says the patient owes on the line, and the provider's contractual write-off; null without a split. */
    private BigDecimal patientResponsibility;
    private BigDecimal contractualAdjustment;

    protected ClaimLine() {
    }

    ClaimLine(int position, long visitServiceId, String serviceCode, String description, int quantity,
            LocalDate serviceDate, BigDecimal tariffPrice, BigDecimal unitPrice, String overrideReason, String overriddenBy) {
        this.position = position;
        this.visitServiceId = visitServiceId;
        this.serviceCode = serviceCode;
        this.description = description;
        this.quantity = quantity;
        this.serviceDate = serviceDate;
        this.tariffPrice = tariffPrice;
        this.unitPrice = unitPrice;
        this.overrideReason = overrideReason;
        this.overriddenBy = overriddenBy;
    }

    ClaimLine copyAt(int newPosition) {
        return new ClaimLine(newPosition, visitServiceId, serviceCode, description, quantity, serviceDate, tariffPrice,
                unitPrice, overrideReason, overriddenBy);
    }

    void overridePrice(BigDecimal price, String reason, String by) {
        this.unitPrice = price;
        boolean backToTariff = tariffPrice != null && tariffPrice.compareTo(price) == 0;
        this.overrideReason = backToTariff ? null : reason;
        this.overriddenBy = backToTariff ? null : by;
    }

    void renumber(int newPosition) {
        this.position = newPosition;
    }

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
    }

    /** What the payer neither approved nor put on the patient nor named contractual; null without a split. */
    public BigDecimal otherAdjustments() {
        if (approvedAmount == null || (patientResponsibility == null && contractualAdjustment == null)) {
            return null;
        }
        BigDecimal rest = amount().subtract(approvedAmount);
        rest = patientResponsibility == null ? rest : rest.subtract(patientResponsibility);
        rest = contractualAdjustment == null ? rest : rest.subtract(contractualAdjustment);
        return rest.max(BigDecimal.ZERO.setScale(2));
    }

    public boolean isOverridden() {
        return overrideReason != null;
    }

    public int getPosition() {
        return position;
    }

    public Long getVisitServiceId() {
        return visitServiceId;
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

    public LocalDate getServiceDate() {
        return serviceDate;
    }

    public BigDecimal getTariffPrice() {
        return tariffPrice;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getOverriddenBy() {
        return overriddenBy;
    }

    public Integer getApprovedQuantity() {
        return approvedQuantity;
    }

    public BigDecimal getApprovedAmount() {
        return approvedAmount;
    }

    public String getAdjudicationReasons() {
        return adjudicationReasons;
    }

    public BigDecimal getPatientResponsibility() {
        return patientResponsibility;
    }

    public BigDecimal getContractualAdjustment() {
        return contractualAdjustment;
    }
}
