package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

class SessionSafeProviderTests extends ApiTest {

    @Autowired
    HubUserDetailsService details;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void a_page_sign_in_keeps_no_password_hash_in_the_signed_in_user() {
        String user = fixtures.client("acme-hmo").user();
        var provider = new PageSecurityConfig.SessionSafeProvider(details, passwords);

        Authentication signedIn = provider.authenticate(new UsernamePasswordAuthenticationToken(user, Fixtures.PASSWORD));

        HubUser principal = (HubUser) signedIn.getPrincipal();
        assertThat(principal.username()).isEqualTo(user);
        assertThat(principal.role()).isEqualTo(Role.CLIENT_USER);
        assertThat(principal.passwordHash()).isEmpty();
        assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken(user, "wrong-password")))
                .isInstanceOf(BadCredentialsException.class);
    }
}
