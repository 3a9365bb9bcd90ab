package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.common.RequestRefused;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Requests refused before any work (bad API tokens, bodies over a limit, records not found or not the caller's,
 * sign-ins refused unheard during a lockout) in
 * the audit log, a bounded number per client address ({@link RefusalBudget}): the log shows each attempt of a person
 * or a probe, and a flood costs a few entries, not one per request.
 */
@Component
class RefusalAudit {

    private final AuditLog audit;
    private final Clock clock;
    private final RefusalBudget budget = new RefusalBudget();

    RefusalAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    public void refused(RequestRefused event) {
        Actor actor = event.who() != null ? new Actor(event.who(), event.who().startsWith("token:") ? "API_TOKEN" : null,
                event.providerId(), event.payerId()) : signedInOrNobody();
        AuditAction action = switch (event.kind()) {
            case TOKEN_REFUSED -> AuditAction.TOKEN_REFUSED;
            case BODY_TOO_LARGE -> AuditAction.BODY_TOO_LARGE;
            case NOT_FOUND -> AuditAction.NOT_FOUND;
        };
        record(actor, action, event.objectType(), event.objectId(), event.detail(), event.address());
    }

    /** Records the refusal unless its address has used up its budget for now. */
    void record(Actor actor, AuditAction action, String objectType, Object objectId, String detail, String address) {
        RefusalBudget.Decision decision = budget.take(address, clock.instant());
        if (!decision.record()) {
            return;
        }
        String note = decision.last() ? detail + " (more refusals from this address are not recorded until " + decision.until() + ")"
                : detail;
        audit.recordFor(actor, action, objectType, objectId, note, address);
    }

    private static Actor signedInOrNobody() {
        Actor current = Actor.current();
        return current == Actor.SYSTEM ? Actor.named("(not signed in)") : current;
    }
}
