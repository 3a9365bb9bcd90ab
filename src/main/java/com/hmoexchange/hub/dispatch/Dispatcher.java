package com.hmoexchange.hub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.claims.CanonicalClaim;
import com.hmoexchange.hub.claims.ClaimDeliveries;
import com.hmoexchange.hub.messages.MessageStore;
import com.hmoexchange.hub.messages.Outcome;
import com.hmoexchange.hub.notifications.Notifications;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The decisions of the dispatch route (routes/dispatch.camel.yaml): what to send, where, whether it
 * was already delivered, and what each outcome means for the claim. The route only moves the message.
 */
@Component("dispatcher")
public class Dispatcher {

    static final String CLAIM = "hubClaimNumber";
    static final String PAYER = "hubPayer";
    static final String CHANNEL = "hubChannel";
    static final String FORMAT = "hubFormat";
    static final String MAPPING = "hubMapping";
    static final String TARGET = "hubTarget";
    static final String KEY = "hubIdempotencyKey";
    static final String RECORD = "hubRecordId";
    static final String SKIP = "hubSkip";
    static final String CANONICAL = "hubCanonical";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ClaimDeliveries deliveries;
    private final MessageStore store;
    private final PayerEndpoints endpoints;
    private final ObjectMapper json;
    private final int maxDeliveryAttempts;
    private final Notifications notifications;

    Dispatcher(ClaimDeliveries deliveries, MessageStore store, PayerEndpoints endpoints, ObjectMapper json,
            @Value("${hub.dispatch.max-delivery-attempts}") int maxDeliveryAttempts, Notifications notifications) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.store = store;
        this.endpoints = endpoints;
        this.json = json;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    /**
     * Reads the claim the event names and plans its send. The idempotency key is stable for the
     * claim (a resubmission is another claim), so a redelivered event for a claim the payer already
     * has is skipped, and the payer can recognise a repeat. An operator's re-send goes out regardless.
     */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        JsonNode event = json.readTree(exchange.getMessage().getBody(String.class));
        String claimNumber = event.path("claimNumber").asText();
        boolean resend = "ClaimResendRequested".equals(exchange.getMessage().getHeader("eventType", String.class));
        CanonicalClaim claim = deliveries.canonical(claimNumber);
        String payer = claim.payer().code();
        String key = claimNumber + "-1";
        exchange.setProperty(CLAIM, claimNumber);
        exchange.setProperty(PAYER, payer);
        exchange.setProperty(KEY, key);
        String channel = endpoints.channel(payer);
        if (!resend && store.delivered(key)) {
            long id = store.startOutbound(channel, payer, claimNumber, claim.providerReference(), key, endpoints.describe(payer));
            store.finish(id, Outcome.SKIPPED_DUPLICATE, null, "already delivered; this repeat was not sent");
            exchange.setProperty(SKIP, true);
            return;
        }
        exchange.setProperty(SKIP, false);
        exchange.setProperty(CHANNEL, channel);
        exchange.setProperty(FORMAT, endpoints.format(payer));
        exchange.setProperty(MAPPING, endpoints.mappingResource(payer));
        exchange.setProperty(TARGET, endpoints.uri(payer));
        exchange.setProperty(RECORD, store.startOutbound(channel, payer, claimNumber, claim.providerReference(), key,
                endpoints.describe(payer)));
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        String canonical = json.writeValueAsString(claim);
        exchange.setProperty(CANONICAL, canonical);
        message.setBody(canonical);
    }

    /** Keeps what goes out in the message store, and sets the headers of the payer's channel. */
    public void sending(Exchange exchange) {
        Message message = exchange.getMessage();
        String payload = message.getBody(String.class);
        store.payload(exchange.getProperty(RECORD, Long.class), payload);
        String key = exchange.getProperty(KEY, String.class);
        String payer = exchange.getProperty(PAYER, String.class);
        message.removeHeaders("*");
        switch (exchange.getProperty(CHANNEL, String.class)) {
            case "http" -> {
                message.setHeader(Exchange.HTTP_METHOD, "POST");
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

    /** The payer took the claim: note its reference and, if it says so, that it has registered it. */
    public void delivered(Exchange exchange) {
        String claimNumber = exchange.getProperty(CLAIM, String.class);
        String channel = exchange.getProperty(CHANNEL, String.class);
        String reference = null;
        boolean received = false;
        if ("http".equals(channel)) {
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
        store.finish(exchange.getProperty(RECORD, Long.class), Outcome.DELIVERED, reference, null);
        String payerReference = reference;
        boolean payerSaysReceived = received;
        // The payer has the claim now: a failure to note it on the claim must not send it again.
        updateClaim(claimNumber, () -> deliveries.delivered(claimNumber, payerReference, payerSaysReceived,
                exchange.getProperty(PAYER, String.class)));
        log.info("Claim {} delivered to {} by {}", claimNumber, exchange.getProperty(PAYER), channel);
    }

    /** The payer answered 4xx: sending the same claim again will not help, so it is not retried. */
    public void refused(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = cause instanceof HttpOperationFailedException http
                ? "The payer refused the claim (HTTP " + http.getStatusCode() + "): " + orEmpty(http.getResponseBody())
                : String.valueOf(cause);
        store.finish(exchange.getProperty(RECORD, Long.class), Outcome.REFUSED, null, error);
        String claimNumber = exchange.getProperty(CLAIM, String.class);
        updateClaim(claimNumber, () -> deliveries.refused(claimNumber, error));
        log.warn("Claim {} refused by {}: {}", exchange.getProperty(CLAIM), exchange.getProperty(PAYER), error);
    }

    /**
     * The channel failed (server error, time-out, connection refused). The broker redelivers with
     * growing delays; after the last attempt the message goes to the dead-letter queue.
     */
    public void failed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String error = cause instanceof HttpOperationFailedException http
                ? "HTTP " + http.getStatusCode() + " from the payer: " + orEmpty(http.getResponseBody())
                : cause == null ? "unknown failure" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        int deliveryCount = deliveryCount(exchange);
        boolean givenUp = deliveryCount >= maxDeliveryAttempts;
        Long record = exchange.getProperty(RECORD, Long.class);
        if (record != null) {
            store.finish(record, givenUp ? Outcome.DEAD_LETTERED : Outcome.FAILED, null, error);
        }
        String claimNumber = exchange.getProperty(CLAIM, String.class);
        if (claimNumber != null) {
            updateClaim(claimNumber, () -> deliveries.failing(claimNumber, error, givenUp));
        }
        if (givenUp) {
            try {
                notifications.tellOperators("MESSAGE_DEAD_LETTERED", "Sending claim " + claimNumber + " to "
                        + exchange.getProperty(PAYER) + " was given up after " + deliveryCount + " attempts: " + error
                        + ". Replay it with POST /api/operations/dead-letters/replay?claimNumber=" + claimNumber);
            } catch (RuntimeException e) {
                log.error("Could not tell operators that claim {} was dead-lettered", claimNumber, e);
            }
        }
        log.warn("Sending claim {} to {} failed (attempt {} of {}){}: {}", claimNumber, exchange.getProperty(PAYER),
                deliveryCount, maxDeliveryAttempts, givenUp ? ", moved to the dead-letter queue" : ", will retry", error);
    }

    /**
     * Notes the delivery outcome on the claim, retrying when a person changed the claim at the same
     * moment. If it still fails, the outcome stays in the message store and the error is logged: the
     * send itself must not be repeated for a bookkeeping failure.
     */
    private static void updateClaim(String claimNumber, Runnable update) {
        for (int attempt = 1; ; attempt++) {
            try {
                update.run();
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    log.error("Could not note the delivery outcome on claim {} after {} tries", claimNumber, attempt, e);
                    return;
                }
            } catch (RuntimeException e) {
                log.error("Could not note the delivery outcome on claim {}", claimNumber, e);
                return;
            }
        }
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
