package com.hmoexchange.hub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.claims.CanonicalClaim;
import com.hmoexchange.hub.claims.ClaimDeliveries;
import com.hmoexchange.hub.claims.ClaimDeliveries.DeliveryOutcome;
import com.hmoexchange.hub.messages.MessageStore;
import com.hmoexchange.hub.messages.MessageStore.TriesSoFar;
import com.hmoexchange.hub.messages.OutboundAttempt;
import com.hmoexchange.hub.messages.Outcome;
import com.hmoexchange.hub.notifications.Notifications;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The decisions of the dispatch route (routes/dispatch.camel.yaml): what to send, where, whether it
 * was already delivered, and what each outcome means for the claims. The route only moves the message.
 * A broker message carries one claim or a batch of claims of one payer: they are read, started and
 * recorded together (a few statements for the whole batch) and sent one by one.
 */
@Component("dispatcher")
public class Dispatcher {

    static final String BATCH = "hubBatch";
    static final String CLAIM = "hubClaimNumber";
    static final String PAYER = "hubPayer";
    static final String CHANNEL = "hubChannel";
    static final String FORMAT = "hubFormat";
    static final String MAPPING = "hubMapping";
    static final String TARGET = "hubTarget";
    static final String KEY = "hubIdempotencyKey";
    static final String CANONICAL = "hubCanonical";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ClaimDeliveries deliveries;
    private final MessageStore store;
    private final PayerEndpoints endpoints;
    private final ObjectMapper json;
    private final int maxDeliveryAttempts;
    private final Notifications notifications;
    private final Clock clock;

    Dispatcher(ClaimDeliveries deliveries, MessageStore store, PayerEndpoints endpoints, ObjectMapper json,
            @Value("${hub.dispatch.max-delivery-attempts}") int maxDeliveryAttempts, Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.store = store;
        this.endpoints = endpoints;
        this.json = json;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
        this.clock = clock;
    }

    /**
     * Reads the claims the message names and starts an attempt for each that still has to go; the
     * body becomes the list of their numbers, for the route to send one by one. The idempotency key
     * is stable for the claim (a resubmission is another claim), so a claim the payer already has is
     * not sent again, and the payer can recognise a repeat. An operator's re-send goes out regardless.
     */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        JsonNode body = json.readTree(exchange.getMessage().getBody(String.class));
        Set<String> numbers = new LinkedHashSet<>();
        for (JsonNode event : body.isArray() ? body : List.of(body)) {
            numbers.add(event.path("claimNumber").asText());
        }
        boolean resend = "ClaimResendRequested".equals(exchange.getMessage().getHeader("eventType", String.class));
        int deliveryCount = deliveryCount(exchange);
        DispatchBatch batch = new DispatchBatch(deliveryCount);
        exchange.setProperty(BATCH, batch);

        List<CanonicalClaim> claims = deliveries.canonical(numbers);
        if (claims.size() < numbers.size()) {
            numbers.removeAll(claims.stream().map(CanonicalClaim::claimNumber).toList());
            log.error("Claims {} named in a message on the outbound queue do not exist; they were not sent", numbers);
        }
        Map<String, CanonicalClaim> byKey = claims.stream().collect(Collectors.toMap(Dispatcher::key, c -> c,
                (a, b) -> a, LinkedHashMap::new));
        Map<String, TriesSoFar> tries = store.triesSoFar(byKey.keySet());
        List<OutboundAttempt> started = new ArrayList<>();
        for (CanonicalClaim claim : byKey.values()) {
            String payer = claim.payer().code();
            String key = key(claim);
            TriesSoFar before = tries.get(key);
            OutboundAttempt attempt = new OutboundAttempt(endpoints.channel(payer), payer, claim.claimNumber(),
                    claim.providerReference(), key, before.nextAttempt(), endpoints.describe(payer), clock.instant());
            if (!resend && deliveryCount > 1 && (before.delivered() || before.latest() == Outcome.REFUSED)) {
                // The batch is back because a neighbour's channel failed: this claim was settled then.
                continue;
            }
            if (!resend && before.delivered()) {
                attempt.end(Outcome.SKIPPED_DUPLICATE, null, "already delivered; this repeat was not sent", clock.instant());
                started.add(attempt);
                continue;
            }
            started.add(attempt);
            batch.add(new DispatchBatch.Send(claim, attempt, endpoints.format(payer), endpoints.mappingFile(payer).toString()));
        }
        if (!started.isEmpty()) {
            store.startOutbound(started);
            store.finishOutbound(started.stream().filter(OutboundAttempt::ended).toList());
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(batch.claimNumbers());
    }

    /** Route step, per claim: the body (a claim number) becomes its canonical JSON, and the properties say where it goes. */
    public void plan(Exchange exchange) throws JsonProcessingException {
        DispatchBatch.Send send = batch(exchange).send(exchange.getMessage().getBody(String.class));
        OutboundAttempt attempt = send.attempt();
        exchange.setProperty(CLAIM, send.claimNumber());
        exchange.setProperty(PAYER, attempt.payerCode());
        exchange.setProperty(KEY, attempt.idempotencyKey());
        exchange.setProperty(CHANNEL, attempt.channel());
        exchange.setProperty(FORMAT, send.format());
        exchange.setProperty(MAPPING, send.mapping());
        exchange.setProperty(TARGET, endpoints.uri(attempt.payerCode()));
        String canonical = json.writeValueAsString(send.claim());
        exchange.setProperty(CANONICAL, canonical);
        exchange.getMessage().setBody(canonical);
    }

    /** Keeps what goes out for the message store, and sets the headers of the payer's channel. */
    public void sending(Exchange exchange) {
        Message message = exchange.getMessage();
        String claimNumber = exchange.getProperty(CLAIM, String.class);
        attempt(exchange).payload(message.getBody(String.class),
                "x12".equals(exchange.getProperty(FORMAT)) ? Claim837.setControlNumber(claimNumber) : null);
        String key = exchange.getProperty(KEY, String.class);
        String payer = exchange.getProperty(PAYER, String.class);
        message.removeHeaders("*");
        switch (exchange.getProperty(CHANNEL, String.class)) {
            case "http" -> {
                // The enum, not "POST": converting the text costs the HTTP component a type-converter look-up per claim.
                message.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
                message.setHeader(Exchange.CONTENT_TYPE, contentType(String.valueOf(exchange.getProperty(FORMAT))));
                message.setHeader("Idempotency-Key", key);
                String authorization = endpoints.authorization(payer);
                if (authorization != null) {
                    message.setHeader("Authorization", authorization);
                }
            }
            case "sftp" -> message.setHeader(Exchange.FILE_NAME, key + fileExtension(String.valueOf(exchange.getProperty(FORMAT))));
            default -> {
            }
        }
    }

    /** The payer took the claim: note its reference and whether it says it has registered it. */
    public void delivered(Exchange exchange) {
        String reference = null;
        boolean received = false;
        if ("http".equals(exchange.getProperty(CHANNEL, String.class))) {
            JsonNode answer = readQuietly(exchange.getMessage().getBody(String.class));
            JsonNode response = endpoints.settings(exchange.getProperty(PAYER, String.class)).path("http").path("response");
            reference = answer.path(response.path("reference").asText("reference")).asText(null);
            String status = answer.path(response.path("status").asText("status")).asText("").toUpperCase(Locale.ROOT);
            for (JsonNode word : response.path("receivedWhen")) {
                received |= word.asText().equalsIgnoreCase(status);
            }
        }
        if (reference != null && reference.length() > 80) {
            reference = reference.substring(0, 80);
        }
        attempt(exchange).end(Outcome.DELIVERED, reference, null, clock.instant());
        batch(exchange).receivedOnDelivery(exchange.getProperty(CLAIM, String.class), received);
    }

    /** The payer answered 4xx: sending the same claim again will not help, so it is not retried. */
    public void refused(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = cause instanceof HttpOperationFailedException http
                ? "The payer refused the claim (HTTP " + http.getStatusCode() + "): " + orEmpty(http.getResponseBody())
                : String.valueOf(cause);
        attempt(exchange).end(Outcome.REFUSED, null, error, clock.instant());
    }

    /** The channel failed (server error, time-out, connection refused): the claim is tried again later. */
    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = cause instanceof HttpOperationFailedException http
                ? "HTTP " + http.getStatusCode() + " from the payer: " + orEmpty(http.getResponseBody())
                : cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        DispatchBatch batch = batch(exchange);
        boolean givenUp = batch.deliveryCount() >= maxDeliveryAttempts;
        attempt(exchange).end(givenUp ? Outcome.DEAD_LETTERED : Outcome.FAILED, null, error, clock.instant());
    }

    /**
     * Records how every send of the batch went, on the message store and on the claims, a few
     * statements for the whole batch. If any claim is still to be sent (its channel failed), throws:
     * the broker then redelivers the message with growing delays, and on its last attempt moves it
     * to the dead-letter queue. The claims already delivered are not sent again.
     */
    public void finish(Exchange exchange) {
        DispatchBatch batch = batch(exchange);
        if (batch.isEmpty()) {
            return;
        }
        store.finishOutbound(batch.attempts());
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (DispatchBatch.Send send : batch.ended(Outcome.DELIVERED)) {
            outcomes.add(new DeliveryOutcome.Delivered(send.claimNumber(), send.attempt().payerReference(),
                    batch.payerSaysReceived(send.claimNumber()), send.attempt().payerCode()));
        }
        for (DispatchBatch.Send send : batch.ended(Outcome.REFUSED)) {
            outcomes.add(new DeliveryOutcome.Refused(send.claimNumber(), send.attempt().error()));
            log.warn("Claim {} refused by {}: {}", send.claimNumber(), send.attempt().payerCode(), send.attempt().error());
        }
        List<DispatchBatch.Send> failed = new ArrayList<>(batch.ended(Outcome.FAILED));
        failed.addAll(batch.ended(Outcome.DEAD_LETTERED));
        for (DispatchBatch.Send send : failed) {
            boolean givenUp = send.attempt().outcome() == Outcome.DEAD_LETTERED;
            outcomes.add(new DeliveryOutcome.Failing(send.claimNumber(), send.attempt().error(), givenUp));
            log.warn("Sending claim {} to {} failed (attempt {} of {}){}: {}", send.claimNumber(), send.attempt().payerCode(),
                    batch.deliveryCount(), maxDeliveryAttempts, givenUp ? ", moved to the dead-letter queue" : ", will retry",
                    send.attempt().error());
        }
        recordOnClaims(outcomes);
        List<DispatchBatch.Send> delivered = batch.ended(Outcome.DELIVERED);
        if (!delivered.isEmpty()) {
            log.info("Claims {} delivered to {} by {}", delivered.stream().map(DispatchBatch.Send::claimNumber).toList(),
                    delivered.get(0).attempt().payerCode(), delivered.get(0).attempt().channel());
        }
        List<DispatchBatch.Send> givenUp = batch.ended(Outcome.DEAD_LETTERED);
        if (!givenUp.isEmpty()) {
            tellOperators(givenUp, batch.deliveryCount());
        }
        if (!failed.isEmpty()) {
            throw new ClaimsToRetry(failed.stream().map(DispatchBatch.Send::claimNumber).toList());
        }
    }

    /** Route-level failure (the batch could not be read or recorded, or claims wait for a retry): the broker redelivers. */
    public void batchFailed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (!(cause instanceof ClaimsToRetry)) {
            log.warn("A message on the outbound queue could not be dispatched (delivery {} of {}); the broker will redeliver it",
                    deliveryCount(exchange), maxDeliveryAttempts, cause);
        }
    }

    /** Claims of a batch whose channel failed: thrown so the broker redelivers their message. */
    static final class ClaimsToRetry extends RuntimeException {
        ClaimsToRetry(List<String> claimNumbers) {
            super("Claims " + claimNumbers + " are to be sent again", null, false, false);
        }
    }

    /**
     * Notes the outcomes on the claims, retrying when a person changed a claim at the same moment.
     * If it still fails, the outcomes stay in the message store and the error is logged: the sends
     * themselves must not be repeated for a bookkeeping failure.
     */
    private void recordOnClaims(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                deliveries.record(outcomes);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    log.error("Could not note the delivery outcomes on claims {} after {} tries", claimNumbers(outcomes), attempt, e);
                    return;
                }
            } catch (RuntimeException e) {
                log.error("Could not note the delivery outcomes on claims {}", claimNumbers(outcomes), e);
                return;
            }
        }
    }

    private void tellOperators(List<DispatchBatch.Send> givenUp, int deliveryCount) {
        String payer = givenUp.get(0).attempt().payerCode();
        String claims = givenUp.stream().map(DispatchBatch.Send::claimNumber).collect(Collectors.joining(", "));
        String replay = givenUp.size() == 1 ? "?claimNumber=" + givenUp.get(0).claimNumber() : "";
        try {
            notifications.tellOperators("MESSAGE_DEAD_LETTERED", "Sending claim" + (givenUp.size() == 1 ? " " : "s ") + claims
                    + " to " + payer + " was given up after " + deliveryCount + " attempts: " + givenUp.get(0).attempt().error()
                    + ". Replay with POST /api/operations/dead-letters/replay" + replay);
        } catch (RuntimeException e) {
            log.error("Could not tell operators that claims {} were dead-lettered", claims, e);
        }
    }

    private static List<String> claimNumbers(List<DeliveryOutcome> outcomes) {
        return outcomes.stream().map(DeliveryOutcome::claimNumber).toList();
    }

    private static String key(CanonicalClaim claim) {
        return claim.claimNumber() + "-1";
    }

    private static DispatchBatch batch(Exchange exchange) {
        return exchange.getProperty(BATCH, DispatchBatch.class);
    }

    private static OutboundAttempt attempt(Exchange exchange) {
        return batch(exchange).send(exchange.getProperty(CLAIM, String.class)).attempt();
    }

    /** Which delivery of the JMS message this is (1 for the first), as the broker counts it. */
    private static int deliveryCount(Exchange exchange) {
        try {
            if (exchange.getIn() instanceof JmsMessage jms && jms.getJmsMessage() != null) {
                return jms.getJmsMessage().getIntProperty("JMSXDeliveryCount");
            }
        } catch (jakarta.jms.JMSException e) {
            log.debug("No delivery count on the message", e);
        }
        return 1;
    }

    static String fileExtension(String format) {
        return switch (format) {
            case "csv" -> ".csv";
            case "fhir" -> ".fhir.json";
            case "x12" -> ".x12";
            default -> ".json";
        };
    }

    static String contentType(String format) {
        return switch (format) {
            case "csv" -> "text/csv";
            case "fhir" -> "application/fhir+json";
            case "x12" -> "application/edi-x12";
            default -> "application/json";
        };
    }

    private JsonNode readQuietly(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) : text;
    }
}
