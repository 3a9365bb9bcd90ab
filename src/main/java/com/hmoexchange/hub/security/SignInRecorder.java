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
    private final TwoFactor twoFactor;
    private final Clock clock;

    SignInRecorder(AppUserRepository users, TwoFactor twoFactor, Clock clock) {
        this.users = users;
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    /** A sign-in counts once complete: after the password, or after the code for a user who owes one. */
    @EventListener
    @Transactional
    public void signedIn(InteractiveAuthenticationSuccessEvent event) {
        boolean complete = event.getGeneratedBy() == SecondFactorSignIn.class
                || !(event.getAuthentication().getPrincipal() instanceof HubUser owes && twoFactor.isOn(owes.id()));
        if (complete && event.getAuthentication().getPrincipal() instanceof HubUser user) {
            users.findById(user.id()).ifPresent(u -> u.signedIn(clock.instant()));
        }
    }
}
