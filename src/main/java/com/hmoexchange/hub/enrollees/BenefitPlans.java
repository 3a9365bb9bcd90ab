package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An HMO's plans: added and revised here by the HMO's page and API and by the demo, so both get the same checks. */
@Service
public class BenefitPlans {

    /** A prefix is the start of a service code: letters, digits, dots and dashes, as on a tariff. */
    private static final Pattern SERVICE_PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private final BenefitPlanRepository plans;

    BenefitPlans(BenefitPlanRepository plans) {
        this.plans = plans;
    }

    @Transactional(readOnly = true)
    public List<BenefitPlan> of(long payerId) {
        return plans.findByPayerIdOrderByCode(payerId);
    }

    /** A new plan of the payer with its annual limits (none: an empty list); its code is unique within the payer. */
    @Transactional
    public BenefitPlan add(long payerId, String code, String name, DependentsPolicy dependents, List<BenefitLimit> limits) {
        check(limits);
        if (plans.findByPayerIdAndCode(payerId, code).isPresent()) {
            throw new RuleViolation("plan-code-taken", "You already have a plan with code '" + code + "'.");
        }
        BenefitPlan plan = new BenefitPlan(payerId, code, name, dependents);
        plan.limit(limits);
        return plans.save(plan);
    }

    /**
     * Renames the payer's plan or changes its dependents policy, and replaces its limits when given (null keeps them);
     * another payer's plan is not found.
     */
    @Transactional
    public BenefitPlan revise(long payerId, long planId, String name, DependentsPolicy dependents, List<BenefitLimit> limits) {
        if (limits != null) {
            check(limits);
        }
        BenefitPlan plan = plans.findById(planId).filter(p -> p.getPayerId() == payerId)
                .orElseThrow(() -> new NotFoundException("Plan", planId));
        plan.revise(name, dependents);
        if (limits != null) {
            plan.limit(limits);
        }
        return plan;
    }

    /** Each limit needs a prefix that is one and an amount above nothing; two limits never share a prefix. */
    private static void check(List<BenefitLimit> limits) {
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < limits.size(); i++) {
            BenefitLimit limit = limits.get(i);
            String field = "limits[" + i + "]";
            if (!SERVICE_PREFIX.matcher(limit.getServicePrefix()).matches()) {
                throw new InvalidInput(field + ".servicePrefix", "'" + limit.getServicePrefix() + "' is not the start of a "
                        + "service code: letters, digits, dots and dashes, up to 40 (e.g. DRUG-).");
            }
            if (limit.getAnnualAmount().signum() <= 0) {
                throw new InvalidInput(field + ".amount", "The limit for " + limit.getServicePrefix()
                        + " must be an amount above 0.");
            }
            if (limit.getLabel().length() > 100) {
                throw new InvalidInput(field + ".label", "A benefit's label is at most 100 characters.");
            }
            if (!prefixes.add(limit.getServicePrefix())) {
                throw new InvalidInput(field + ".servicePrefix", "Two limits have the prefix " + limit.getServicePrefix()
                        + ": give each prefix one limit.");
            }
        }
    }
}
