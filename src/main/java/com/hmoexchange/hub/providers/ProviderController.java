package com.hmoexchange.hub.providers;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/providers/me")
@Tag(name = "Practice", description = "The signed-in user's practice")
class ProviderController {

    private final ProviderRepository providers;

    private final AuditLog audit;

    ProviderController(ProviderRepository providers, AuditLog audit) {
        this.audit = audit;
        this.providers = providers;
    }

    record ProviderView(long id, String code, String name, boolean hmoModule, String billingEmail) {
        static ProviderView of(Provider p) {
            return new ProviderView(p.getId(), p.getCode(), p.getName(), p.isHmoModule(), p.getBillingEmail());
        }
    }

    record BillingEmail(@jakarta.validation.constraints.Email @jakarta.validation.constraints.Size(max = 200) String email) {
    }

    record HmoModuleSwitch(@NotNull Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "The practice the signed-in user works for")
    ProviderView mine(@AuthenticationPrincipal HubUser user) {
        return ProviderView.of(load(user));
    }

    @PutMapping("/hmo-module")
    @Transactional
    @Operation(summary = "Switch the HMO module on or off (OWNER only)")
    ProviderView switchHmoModule(@AuthenticationPrincipal HubUser user, @Valid @RequestBody HmoModuleSwitch body) {
        Provider provider = load(user);
        provider.switchHmoModule(body.enabled());
        audit.record(AuditAction.SETTING_CHANGED, "practice", provider.getId(), "HMO module " + (body.enabled() ? "on" : "off"));
        return ProviderView.of(provider);
    }

    @PutMapping("/billing-email")
    @Transactional
    @Operation(summary = "Where the billing desk is emailed about claims rejected, partially approved, paid or stale "
            + "(OWNER or ADMIN; empty: in-app notices only)")
    ProviderView billingEmail(@AuthenticationPrincipal HubUser user, @Valid @RequestBody BillingEmail body) {
        Provider provider = load(user);
        provider.emailBillingAt(body.email());
        audit.record(AuditAction.SETTING_CHANGED, "practice", provider.getId(), "billing email");
        return ProviderView.of(provider);
    }

    private Provider load(HubUser user) {
        long providerId = user.requireProviderId();
        return providers.findById(providerId).orElseThrow(() -> new NotFoundException("Provider", providerId));
    }
}
