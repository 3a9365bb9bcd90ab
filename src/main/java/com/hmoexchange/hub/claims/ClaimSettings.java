package com.hmoexchange.hub.claims;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Claims' settings ({@code hub.currency}, {@code hub.attachments}).
 *
 * @param currency the ISO 4217 code claims are priced and sent in (HUB_CURRENCY, e.g. NGN)
 * @param attachments what a claim attachment may be
 */
@ConfigurationProperties("hub")
@Validated
record ClaimSettings(
        @NotNull(message = "set HUB_CURRENCY, e.g. NGN")
        @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code in capitals, e.g. NGN (HUB_CURRENCY)") String currency,
        @Valid @NotNull Attachments attachments) {

    /** @param maxBytes the largest attachment accepted, in bytes (HUB_ATTACHMENT_MAX_BYTES) */
    record Attachments(@Min(value = 1, message = "must be 1 byte or more, e.g. 10485760 for 10 MB (HUB_ATTACHMENT_MAX_BYTES)")
            long maxBytes) {
    }
}
