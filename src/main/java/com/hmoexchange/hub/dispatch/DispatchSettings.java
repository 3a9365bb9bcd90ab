package com.hmoexchange.hub.dispatch;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Claims out ({@code hub.dispatch}): consumers of claims.outbound, the outbox relay, and the broker's retry of a
 * failed send (the routes read the same keys as {@code {{hub.dispatch.*}}}; the broker's address settings too).
 *
 * @param maxDeliveryAttempts sends of one message before it goes to the dead-letter queue
 */
@Validated
@ConfigurationProperties("hub.dispatch")
public record DispatchSettings(@Min(1) int consumers, @Min(1) long relayPeriodMs, @Min(1) int relayBatchSize,
        @Min(1) int batchSize, boolean configureExternalBroker, @Min(1) int maxDeliveryAttempts,
        @Min(0) long redeliveryDelayMs, @DecimalMin("1.0") double redeliveryMultiplier, @Min(0) long maxRedeliveryDelayMs) {
}
