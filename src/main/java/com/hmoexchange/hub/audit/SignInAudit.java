package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.BasicRefusedForTwoFactor;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.SecondFactorFailed;
import com.hmoexchange.hub.security.SignInLockedOut;
import com.hmoexchange.hub.security.SignInRefused;
import com.hmoexchange.hub.security.TwoFactorEnrolled;
import com.hmoexchange.hub.tokens.ApiTokenEvents.ApiTokenCreated;
import com.hmoexchange.hub.tokens.ApiTokenEvents.ApiTokenRevoked;
import com.hmoexchange.hub.tokens.ApiTokenEvents.ApiTokenUsed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins in the audit log, from Spring Security's events. Every sign-in to the pages and every failure
 * (pages and API alike) is recorded. The API authenticates each request, so a successful API sign-in is
 * recorded once an hour per user and address, not per call: the log shows who used the API from where
 * without one entry per request (and one lock of the chain per request).
 */
@Component
class SignInAudit {

    static final Duration API_SIGN_IN_EVERY = Duration.ofHours(1);
    private static final int REMEMBERED = 10_000;

    private final AuditLog audit;
    private final RefusalAudit refusals;
    private final AppUserRepository users;
    private final Clock clock;
    private final Map<String, Instant> apiSignIns = new ConcurrentHashMap<>();

    SignInAudit(AuditLog audit, RefusalAudit refusals, AppUserRepository users, Clock clock) {
        this.audit = audit;
        this.refusals = refusals;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof HubUser user)) {
            return;
        }
        HttpServletRequest request = currentRequest();
        boolean page = request != null && "POST".equals(request.getMethod()) && "/sign-in".equals(request.getServletPath());
        if (page) {
            audit.recordFor(Actor.of(user), AuditAction.SIGNED_IN, "user", user.username(), "web pages");
            return;
        }
        String key = user.username() + "|" + (request == null ? "" : request.getRemoteAddr());
        Instant now = clock.instant();
        Instant last = apiSignIns.get(key);
        if (last != null && last.plus(API_SIGN_IN_EVERY).isAfter(now)) {
            return;
        }
        if (apiSignIns.size() >= REMEMBERED) {
            apiSignIns.clear();
        }
        apiSignIns.put(key, now);
        audit.recordFor(Actor.of(user), AuditAction.SIGNED_IN, "user", user.username(), "API (first in the hour from this address)");
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        // The tenant of the account tried, when it exists: its owner or HMO administrator sees the attempts.
        Actor actor = account(name);
        if (event instanceof AuthenticationFailureLockedEvent) {
            // Refused unheard while locked out (no password check): bounded per address, as a flood of them would be.
            HttpServletRequest request = currentRequest();
            refusals.record(actor, AuditAction.SIGN_IN_FAILED, "user", actor.name(), reason(event),
                    request == null ? null : request.getRemoteAddr());
            return;
        }
        audit.recordFor(actor, AuditAction.SIGN_IN_FAILED, "user", actor.name(), reason(event));
    }

    /** An account or an address locked out after repeated failures (security/SignInThrottle). */
    @EventListener
    public void lockedOut(SignInLockedOut event) {
        audit.recordFor(account(event.username()), AuditAction.ACCOUNT_LOCKED, "user", event.username(),
                "locked per " + event.scope() + " until " + event.until() + " after failures from " + event.address());
    }

    @EventListener
    public void secondFactorFailed(SecondFactorFailed event) {
        audit.recordFor(account(event.username()), AuditAction.TWO_FACTOR_FAILED, "user", event.username(),
                "wrong code from " + event.address());
    }

    @EventListener
    public void secondFactorSwitched(TwoFactorEnrolled event) {
        audit.recordFor(account(event.username()), AuditAction.TWO_FACTOR_ENROLLED, "user", event.username(),
                event.on() ? "two-factor sign-in turned on" : "two-factor sign-in turned off");
    }

    @EventListener
    public void tokenCreated(ApiTokenCreated event) {
        audit.recordFor(account(event.by()), AuditAction.TOKEN_CREATED, "api-token", event.tokenId(),
                "'" + event.name() + "' with scopes " + event.scopes() + ", expires " + event.expiresAt());
    }

    @EventListener
    public void tokenRevoked(ApiTokenRevoked event) {
        audit.recordFor(account(event.by()), AuditAction.TOKEN_REVOKED, "api-token", event.tokenId(), "'" + event.name() + "'");
    }

    /** A token's first use of the day (ApiTokens publishes no more), with its tenant. */
    @EventListener
    public void tokenUsed(ApiTokenUsed event) {
        audit.recordFor(new Actor("token:" + event.name(), "API_TOKEN", event.providerId(), event.payerId()),
                AuditAction.TOKEN_USED, "api-token", event.tokenId(), "first use today from " + event.remoteAddress());
    }

    private Actor account(String name) {
        return users.findByUsername(name == null ? "" : name)
                .map(u -> new Actor(u.getUsername(), u.getRole().name(), u.getProviderId(), u.getPayerId()))
                .orElse(Actor.named(name));
    }

    private static String reason(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            return "wrong username or password";
        }
        if (event instanceof AuthenticationFailureDisabledEvent) {
            return "account disabled";
        }
        if (event.getException() instanceof SignInRefused refused) {
            return "refused unheard (too many failures) until " + refused.until();
        }
        if (event instanceof AuthenticationFailureLockedEvent) {
            return "account locked";
        }
        if (event instanceof BasicRefusedForTwoFactor) {
            return "right password, but HTTP Basic is refused to a user who signs in with a second factor";
        }
        return event.getException().getClass().getSimpleName();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
