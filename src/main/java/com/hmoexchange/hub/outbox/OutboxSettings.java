package com.hmoexchange.hub.outbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox's settings: how long published rows are kept ({@code hub.outbox}) and the relay's batch sizes, which
 * are the dispatch's keys ({@code hub.dispatch.relay-batch-size}, {@code hub.dispatch.batch-size}) read here too so
 * the outbox need not depend on the dispatch module that consumes what it publishes.
 *
 * @param outbox what is kept
 * @param dispatch the relay's batch sizes
 */
@ConfigurationProperties("hub")
@Validated
record OutboxSettings(@Valid @NotNull Outbox outbox, @Valid @NotNull Relay dispatch) {

    /** @param keepPublished published rows are deleted after this long (HUB_OUTBOX_KEEP_PUBLISHED, e.g. 7d) */
    record Outbox(@NotNull(message = "set HUB_OUTBOX_KEEP_PUBLISHED, e.g. 7d") Duration keepPublished) {

        Outbox {
            if (keepPublished != null && keepPublished.compareTo(Duration.ofHours(1)) < 0) {
                // A bare number is read as milliseconds: "7" would delete rows just published.
                throw new IllegalArgumentException("hub.outbox.keep-published (HUB_OUTBOX_KEEP_PUBLISHED) is " + keepPublished
                        + "; give at least an hour, with its unit, e.g. 7d or 12h");
            }
        }
    }

    /**
     * @param relayBatchSize outbox rows the relay takes per round
     * @param batchSize the most claims one broker message carries (HUB_DISPATCH_BATCH_SIZE)
     */
    record Relay(@Min(value = 1, message = "must be 1 or more") int relayBatchSize,
            @Min(value = 1, message = "must be 1 or more (HUB_DISPATCH_BATCH_SIZE)") int batchSize) {
    }
}
