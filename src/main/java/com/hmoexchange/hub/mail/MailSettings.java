package com.hmoexchange.hub.mail;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's outgoing email ({@code hub.mail}); the mail server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender of every email (HUB_MAIL_FROM)
 * @param firstRetry an email the server refused waits this long, then twice as long, and so on, at most an hour
 *     (HUB_MAIL_FIRST_RETRY, e.g. 10s)
 * @param maxAttempts sends of one email before it is given up (HUB_MAIL_MAX_ATTEMPTS)
 * @param relayPeriod how often the relay looks for emails due
 */
@ConfigurationProperties("hub.mail")
@Validated
record MailSettings(@NotBlank(message = "set HUB_MAIL_FROM, e.g. HMO Exchange Hub <no-reply@example.ng>") String from,
        @NotNull @DefaultValue("10s") Duration firstRetry,
        @Min(value = 1, message = "must be 1 or more (HUB_MAIL_MAX_ATTEMPTS)") @DefaultValue("20") int maxAttempts,
        @NotNull @DefaultValue("5s") Duration relayPeriod) {

    MailSettings {
        requirePositive("first-retry (HUB_MAIL_FIRST_RETRY)", firstRetry);
        requirePositive("relay-period", relayPeriod);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("hub.mail." + name + " must be longer than zero, with its unit, e.g. 10s; it is " + value);
        }
    }
}
