package com.hmoexchange.hub.people;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Users' settings ({@code hub.people}).
 *
 * @param adminEmail the first platform administrator, created on the first start when there is none (HUB_ADMIN_EMAIL;
 *     empty: none is created)
 * @param invitationValidity how long an invitation link can be used (HUB_SIGN_IN_LINK_VALIDITY, e.g. 48h)
 * @param resetLinkValidity how long a password-reset link can be used (HUB_RESET_LINK_VALIDITY, e.g. 1h)
 */
@ConfigurationProperties("hub.people")
@Validated
public record PeopleSettings(String adminEmail,
        @NotNull(message = "set HUB_SIGN_IN_LINK_VALIDITY, e.g. 48h") Duration invitationValidity,
        @NotNull(message = "set HUB_RESET_LINK_VALIDITY, e.g. 1h") Duration resetLinkValidity) {

    public PeopleSettings {
        requirePositive("invitation-validity (HUB_SIGN_IN_LINK_VALIDITY)", invitationValidity);
        requirePositive("reset-link-validity (HUB_RESET_LINK_VALIDITY)", resetLinkValidity);
        adminEmail = adminEmail == null || adminEmail.isBlank() ? null : adminEmail.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("hub.people." + name + " must be longer than zero, e.g. 48h; it is " + value);
        }
    }
}
