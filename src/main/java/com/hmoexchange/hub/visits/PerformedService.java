package com.hmoexchange.hub.visits;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One service performed during a visit; a claim line is taken from it. */
@Entity
@Table(name = "visit_service")
public class PerformedService {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int position;
    private String serviceCode;
    private String description;
    private int quantity;
    private LocalDate serviceDate;

    protected PerformedService() {
    }

    PerformedService(int position, String serviceCode, String description, int quantity, LocalDate serviceDate) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        this.position = position;
        this.serviceCode = serviceCode;
        this.description = description;
        this.quantity = quantity;
        this.serviceDate = serviceDate;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
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
}
