package com.hmoexchange.hub.responses;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How answers are taken in ({@code hub.responses}).
 *
 * @param pollDelay milliseconds between polls of each payer's SFTP folder and response mailbox
 * @param callbackWindowSeconds how far a callback's X-Hub-Timestamp may be from the hub's clock
 * @param callbackMaxBody the largest callback body taken: a larger Content-Length is refused 413 before the body is
 *                        read, and a body sent without one is read no further than this
 */
@Validated
@ConfigurationProperties("hub.responses")
public record ResponseIntakeSettings(@Min(100) long pollDelay, @Min(1) long callbackWindowSeconds,
        @DefaultValue("1MB") DataSize callbackMaxBody) {

    public ResponseIntakeSettings {
        if (callbackMaxBody == null || callbackMaxBody.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.responses.callback-max-body (HUB_CALLBACK_MAX_BODY) must be more than "
                    + "0 bytes, for example 1MB");
        }
    }
}
