package com.hmoexchange.hub.dispatch;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The repair that brings claims in line with the message store ({@code hub.dispatch.repair}).
 *
 * @param period how often it runs (HUB_DISPATCH_REPAIR_PERIOD); it also runs shortly after start (the route's timer)
 * @param grace a delivery younger than this is left to the batch still noting it (HUB_DISPATCH_REPAIR_GRACE)
 */
@Validated
@ConfigurationProperties("hub.dispatch.repair")
record DeliveryRepairSettings(@NotNull Duration period, @NotNull Duration grace) {
}
