package com.hmoexchange.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The pages' sign-in after the password: straight in for a user without a second factor; otherwise the session
 * holds a {@link SecondFactorPending} until the code is given (or the user enrolled, when their role requires
 * it), and only then becomes a signed-in session with the user's role, under a new session id.
 */
@Component
public class SecondFactorSignIn implements AuthenticationSuccessHandler {

    private final TwoFactor twoFactor;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorSignIn(TwoFactor twoFactor, SignInThrottle throttle, ApplicationEventPublisher events) {
        this.twoFactor = twoFactor;
        this.throttle = throttle;
        this.events = events;
        landing.setDefaultTargetUrl("/");
    }

    /** What a code given at sign-in did. */
    public sealed interface Outcome {
        record SignedIn() implements Outcome {
        }

        record WrongCode() implements Outcome {
        }

        /** Too many wrong passwords or codes: the pending sign-in is over; try again after {@code until}. */
        record LockedOut(Instant until, String message) implements Outcome {
        }
    }

    /** The password was right (form sign-in). */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication password)
            throws IOException, jakarta.servlet.ServletException {
        HubUser user = (HubUser) password.getPrincipal();
        if (twoFactor.isOn(user.id())) {
            hold(request, response, new SecondFactorPending(user, SecondFactorPending.Stage.CODE));
            response.sendRedirect("/sign-in/code");
        } else if (twoFactor.mustEnrol(user)) {
            hold(request, response, new SecondFactorPending(user, SecondFactorPending.Stage.ENROL));
            response.sendRedirect("/account/two-factor");
        } else {
            landing.onAuthenticationSuccess(request, response, password);
        }
    }

    /** The session's pending sign-in, if it is one. */
    public Optional<SecondFactorPending> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending pending
                ? Optional.of(pending) : Optional.empty();
    }

    /** Checks a code given at sign-in; a good one completes the sign-in, a wrong one counts as a failed sign-in. */
    public Outcome checkCode(HttpServletRequest request, HttpServletResponse response, String code) {
        SecondFactorPending pending = pending().filter(p -> p.stage() == SecondFactorPending.Stage.CODE)
                .orElseThrow(() -> new IllegalStateException("No sign-in waits for a code"));
        HubUser user = pending.getPrincipal();
        String address = request.getRemoteAddr();
        Optional<Instant> refused = throttle.refusedUntil(user.username(), address);
        if (refused.isEmpty() && twoFactor.verify(user.id(), code)) {
            throttle.succeeded(user.username());
            complete(request, response, user);
            return new Outcome.SignedIn();
        }
        if (refused.isEmpty()) {
            events.publishEvent(new SecondFactorFailed(user.username(), address));
            refused = throttle.failed(user.username(), address);
        }
        if (refused.isPresent()) {
            signOut(request);
            return new Outcome.LockedOut(refused.get(),
                    new SignInRefused(refused.get(), throttle.tryAgainAfter(refused.get())).getMessage());
        }
        return new Outcome.WrongCode();
    }

    /** The user enrolled while their sign-in waited for it: they are signed in now. */
    public void enrolled(HttpServletRequest request, HttpServletResponse response) {
        pending().filter(p -> p.stage() == SecondFactorPending.Stage.ENROL).ifPresent(p -> {
            throttle.succeeded(p.getPrincipal().username());
            complete(request, response, p.getPrincipal());
        });
    }

    /** Where the user goes once signed in: the page they first asked for, else their landing page. */
    public void land(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            landing.onAuthenticationSuccess(request, response, SecurityContextHolder.getContext().getAuthentication());
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    private void complete(HttpServletRequest request, HttpServletResponse response, HubUser user) {
        request.changeSessionId();
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        save(request, response, signedIn);
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(signedIn, SecondFactorSignIn.class));
    }

    private void hold(HttpServletRequest request, HttpServletResponse response, SecondFactorPending pending) {
        save(request, response, pending);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
