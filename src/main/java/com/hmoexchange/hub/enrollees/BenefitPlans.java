package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An HMO's plans: added and revised here by the HMO's page and API and by the demo, so both get the same checks. */
@Service
public class BenefitPlans {

    private final BenefitPlanRepository plans;

    BenefitPlans(BenefitPlanRepository plans) {
        this.plans = plans;
    }

    @Transactional(readOnly = true)
    public List<BenefitPlan> of(long payerId) {
        return plans.findByPayerIdOrderByCode(payerId);
    }

    /** A new plan of the payer; its code is unique within the payer. */
    @Transactional
    public BenefitPlan add(long payerId, String code, String name, DependentsPolicy dependents) {
        if (plans.findByPayerIdAndCode(payerId, code).isPresent()) {
            throw new RuleViolation("plan-code-taken", "You already have a plan with code '" + code + "'.");
        }
        return plans.save(new BenefitPlan(payerId, code, name, dependents));
    }

    /** Renames the payer's plan or changes its dependents policy; another payer's plan is not found. */
    @Transactional
    public BenefitPlan revise(long payerId, long planId, String name, DependentsPolicy dependents) {
        BenefitPlan plan = plans.findById(planId).filter(p -> p.getPayerId() == payerId)
                .orElseThrow(() -> new NotFoundException("Plan", planId));
        plan.revise(name, dependents);
        return plan;
    }
}
