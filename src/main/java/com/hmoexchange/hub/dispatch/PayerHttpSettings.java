package com.hmoexchange.hub.dispatch;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Time limits for calls to payers' APIs ({@code hub.http}, milliseconds). */
@Validated
@ConfigurationProperties("hub.http")
public record PayerHttpSettings(@Min(1) int connectTimeoutMs, @Min(1) int responseTimeoutMs) {
}
