package com.hmoexchange.hub.audit;

import com.hmoexchange.hub.security.HubUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who an audit entry is about: a signed-in user with their tenant, or only a name (a failed sign-in, the hub itself). */
public record Actor(String name, String role, Long providerId, Long payerId) {

    public static final Actor SYSTEM = new Actor("system", null, null, null);

    public static Actor of(HubUser user) {
        return new Actor(user.username(), user.role().name(), user.providerId(), user.payerId());
    }

    /** A name only: no role or tenant known (e.g. what was typed at a failed sign-in). */
    public static Actor named(String name) {
        return new Actor(name == null || name.isBlank() ? "(none)" : name, null, null, null);
    }

    /** The user of the request or message under way; the hub itself when nobody is signed in. */
    static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return SYSTEM;
        }
        if (auth.getPrincipal() instanceof HubUser user) {
            return of(user);
        }
        return "anonymousUser".equals(auth.getName()) ? SYSTEM : named(auth.getName());
    }
}
