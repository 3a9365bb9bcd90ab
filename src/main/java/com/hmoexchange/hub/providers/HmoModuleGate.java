package com.hmoexchange.hub.providers;

import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.NotFoundException;
import org.springframework.stereotype.Component;

/** Claims and visits are an HMO-module feature: a practice with the module off cannot use them. */
@Component
public class HmoModuleGate {

    private final ProviderRepository providers;

    HmoModuleGate(ProviderRepository providers) {
        this.providers = providers;
    }

    public Provider requireEnabled(long providerId) {
        Provider provider = providers.findById(providerId)
                .orElseThrow(() -> new NotFoundException("Provider", providerId));
        if (!provider.isHmoModule()) {
            throw new Forbidden("The HMO module is switched off for " + provider.getName()
                    + ". Your practice's owner can switch it on (PUT /api/providers/me/hmo-module).");
        }
        return provider;
    }
}
