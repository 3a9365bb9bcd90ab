package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.DependentsPolicy;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.enrollees.Relationship;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The dependents policy that applies to a principal: their plan's, or the hub's default for
 * enrollees without a plan (one spouse and four children under 18 unless configured otherwise).
 */
@Component
class DependentsPolicies {

    private final BenefitPlanRepository plans;
    private final EnrolleeRepository enrollees;
    private final DependentsPolicy fallback;

    DependentsPolicies(BenefitPlanRepository plans, EnrolleeRepository enrollees, ChangeRequestSettings settings) {
        this.plans = plans;
        this.enrollees = enrollees;
        this.fallback = settings.dependents().policy();
    }

    /** Refuses a dependent the principal's policy does not allow, counting active dependents and {@code alsoCounted}. */
    void check(Enrollee principal, List<Relationship> alsoCounted, Relationship relationship, LocalDate dateOfBirth,
            LocalDate today) {
        List<Relationship> covered = new ArrayList<>(alsoCounted);
        enrollees.findByPrincipalIdOrderByEnrolleeNumber(principal.getId()).stream()
                .filter(Enrollee::isActive).map(Enrollee::getRelationship).forEach(covered::add);
        policyOf(principal).allow(covered, relationship, dateOfBirth, today);
    }

    private DependentsPolicy policyOf(Enrollee principal) {
        return principal.getPlanId() == null ? fallback
                : plans.findById(principal.getPlanId()).map(p -> p.dependentsPolicy()).orElse(fallback);
    }
}
