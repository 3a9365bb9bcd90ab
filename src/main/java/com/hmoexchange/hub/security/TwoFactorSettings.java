package com.hmoexchange.hub.security;

import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Two-factor sign-in ({@code hub.security.two-factor}; docs/security.md).
 *
 * @param requiredRoles roles that must sign in with a code (HUB_TWO_FACTOR_ROLES); they enrol at their next sign-in.
 *     Everyone else may turn it on from their account page
 * @param secretKey the AES key (Base64 of 16, 24 or 32 bytes; HUB_TWO_FACTOR_KEY) the users' TOTP secrets are
 *     encrypted with in the database; empty: they are stored unencrypted, and the hub warns at start
 * @param basicForSecondFactorUsers whether someone who signs in with a code may still call the API with HTTP Basic
 *     (password alone). Off: they use the pages, programs use API tokens. On only for tests and trials
 * @param issuer the name an authenticator app shows beside the code
 */
@ConfigurationProperties("hub.security.two-factor")
public record TwoFactorSettings(Set<Role> requiredRoles, String secretKey,
        @DefaultValue("false") boolean basicForSecondFactorUsers, @DefaultValue("HMO Exchange Hub") String issuer) {

    public TwoFactorSettings {
        requiredRoles = requiredRoles == null ? EnumSet.noneOf(Role.class) : Set.copyOf(requiredRoles);
        secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey.trim();
        if (secretKey != null) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(secretKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hub.security.two-factor.secret-key (HUB_TWO_FACTOR_KEY) is not Base64; "
                        + "make one with: openssl rand -base64 32");
            }
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new IllegalArgumentException("hub.security.two-factor.secret-key (HUB_TWO_FACTOR_KEY) must be 16, 24 "
                        + "or 32 bytes in Base64; it is " + key.length + ". Make one with: openssl rand -base64 32");
            }
        }
    }
}
