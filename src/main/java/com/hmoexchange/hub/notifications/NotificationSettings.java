package com.hmoexchange.hub.notifications;

import jakarta.validation.constraints.Email;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param operatorsEmail where the operators are emailed about quarantined documents, dead letters and
 *     other work for a person (HUB_OPERATIONS_EMAIL); empty: they are told in the app only
 */
@ConfigurationProperties("hub.notifications")
@Validated
record NotificationSettings(@Email(message = "must be an email address, or empty for in-app notices only (HUB_OPERATIONS_EMAIL)")
        String operatorsEmail) {

    NotificationSettings {
        operatorsEmail = operatorsEmail == null ? "" : operatorsEmail.trim();
    }
}
