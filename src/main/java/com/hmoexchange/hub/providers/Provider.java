package com.hmoexchange.hub.providers;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A practice (clinic, hospital, dental practice) whose billing staff send claims. */
@Entity
public class Provider {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    /** The practice's switch for the HMO module: claims are refused while it is off. */
    private boolean hmoModule;
    /** Where the practice's billing desk is emailed about its claims (rejected, partial, paid, stale); null: in-app only. */
    private String billingEmail;

    protected Provider() {
    }

    public Provider(String code, String name, boolean hmoModule) {
        this.code = code;
        this.name = name;
        this.hmoModule = hmoModule;
    }

    public void emailBillingAt(String address) {
        this.billingEmail = address == null || address.isBlank() ? null : address.trim();
    }

    public String getBillingEmail() {
        return billingEmail;
    }

    public void switchHmoModule(boolean on) {
        this.hmoModule = on;
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

    public boolean isHmoModule() {
        return hmoModule;
    }
}
