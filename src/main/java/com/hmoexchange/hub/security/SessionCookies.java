package com.hmoexchange.hub.security;

import com.hmoexchange.hub.common.PublicAddress;
import org.springframework.boot.autoconfigure.session.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie is {@code Secure} whenever people reach the hub over https (hub.public-url), whatever the
 * proxy in front tells the hub, and with HUB_SESSION_COOKIE_SECURE=true in any case.
 */
@Configuration
class SessionCookies {

    @Bean
    DefaultCookieSerializerCustomizer secureCookieBehindHttps(PublicAddress address) {
        return serializer -> {
            if (SecureHeaders.isHttps(address)) {
                serializer.setUseSecureCookie(true);
            }
        };
    }
}
