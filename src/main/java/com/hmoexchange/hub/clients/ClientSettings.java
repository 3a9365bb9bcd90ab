package com.hmoexchange.hub.clients;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Client accounts' settings ({@code hub.clients}).
 *
 * @param signInLinkValidity how long an emailed sign-in link can be used (HUB_SIGN_IN_LINK_VALIDITY, e.g. 48h)
 */
@ConfigurationProperties("hub.clients")
@Validated
record ClientSettings(@NotNull(message = "set HUB_SIGN_IN_LINK_VALIDITY, e.g. 48h") Duration signInLinkValidity) {

    ClientSettings {
        if (signInLinkValidity != null && (signInLinkValidity.isNegative() || signInLinkValidity.isZero())) {
            throw new IllegalArgumentException("hub.clients.sign-in-link-validity (HUB_SIGN_IN_LINK_VALIDITY) must be longer "
                    + "than zero, e.g. 48h; it is " + signInLinkValidity);
        }
    }
}
