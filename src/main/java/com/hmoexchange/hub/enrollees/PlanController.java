package com.hmoexchange.hub.enrollees;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

/** An HMO's plans and the dependents each allows (checked when a client asks for a dependent and at approval). */
@RestController
@RequestMapping("/api/hmo/plans")
@Tag(name = "HMO: plans", description = "Plans and their dependents policy")
class PlanController {

    private final BenefitPlans plans;

    private final AuditLog audit;

    PlanController(BenefitPlans plans, AuditLog audit) {
        this.audit = audit;
        this.plans = plans;
    }

    record PlanView(long id, String code, String name, DependentsPolicy dependents) {
        static PlanView of(BenefitPlan p) {
            return new PlanView(p.getId(), p.getCode(), p.getName(), p.dependentsPolicy());
        }
    }

    record NewPlan(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
            @Min(0) @Max(10) int maxSpouses, @Min(0) @Max(30) int maxChildren, @Min(1) @Max(30) int childMaxAge) {
    }

    record PlanChange(@NotBlank @Size(max = 200) String name, @Min(0) @Max(10) int maxSpouses,
            @Min(0) @Max(30) int maxChildren, @Min(1) @Max(30) int childMaxAge) {
    }

    @GetMapping
    @Operation(summary = "The HMO's plans")
    List<PlanView> list(@AuthenticationPrincipal HubUser user) {
        return plans.of(user.requireHmoPayerId()).stream().map(PlanView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Add a plan with its dependents policy")
    ResponseEntity<PlanView> add(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewPlan body) {
        BenefitPlan plan = plans.add(user.requireHmoPayerId(), body.code(), body.name(),
                new DependentsPolicy(body.maxSpouses(), body.maxChildren(), body.childMaxAge()));
        audit.record(AuditAction.SETTING_CHANGED, "plan", plan.getId(), "added");
        return ResponseEntity.status(201).body(PlanView.of(plan));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename a plan or change its dependents policy (applies to dependants asked for from now on)")
    PlanView change(@AuthenticationPrincipal HubUser user, @PathVariable long id, @Valid @RequestBody PlanChange body) {
        PlanView changed = PlanView.of(plans.revise(user.requireHmoPayerId(), id, body.name(),
                new DependentsPolicy(body.maxSpouses(), body.maxChildren(), body.childMaxAge())));
        audit.record(AuditAction.SETTING_CHANGED, "plan", id, "revised");
        return changed;
    }
}
