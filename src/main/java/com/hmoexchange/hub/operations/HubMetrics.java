package com.hmoexchange.hub.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The hub's gauges (docs/operations.md names each and what to do when it moves): backlogs and ages read
 * from the database and the broker every hub.operations.readings-period. The counters of claims sent and
 * the submit-to-delivered latency are kept where each attempt ends (messages/MessageStore).
 */
@Component
class HubMetrics implements MeterBinder {

    private final OperationsReadings readings;
    private MultiGauge queueDepth;
    private MultiGauge quarantined;
    private MultiGauge heldMails;
    private MultiGauge answers;
    private MultiGauge openIncidents;

    HubMetrics(OperationsReadings readings) {
        this.readings = readings;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "hub.outbox.backlog", "Outbox rows not yet on the broker", null, Readings::outboxBacklog);
        gauge(registry, "hub.outbox.oldest.age", "Age of the oldest outbox row not yet on the broker", "seconds",
                r -> r.outboxOldestAge().toSeconds());
        gauge(registry, "hub.claims.stale", "Claims past their payer's answer limit with no news", null, Readings::staleClaims);
        gauge(registry, "hub.mail.waiting", "Outgoing emails not sent yet", null, Readings::mailWaiting);
        gauge(registry, "hub.mail.retrying", "Outgoing emails the mail server refused at least once, still being tried",
                null, Readings::mailRetrying);
        gauge(registry, "hub.mail.given.up", "Outgoing emails given up after the last attempt", null, Readings::mailGivenUp);
        gauge(registry, "hub.changerequests.pending", "Clients' change requests waiting for their HMO", null,
                Readings::pendingRequests);
        gauge(registry, "hub.changerequests.oldest.pending.age", "Age of the oldest pending change request", "seconds",
                r -> r.oldestPendingRequestAge().toSeconds());
        queueDepth = MultiGauge.builder("hub.queue.depth").description("Messages waiting on a broker queue").register(registry);
        quarantined = MultiGauge.builder("hub.documents.quarantined")
                .description("Payers' documents quarantined and not dismissed").register(registry);
        heldMails = MultiGauge.builder("hub.mails.held")
                .description("Mails held at an intake (sender, authentication or size) and not yet accepted or rejected")
                .register(registry);
        answers = MultiGauge.builder("hub.answers.last.day")
                .description("Documents payers sent in the last 24 hours, by channel and outcome").register(registry);
        openIncidents = MultiGauge.builder("hub.incidents.open").description("Incidents open now, by kind").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit, ToDoubleFunction<Readings> value) {
        Gauge.builder(name, readings, r -> value.applyAsDouble(r.latest())).description(description).baseUnit(unit)
                .register(registry);
    }

    /** Takes new readings and brings the tagged gauges up to date (a payer that no longer has any drops out). */
    @Scheduled(fixedDelayString = "${hub.operations.readings-period:15s}", initialDelayString = "2s")
    void refresh() {
        Readings now = readings.take();
        if (queueDepth == null) {
            return;
        }
        queueDepth.register(now.queueDepths().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("queue", e.getKey()), e.getValue())).toList(), true);
        quarantined.register(now.quarantinedByPayer().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("payer", e.getKey()), e.getValue())).toList(), true);
        heldMails.register(now.heldMailsByIntake().entrySet().stream().map(e -> {
            String[] intakeAndOwner = e.getKey().split(":", 2);
            return MultiGauge.Row.of(Tags.of("intake", intakeAndOwner[0], "owner", intakeAndOwner[1]), e.getValue());
        }).toList(), true);
        List<MultiGauge.Row<?>> rows = now.answersLastDay().stream().<MultiGauge.Row<?>>map(a -> MultiGauge.Row.of(
                Tags.of("payer", a.payer(), "channel", a.channel(), "outcome", a.outcome()), a.count())).toList();
        answers.register(rows, true);
        // Every kind is reported, 0 when none is open, so a dashboard shows 0 rather than "no data".
        openIncidents.register(Arrays.stream(IncidentKind.values()).map(kind -> MultiGauge.Row.of(
                Tags.of("kind", kind.name()), now.openIncidentsByKind().getOrDefault(kind.name(), 0L))).toList(), true);
    }
}
