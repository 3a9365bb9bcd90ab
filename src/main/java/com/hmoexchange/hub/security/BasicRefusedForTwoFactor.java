package com.hmoexchange.hub.security;

import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** The right password by HTTP Basic from someone who signs in with a second factor: refused (see {@link SignInEvents}). */
public class BasicRefusedForTwoFactor extends AbstractAuthenticationFailureEvent {

    public BasicRefusedForTwoFactor(Authentication authentication, AuthenticationException exception) {
        super(authentication, exception);
    }
}
