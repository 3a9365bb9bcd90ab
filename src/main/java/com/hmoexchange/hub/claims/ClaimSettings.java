package com.hmoexchange.hub.claims;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Claims' settings ({@code hub.currency}; what an attachment may be is the attachments module's, {@code hub.attachments}).
 *
 * @param currency the ISO 4217 code claims are priced and sent in (HUB_CURRENCY, e.g. NGN)
 */
@ConfigurationProperties("hub")
@Validated
record ClaimSettings(
        @NotNull(message = "set HUB_CURRENCY, e.g. NGN")
        @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in capitals, e.g. NGN (HUB_CURRENCY)") String currency) {
}
