package com.hmoexchange.hub.dispatch;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The sender of claims by email ({@code hub.mail.from}, HUB_MAIL_FROM); the SMTP server is spring.mail. */
@Validated
@ConfigurationProperties("hub.mail")
public record ClaimMailSettings(@NotBlank String from) {
}
