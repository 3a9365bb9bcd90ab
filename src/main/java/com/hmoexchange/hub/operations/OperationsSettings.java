package com.hmoexchange.hub.operations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operators' settings (hub.operations in application.yml): how often the readings behind the metrics
 * and the dashboard are taken, how often incidents are evaluated, and the alert thresholds every payer
 * gets unless its payer.yaml says otherwise (an {@code alerts:} section, see {@link PayerAlerts}).
 */
@Validated
@ConfigurationProperties("hub.operations")
public record OperationsSettings(@NotNull Duration readingsPeriod, @Valid @NotNull Incidents incidents,
        @Valid @NotNull Alerts alerts) {

    /** {@code scheduled=false} leaves evaluation to a direct call (tests drive it with their own instant). */
    public record Incidents(boolean scheduled, @NotNull Duration checkPeriod) {
    }

    /** The defaults of the thresholds; the per-payer ones may be set in payer.yaml. */
    public record Alerts(@NotNull Duration payerFailingFor, @NotNull Duration payerSilentFor,
            @NotNull Duration outboxOldestOlderThan, @NotNull Duration requestsPendingFor) {
    }
}
