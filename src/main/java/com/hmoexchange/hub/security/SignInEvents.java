package com.hmoexchange.hub.security;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;

/**
 * Spring Security's sign-in events, which the audit log records, for the hub's own refusals too: Spring maps a failure to
 * an event by the exception's exact class, so without these an attempt refused during a lockout ({@link SignInRefused})
 * or a two-factor user's HTTP Basic sign-in ({@link TwoFactorRequiredForApi}) would publish nothing and leave no trace.
 */
@Configuration
class SignInEvents {

    @Bean
    DefaultAuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(Map.of(
                SignInRefused.class, AuthenticationFailureLockedEvent.class,
                TwoFactorRequiredForApi.class, BasicRefusedForTwoFactor.class));
        return events;
    }
}
