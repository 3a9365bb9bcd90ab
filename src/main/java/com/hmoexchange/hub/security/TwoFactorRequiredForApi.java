package com.hmoexchange.hub.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The password was right, but the user signs in with a second factor, which HTTP Basic cannot carry: they use
 * the pages, and machines use API tokens (docs/security.md, "Two-factor sign-in").
 */
public class TwoFactorRequiredForApi extends AccountStatusException {

    public TwoFactorRequiredForApi() {
        super("Your account signs in with a second factor (two-factor sign-in), which HTTP Basic cannot carry. "
                + "Use the web pages, or an API token for a program.");
    }
}
