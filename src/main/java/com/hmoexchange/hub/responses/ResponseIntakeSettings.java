package com.hmoexchange.hub.responses;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How answers are taken in ({@code hub.responses}).
 *
 * @param pollDelay milliseconds between polls of each payer's SFTP folder and response mailbox
 * @param callbackWindowSeconds how far a callback's X-Hub-Timestamp may be from the hub's clock
 */
@Validated
@ConfigurationProperties("hub.responses")
public record ResponseIntakeSettings(@Min(100) long pollDelay, @Min(1) long callbackWindowSeconds) {
}
