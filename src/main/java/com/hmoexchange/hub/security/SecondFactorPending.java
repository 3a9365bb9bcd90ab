package com.hmoexchange.hub.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A page session between the password and the second factor: the password was right, but the user still owes
 * a code ({@link Stage#CODE}) or must first enrol ({@link Stage#ENROL}). It grants no role, and
 * {@link SecondFactorGate} lets it reach only the page of its stage and sign-out.
 */
public final class SecondFactorPending extends AbstractAuthenticationToken {

    public enum Stage { CODE, ENROL }

    private final HubUser user;
    private final Stage stage;

    SecondFactorPending(HubUser user, Stage stage) {
        super(List.of());
        this.user = user;
        this.stage = stage;
        setAuthenticated(true);
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public HubUser getPrincipal() {
        return user;
    }
}
