package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An HMO's plans, the dependents each allows (checked when a client asks for a dependent and at approval) and their
 * annual benefit limits (shown with what is used by a {@code local} eligibility check).
 */
@RestController
@RequestMapping("/api/hmo/plans")
@Tag(name = "HMO: plans", description = "Plans, their dependents policy and annual benefit limits")
class PlanController {

    private final BenefitPlans plans;

    private final AuditLog audit;

    PlanController(BenefitPlans plans, AuditLog audit) {
        this.audit = audit;
        this.plans = plans;
    }

    record PlanView(long id, String code, String name, DependentsPolicy dependents, List<Limit> limits) {
        static PlanView of(BenefitPlan p) {
            return new PlanView(p.getId(), p.getCode(), p.getName(), p.dependentsPolicy(),
                    p.limits().stream().map(l -> new Limit(l.getLabel(), l.getServicePrefix(), l.getAnnualAmount())).toList());
        }
    }

    @Schema(description = "An annual limit: services whose code starts with servicePrefix, up to amount (hub currency) a plan year")
    record Limit(@Schema(description = "the benefit in words, e.g. Drugs; blank: the prefix") @Size(max = 100) String label,
            @Schema(description = "start of the service codes it covers, e.g. DRUG-; one limit per prefix") @NotBlank String servicePrefix,
            @Schema(description = "allowed per plan year, above 0") @NotNull @DecimalMin(value = "0", inclusive = false)
            @Digits(integer = 12, fraction = 2) BigDecimal amount) {

        BenefitLimit toLimit() {
            return new BenefitLimit(label, servicePrefix, amount);
        }
    }

    record NewPlan(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
            @Min(0) @Max(10) int maxSpouses, @Min(0) @Max(30) int maxChildren, @Min(1) @Max(30) int childMaxAge,
            @Schema(description = "annual limits per benefit; none when left out") @Size(max = 50) List<@NotNull @Valid Limit> limits) {
    }

    record PlanChange(@NotBlank @Size(max = 200) String name, @Min(0) @Max(10) int maxSpouses,
            @Min(0) @Max(30) int maxChildren, @Min(1) @Max(30) int childMaxAge,
            @Schema(description = "the plan's annual limits, replacing those it had ([] removes them); left out: kept")
            @Size(max = 50) List<@NotNull @Valid Limit> limits) {
    }

    private static List<BenefitLimit> limits(List<Limit> typed) {
        return typed == null ? null : typed.stream().map(Limit::toLimit).toList();
    }

    @GetMapping
    @Operation(summary = "The HMO's plans")
    List<PlanView> list(@AuthenticationPrincipal HubUser user) {
        return plans.of(user.requireHmoPayerId()).stream().map(PlanView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Add a plan with its dependents policy and annual benefit limits")
    ResponseEntity<PlanView> add(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewPlan body) {
        BenefitPlan plan = plans.add(user.requireHmoPayerId(), body.code(), body.name(),
                new DependentsPolicy(body.maxSpouses(), body.maxChildren(), body.childMaxAge()),
                body.limits() == null ? List.of() : limits(body.limits()));
        audit.record(AuditAction.SETTING_CHANGED, "plan", plan.getId(), "added");
        return ResponseEntity.status(201).body(PlanView.of(plan));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a plan, change its dependents policy (applies to dependants asked for from now on) or "
            + "replace its annual benefit limits")
    PlanView change(@AuthenticationPrincipal HubUser user, @PathVariable long id, @Valid @RequestBody PlanChange body) {
        PlanView changed = PlanView.of(plans.revise(user.requireHmoPayerId(), id, body.name(),
                new DependentsPolicy(body.maxSpouses(), body.maxChildren(), body.childMaxAge()), limits(body.limits())));
        audit.record(AuditAction.SETTING_CHANGED, "plan", id, "revised");
        return changed;
    }
}
