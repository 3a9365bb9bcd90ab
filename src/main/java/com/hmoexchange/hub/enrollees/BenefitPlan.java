package com.hmoexchange.hub.enrollees;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Objects;

/** A plan an HMO sells to its clients' staff; it says how many dependents a principal may cover. */
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
