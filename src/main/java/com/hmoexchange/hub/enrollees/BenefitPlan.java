package com.hmoexchange.hub.enrollees;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plan an HMO sells to its clients' staff; it says how many dependents a principal may cover, and may set annual
 * limits per benefit (checked by {@link BenefitPlans}: one limit per service-code prefix).
 */
@Entity
public class BenefitPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long payerId;
    private String code;
    private String name;
    private int maxSpouses;
    private int maxChildren;
    private int childMaxAge;
    /** Loaded eagerly: a plan is always shown or answered with its few limits. Replaced as a whole when revised. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "benefit_limit", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderBy("servicePrefix")
    private List<BenefitLimit> limits = new ArrayList<>();

    protected BenefitPlan() {
    }

    public BenefitPlan(long payerId, String code, String name, DependentsPolicy policy) {
        this.payerId = payerId;
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.maxSpouses = policy.maxSpouses();
        this.maxChildren = policy.maxChildren();
        this.childMaxAge = policy.childMaxAge();
    }

    /**
     * Renames the plan or changes its dependents policy. Dependants already covered stay covered; the new
     * policy applies to dependants asked for from now on.
     */
    public void revise(String name, DependentsPolicy policy) {
        this.name = Objects.requireNonNull(name);
        this.maxSpouses = policy.maxSpouses();
        this.maxChildren = policy.maxChildren();
        this.childMaxAge = policy.childMaxAge();
    }

    /** Sets the plan's annual limits, replacing those it had; answers given before keep what they said. */
    void limit(List<BenefitLimit> newLimits) {
        limits.clear();
        limits.addAll(newLimits);
    }

    public List<BenefitLimit> limits() {
        return List.copyOf(limits);
    }

    public DependentsPolicy dependentsPolicy() {
        return new DependentsPolicy(maxSpouses, maxChildren, childMaxAge);
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
}
