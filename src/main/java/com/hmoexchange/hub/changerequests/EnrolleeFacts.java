package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.enrollees.BenefitPlan;
import com.hmoexchange.hub.enrollees.BenefitPlanRepository;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import org.springframework.stereotype.Component;

/** Enrollees as a client may see them (only its own: another client's is 404), and their values by code. */
@Component
class EnrolleeFacts {

    private final EnrolleeRepository enrollees;
    private final ProviderRepository providers;
    private final BenefitPlanRepository plans;

    EnrolleeFacts(EnrolleeRepository enrollees, ProviderRepository providers, BenefitPlanRepository plans) {
        this.enrollees = enrollees;
        this.providers = providers;
        this.plans = plans;
    }

    Enrollee ofClient(long clientId, String enrolleeNumber) {
        if (enrolleeNumber == null || enrolleeNumber.isBlank()) {
            throw new InvalidInput("enrolleeNumber", "enrolleeNumber is required for this kind of request.");
        }
        return enrollees.findByEnrolleeNumber(enrolleeNumber.trim())
                .filter(e -> Long.valueOf(clientId).equals(e.getClientId()))
                .orElseThrow(() -> new NotFoundException("Enrollee", enrolleeNumber));
    }

    Enrollee ofClient(long clientId, long enrolleeId) {
        return enrollees.findById(enrolleeId)
                .filter(e -> Long.valueOf(clientId).equals(e.getClientId()))
                .orElseThrow(() -> new NotFoundException("Enrollee", enrolleeId));
    }

    ChangeValues values(Enrollee e) {
        return new ChangeValues(e.getEnrolleeNumber(), e.isPrincipal() ? null : e.getPrincipal().getEnrolleeNumber(),
                e.getRelationship(), e.getFirstName(), e.getLastName(), e.getDateOfBirth(), providerCode(e.getPrimaryProviderId()),
                planCode(e.getPlanId()), e.getCoverStart(), e.getStatus(), null);
    }

    Provider provider(String code) {
        return providers.findByCode(code.trim())
                .orElseThrow(() -> new InvalidInput("primaryProvider", "No provider has code '" + code + "'."));
    }

    BenefitPlan plan(long payerId, String code) {
        return plans.findByPayerIdAndCode(payerId, code.trim())
                .orElseThrow(() -> new InvalidInput("plan", "The HMO has no plan with code '" + code + "'."));
    }

    String providerCode(Long providerId) {
        return providerId == null ? null : providers.findById(providerId).map(Provider::getCode).orElse(null);
    }

    String planCode(Long planId) {
        return planId == null ? null : plans.findById(planId).map(BenefitPlan::getCode).orElse(null);
    }
}
