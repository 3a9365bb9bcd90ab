package com.hmoexchange.hub.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The operators' settings (hub.operations in application.yml): how often the readings behind the metrics are taken. */
@Validated
@ConfigurationProperties("hub.operations")
public record OperationsSettings(@NotNull Duration readingsPeriod) {
}
