package com.hmoexchange.hub.security;

import com.hmoexchange.hub.common.PublicAddress;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The security headers both filter chains send (docs/security.md, "Headers and sessions"): no framing, no
 * referrer, a content security policy, nosniff, and HSTS on every answer when the public address is https
 * (behind a TLS proxy the hub itself may see plain http, so it does not wait for a secure request to send it).
 */
public final class SecureHeaders {

    /** The pages: their own scripts and styles only (inline styles for htmx's indicators), images also as data: URIs. */
    static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * The API and everything else the API's chain serves (the Swagger UI, the error page): nothing from elsewhere
     * and no inline script, so content a payer sent that a browser took for a page could not run its own.
     */
    public static final String API_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    private SecureHeaders() {
    }

    public static Customizer<HeadersConfigurer<HttpSecurity>> of(String policy, PublicAddress address) {
        return headers -> {
            headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .contentSecurityPolicy(csp -> csp.policyDirectives(policy));
            if (isHttps(address)) {
                headers.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true));
            }
        };
    }

    static boolean isHttps(PublicAddress address) {
        return address.publicUrl().regionMatches(true, 0, "https://", 0, 8);
    }
}
