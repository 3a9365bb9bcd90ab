package com.hmoexchange.hub.common;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what the API takes. {@code maxBody}: the largest request body (JSON, or a payer's callback) the
 * API reads; a larger one is refused as too large (413) before it is read or bound. File uploads have their
 * own limit ({@code spring.servlet.multipart}).
 */
@Validated
@ConfigurationProperties("hub.api")
public record ApiLimits(@NotNull DataSize maxBody) {

    public ApiLimits {
        if (maxBody != null && maxBody.toBytes() <= 0) {
            throw new IllegalArgumentException("hub.api.max-body (HUB_API_MAX_BODY) must be more than 0 bytes, for example 5MB");
        }
    }
}
