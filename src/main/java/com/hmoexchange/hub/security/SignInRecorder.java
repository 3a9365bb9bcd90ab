package com.hmoexchange.hub.security;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes each sign-in to the pages, so a user sees when they last signed in before (and can tell if someone
 * else did). API calls are not counted: HTTP Basic authenticates every request, which is not a sign-in.
 */
@Component
class SignInRecorder {

    private final AppUserRepository users;
    private final Clock clock;

    SignInRecorder(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof HubUser user) {
            users.findById(user.id()).ifPresent(u -> u.signedIn(clock.instant()));
        }
    }
}
