package com.hmoexchange.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the API takes sign-ins ({@code hub.security}).
 *
 * @param basicAuth whether people may use the API with their user name and password (HTTP Basic); when false,
 *                  only API tokens (Authorization: Bearer) open it, and a Basic sign-in is answered 401 saying so
 */
@ConfigurationProperties("hub.security")
public record ApiSignInSettings(@DefaultValue("true") boolean basicAuth) {
}
