package com.hmoexchange.hub.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long each store keeps what it holds (hub.operations.retention; docs/operations.md#retention).
 * Message payloads (members' health data) may go long before the record that a message was sent; the files
 * attached to a claim go {@code closedClaimAttachments} after the claim was closed (decided, and paid or rejected), and
 * those sent with a pre-authorisation request as long after the request was decided.
 */
@Validated
@ConfigurationProperties("hub.operations.retention")
public record RetentionSettings(boolean scheduled, @NotNull Duration period, @NotNull Duration messagePayloads,
        @NotNull Duration messages, @NotNull Duration documentPayloads, @NotNull Duration quarantinedPayloads,
        @NotNull Duration outgoingMail, @NotNull Duration notifications, @NotNull Duration idempotencyRows,
        @NotNull Duration closedClaimAttachments) {

    public RetentionSettings {
        if (messages != null && messagePayloads != null && messages.compareTo(messagePayloads) < 0) {
            throw new IllegalArgumentException("hub.operations.retention.messages (" + messages + ") must be at least "
                    + "message-payloads (" + messagePayloads + "): a message's record outlives its payload, not the reverse");
        }
    }
}
