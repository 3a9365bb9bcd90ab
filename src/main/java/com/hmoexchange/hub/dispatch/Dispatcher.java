package com.hmoexchange.hub.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.claims.CanonicalClaim;
import com.hmoexchange.hub.claims.ClaimDeliveries;
import com.hmoexchange.hub.claims.ClaimDeliveries.DeliveryOutcome;
import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.messages.MessageStore;
import com.hmoexchange.hub.messages.MessageStore.TriesSoFar;
import com.hmoexchange.hub.messages.OutboundAttempt;
import com.hmoexchange.hub.messages.Outcome;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.ClaimFormat;
import com.hmoexchange.hub.payers.PayerAddresses;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    static final String PAYER_SETTINGS = "hubPayerSettings";
    static final String TARGET = "hubTarget";
    static final String KEY = "hubIdempotencyKey";
    static final String CANONICAL = "hubCanonical";
    static final String LOG_CONTEXT = "hubLogContext";
    /** The claim goes again after an attempt whose outcome is unknown (the email channel names the repeat). */
    static final String REPEAT = "hubRepeatAfterUnknownOutcome";
    static final String FOUND_AT_PAYER = "hubFoundAtPayer";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final ClaimDeliveries deliveries;
    private final MessageStore store;
    private final PayerCatalog payers;
    private final PayerAddresses addresses;
    private final Map<Channel, ClaimChannel> channels = new EnumMap<>(Channel.class);
    private final ObjectMapper json;
    private final int maxDeliveryAttempts;
    private final Notifications notifications;
    private final Clock clock;
    private final SendLeases leases;
    private final DatabaseOutage outage;

    private final DeliveryRepair repair;

    Dispatcher(ClaimDeliveries deliveries, MessageStore store, PayerCatalog payers, PayerAddresses addresses,
            List<ClaimChannel> channels, ObjectMapper json, DispatchSettings settings, Notifications notifications, Clock clock,
            SendLeases leases, DatabaseOutage outage, DeliveryRepair repair) {
        this.leases = leases;
        this.repair = repair;
        this.outage = outage;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.store = store;
        this.payers = payers;
        this.addresses = addresses;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        List<Channel> missing = Arrays.stream(Channel.values()).filter(c -> !this.channels.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No ClaimChannel bean for the channel(s) " + missing);
        }
        this.json = json;
        this.maxDeliveryAttempts = settings.maxDeliveryAttempts();
        this.clock = clock;
    }

    /**
     * Reads the claims the message names and starts an attempt for each that still has to go; the
     * body becomes the list of their numbers, for the route to send one by one. The idempotency key
     * is stable for the claim (a resubmission is another claim), so a claim the payer already has is
     * not sent again, and the payer can recognise a repeat. An operator's re-send goes out regardless.
     */
    public void prepare(Exchange exchange) throws JsonProcessingException {
        LogContext.clear(); // a consumer thread starts each message afresh
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
        if (byKey.isEmpty()) {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setBody(List.of());
            return;
        }
        // Leased before the tries are read: a copy of this message handled elsewhere now waits here, then reads them settled.
        SendLeases.Lease lease = leases.take(byKey.keySet());
        batch.hold(lease);
        List<String> settledEarlier = new ArrayList<>();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                lease.release();
                bringInLine(settledEarlier);
            }
        });
        try {
            start(batch, byKey, resend, settledEarlier);
        } catch (RuntimeException e) {
            // Tried again (a database outage) or given back to the broker: either way this batch's leases go now.
            lease.release();
            throw e;
        }
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(batch.claimNumbers());
    }

    /** Notes delivered, once its leases are let go, each claim of a redelivered batch the store has delivered. */
    private void bringInLine(List<String> settledEarlier) {
        try {
            repair.repairNow(settledEarlier);
        } catch (RuntimeException e) {
            log.warn("Could not bring claims {} in line with the message store now; the periodic repair will: {}",
                    settledEarlier, e.toString());
        }
    }

    /** Starts an attempt for each claim that still has to go, and stores them; a claim already settled is noted skipped. */
    private void start(DispatchBatch batch, Map<String, CanonicalClaim> byKey, boolean resend, List<String> settledEarlier) {
        int deliveryCount = batch.deliveryCount();
        Map<String, TriesSoFar> tries = store.triesSoFar(byKey.keySet());
        List<OutboundAttempt> started = new ArrayList<>();
        for (CanonicalClaim claim : byKey.values()) {
            PayerSettings payer = payers.settings(claim.payer().code());
            String key = key(claim);
            TriesSoFar before = tries.get(key);
            OutboundAttempt attempt = new OutboundAttempt(payer.channel().code(), payer.code(), claim.claimNumber(),
                    claim.providerReference(), key, before.nextAttempt(), addresses.describeClaimsOut(payer), clock.instant());
            attempt.claimSubmittedAt(claim.submittedAt());
            attempt.enrolleeNumber(claim.patient() == null ? null : claim.patient().enrolleeNumber());
            boolean settled = resend ? before.latestSettled() : before.settled();
            if (settled && deliveryCount > 1) {
                // The message is back: a neighbour's channel failed, or the node sending it died. Either way this claim
                // was settled then; if that node died before noting it on the claim, the claim is brought in line below.
                if (before.delivered()) {
                    settledEarlier.add(claim.claimNumber());
                }
                continue;
            }
            if (settled && !resend) {
                attempt.end(Outcome.SKIPPED_DUPLICATE, null, before.delivered() ? "already delivered; this repeat was not sent"
                        : "already refused by the payer; this repeat was not sent", clock.instant());
                started.add(attempt);
                continue;
            }
            if (payer.format() == ClaimFormat.X12) {
                // Stored before the send: the payer's 999 may come back before this batch is over.
                attempt.payload(null, Claim837.setControlNumber(claim.claimNumber()));
            }
            started.add(attempt);
            batch.add(new DispatchBatch.Send(claim, attempt, payer, before.outcomeUnknown()));
        }
        if (!started.isEmpty()) {
            store.startOutbound(started);
            store.finishOutbound(started);
        }
    }

    /** Route step, per claim: the body (a claim number) becomes its canonical JSON, and the properties say where it goes. */
    public void plan(Exchange exchange) throws JsonProcessingException {
        DispatchBatch.Send send = batch(exchange).send(exchange.getMessage().getBody(String.class));
        OutboundAttempt attempt = send.attempt();
        // Every line logged while this claim is sent (the channel's own too) names it; claimDone takes it off.
        exchange.setProperty(LOG_CONTEXT, LogContext.claim(send.claimNumber(), attempt.payerCode()));
        exchange.setProperty(CLAIM, send.claimNumber());
        exchange.setProperty(PAYER, attempt.payerCode());
        exchange.setProperty(PAYER_SETTINGS, send.payer());
        exchange.setProperty(KEY, attempt.idempotencyKey());
        exchange.setProperty(TARGET, addresses.claimsOut(send.payer()));
        String canonical = json.writeValueAsString(send.claim());
        exchange.setProperty(CANONICAL, canonical);
        exchange.getMessage().setBody(canonical);
    }

    /**
     * Keeps what goes out for the message store; the payer's channel then sets the headers of the send
     * (or, for email, makes the mail with the claim file attached).
     */
    public void sending(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String claimNumber = exchange.getProperty(CLAIM, String.class);
        PayerSettings payer = exchange.getProperty(PAYER_SETTINGS, PayerSettings.class);
        attempt(exchange).payload(message.getBody(String.class),
                payer.format() == ClaimFormat.X12 ? Claim837.setControlNumber(claimNumber) : null);
        message.removeHeaders("*");
        ClaimChannel channel = channels.get(payer.channel());
        String key = exchange.getProperty(KEY, String.class);
        boolean afterUnknownOutcome = batch(exchange).send(claimNumber).afterUnknownOutcome();
        exchange.setProperty(REPEAT, afterUnknownOutcome);
        if (afterUnknownOutcome && foundAtPayer(batch(exchange), payer, channel, key)) {
            exchange.setProperty(FOUND_AT_PAYER, true);
            return;
        }
        channel.prepare(exchange, payer, key);
    }

    /**
     * Whether the payer's side shows it has a claim whose earlier attempt's outcome is unknown. The payer is asked once
     * for all such claims of the batch (for SFTP: one connection, each folder listed once), at the first of them sent.
     */
    private static boolean foundAtPayer(DispatchBatch batch, PayerSettings payer, ClaimChannel channel, String key) throws IOException {
        Set<String> found = batch.foundAtPayer(payer.code());
        if (found == null) {
            found = channel.foundAtPayer(payer, batch.keysAfterUnknownOutcome(payer.code()));
            batch.foundAtPayer(payer.code(), found);
        }
        return found.contains(key);
    }

    /**
     * An earlier attempt's outcome was unknown and the payer's side shows the claim arrived (its file is in the
     * payer's folder): it is not sent again, and counts as delivered.
     */
    public void foundAtPayer(Exchange exchange) {
        OutboundAttempt attempt = attempt(exchange);
        log.info("Claim {} was not sent again: {} already has it from an attempt whose outcome was unknown",
                attempt.claimNumber(), attempt.payerCode());
        batch(exchange).receivedOnDelivery(attempt.claimNumber(), false);
        ended(attempt, Outcome.DELIVERED, null, null);
    }

    /**
     * Whether a failure means the hub's database cannot be reached (no connection, connection lost, server
     * shutting down or starting). The route then waits and tries the same step again, without giving the message
     * back to the broker: an outage delays delivery and uses up none of the claim's attempts.
     */
    public boolean databaseUnavailable(Exchange exchange) {
        Throwable cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return outage.during(cause);
    }

    /** Route step after each claim's send, however it ended: the log context goes back to the batch's. */
    public void claimDone(Exchange exchange) {
        LogContext context = exchange.getProperty(LOG_CONTEXT, LogContext.class);
        if (context != null) {
            context.close();
            exchange.removeProperty(LOG_CONTEXT);
        }
    }

    /** The payer took the claim: note its reference and whether it says it has registered it. */
    public void delivered(Exchange exchange) {
        PayerSettings payer = exchange.getProperty(PAYER_SETTINGS, PayerSettings.class);
        ClaimChannel.Acceptance acceptance = channels.get(payer.channel()).accepted(exchange, payer);
        String reference = acceptance.reference();
        boolean received = acceptance.received();
        if (reference != null && reference.length() > 80) {
            reference = reference.substring(0, 80);
        }
        batch(exchange).receivedOnDelivery(exchange.getProperty(CLAIM, String.class), received);
        ended(attempt(exchange), Outcome.DELIVERED, reference, null);
    }

    /**
     * The send failed. A 4xx answer means the payer will not take the claim as sent: it is refused and
     * not retried (408 and 429 mean "try later"). Anything else (5xx, time-out, connection refused, SFTP
     * or SMTP down) is a channel failure: the claim is tried again later, or given up on the last attempt.
     */
    public void sendFailed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (cause instanceof HttpOperationFailedException http && refusedByPayer(http.getStatusCode())) {
            ended(attempt(exchange), Outcome.REFUSED, null,
                    "The payer refused the claim (HTTP " + http.getStatusCode() + "): " + orEmpty(http.getResponseBody()));
            return;
        }
        String error = cause instanceof HttpOperationFailedException http
                ? "HTTP " + http.getStatusCode() + " from the payer: " + orEmpty(http.getResponseBody())
                : DeliveryErrors.describe(cause);
        boolean givenUp = batch(exchange).deliveryCount() >= maxDeliveryAttempts;
        ended(attempt(exchange), givenUp ? Outcome.DEAD_LETTERED : Outcome.FAILED, null, error);
    }

    static boolean refusedByPayer(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /**
     * Ends one claim's attempt and stores its outcome at once, so that if the batch breaks off later a
     * redelivery finds the claims already settled. Never throws: the send is over whatever happens
     * here, and {@link #finish} stores what could not be stored now.
     */
    private void ended(OutboundAttempt attempt, Outcome outcome, String reference, String error) {
        attempt.end(outcome, reference, error, clock.instant());
        try {
            store.finishOutbound(List.of(attempt));
        } catch (RuntimeException e) {
            log.warn("Could not store yet how sending claim {} ended ({}); will try again at the end of its batch",
                    attempt.claimNumber(), outcome, e);
        }
    }

    /**
     * Records how every send of the batch went on the claims, in one transaction. If any claim is
     * still to be sent (its channel failed), throws: the broker then redelivers the message with
     * growing delays, and on its last attempt moves it to the dead-letter queue. The claims settled
     * by then are not sent again.
     */
    public void finish(Exchange exchange) {
        DispatchBatch batch = batch(exchange);
        if (batch.isEmpty()) {
            return;
        }
        List<String> toRetry = settle(batch);
        if (!toRetry.isEmpty()) {
            throw new ClaimsToRetry(toRetry);
        }
    }

    /**
     * Route-level failure (the batch could not be read or recorded, or claims wait for a retry): the
     * broker redelivers. When the batch itself broke, the claims it did not get to are ended FAILED
     * (DEAD_LETTERED on the last attempt, and operators are told), and what was settled is recorded.
     */
    public void batchFailed(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (cause instanceof ClaimsToRetry) {
            return;
        }
        DispatchBatch batch = exchange.getProperty(BATCH, DispatchBatch.class);
        int deliveryCount = batch != null ? batch.deliveryCount() : deliveryCount(exchange);
        boolean givenUp = deliveryCount >= maxDeliveryAttempts;
        log.warn("A message on the outbound queue could not be dispatched (delivery {} of {}){}", deliveryCount,
                maxDeliveryAttempts, givenUp ? "; it goes to the dead-letter queue" : "; the broker will redeliver it", cause);
        if (batch == null) {
            if (givenUp) {
                String named = exchange.getMessage().getHeader("claimNumbers", "", String.class).replaceAll("^,|,$", "");
                tellOperators(named.isEmpty() ? "a message" : "claims " + named.replace(",", ", "), "its payer",
                        deliveryCount, String.valueOf(cause), !named.contains(","));
            }
            return;
        }
        for (OutboundAttempt attempt : batch.attempts()) {
            if (!attempt.ended()) {
                attempt.end(givenUp ? Outcome.DEAD_LETTERED : Outcome.FAILED, null,
                        "not sent: its batch failed first: " + cause, clock.instant());
            }
        }
        try {
            settle(batch);
        } catch (RuntimeException e) {
            log.error("Could not record how the claims {} of a failed batch ended", batch.claimNumbers(), e);
        }
    }

    /** Stores what is not stored yet, notes the outcomes on the claims, tells operators of the given up; returns the claims to retry. */
    private List<String> settle(DispatchBatch batch) {
        store.finishOutbound(batch.attempts());
        // Every outcome is stored: a copy waiting for these claims may read them now.
        batch.releaseLeases();
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (DispatchBatch.Send send : batch.ended(Outcome.DELIVERED)) {
            outcomes.add(new DeliveryOutcome.Delivered(send.claimNumber(), send.attempt().payerReference(),
                    batch.payerSaysReceived(send.claimNumber()), send.attempt().payerCode()));
        }
        for (DispatchBatch.Send send : batch.ended(Outcome.REFUSED)) {
            outcomes.add(new DeliveryOutcome.Refused(send.claimNumber(), send.attempt().error()));
            try (LogContext claim = LogContext.claim(send.claimNumber(), send.attempt().payerCode())) {
                log.warn("Claim {} refused by {}: {}", send.claimNumber(), send.attempt().payerCode(), loggable(send.attempt().error()));
            }
        }
        List<DispatchBatch.Send> failed = new ArrayList<>(batch.ended(Outcome.FAILED));
        failed.addAll(batch.ended(Outcome.DEAD_LETTERED));
        for (DispatchBatch.Send send : failed) {
            boolean givenUp = send.attempt().outcome() == Outcome.DEAD_LETTERED;
            outcomes.add(new DeliveryOutcome.Failing(send.claimNumber(), send.attempt().error(), givenUp));
            try (LogContext claim = LogContext.claim(send.claimNumber(), send.attempt().payerCode())) {
                log.warn("Sending claim {} to {} failed (attempt {} of {}){}: {}", send.claimNumber(), send.attempt().payerCode(),
                        batch.deliveryCount(), maxDeliveryAttempts, givenUp ? ", moved to the dead-letter queue" : ", will retry",
                        loggable(send.attempt().error()));
            }
        }
        recordOnClaims(outcomes);
        List<DispatchBatch.Send> delivered = batch.ended(Outcome.DELIVERED);
        for (DispatchBatch.Send send : delivered) {
            try (LogContext claim = LogContext.claim(send.claimNumber(), send.attempt().payerCode())) {
                log.info("Claim {} delivered to {} by {}", send.claimNumber(), send.attempt().payerCode(), send.attempt().channel());
            }
        }
        List<DispatchBatch.Send> givenUp = batch.ended(Outcome.DEAD_LETTERED);
        if (!givenUp.isEmpty()) {
            tellOperators((givenUp.size() == 1 ? "claim " : "claims ")
                    + givenUp.stream().map(DispatchBatch.Send::claimNumber).collect(Collectors.joining(", ")),
                    givenUp.get(0).attempt().payerCode(), batch.deliveryCount(), givenUp.get(0).attempt().error(),
                    givenUp.size() == 1);
        }
        return failed.stream().map(DispatchBatch.Send::claimNumber).toList();
    }

    /** Claims of a batch whose channel failed: thrown so the broker redelivers their message. */
    static final class ClaimsToRetry extends RuntimeException {
        ClaimsToRetry(List<String> claimNumbers) {
            super("Claims " + claimNumbers + " are to be sent again", null, false, false);
        }
    }

    /**
     * Notes the outcomes on the claims, retrying when a person changed a claim at the same moment; if
     * the batch as a whole still cannot be noted, each claim is noted on its own, so one claim's trouble
     * does not leave the others without their status. A claim that still fails keeps its outcome in the
     * message store and the error is logged: the send itself must not be repeated for a bookkeeping failure.
     */
    private void recordOnClaims(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty() || tryRecord(outcomes) || outcomes.size() == 1) {
            return;
        }
        outcomes.forEach(outcome -> tryRecord(List.of(outcome)));
    }

    private boolean tryRecord(List<DeliveryOutcome> outcomes) {
        for (int attempt = 1; ; attempt++) {
            try {
                deliveries.record(outcomes);
                return true;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    log.error("Could not note the delivery outcomes on claims {} after {} tries", claimNumbers(outcomes), attempt, e);
                    return false;
                }
            } catch (RuntimeException e) {
                log.error("Could not note the delivery outcomes on claims {}", claimNumbers(outcomes), e);
                return false;
            }
        }
    }

    /** The operators' notice and email, in words: the payer by name, and where to replay (the page, not the API). */
    private void tellOperators(String claims, String payer, int deliveryCount, String error, boolean one) {
        String payerName = payers.has(payer) ? payers.settings(payer).name() : payer;
        try {
            notifications.tellOperators(NotificationKind.MESSAGE_DEAD_LETTERED, "Sending " + claims + " to " + payerName
                    + " was given up after " + deliveryCount + " attempts: " + Display.in(java.time.ZoneOffset.UTC).inWords(error)
                    + ". Replay " + (one ? "it" : "them") + " on the Dead letters page in the hub once the cause is fixed.");
        } catch (RuntimeException e) {
            log.error("Could not tell operators that {} were dead-lettered", claims, e);
        }
    }

    private static List<String> claimNumbers(List<DeliveryOutcome> outcomes) {
        return outcomes.stream().map(DeliveryOutcome::claimNumber).toList();
    }

    private static String key(CanonicalClaim claim) {
        return idempotencyKey(claim.claimNumber());
    }

    /** The key every send of a claim carries: stable for the claim (a resubmission is another claim). */
    static String idempotencyKey(String claimNumber) {
        return claimNumber + "-1";
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

    private static final Pattern PAYERS_ANSWER = Pattern.compile("^(The payer refused the claim \\(HTTP \\d+\\)|HTTP \\d+ from the payer): .*",
            Pattern.DOTALL);

    /**
     * An error as the log gives it: without the payer's answer, which may quote the patient (the message store and
     * the claim keep it in full for an operator).
     */
    static String loggable(String error) {
        return error == null ? null : PAYERS_ANSWER.matcher(error).replaceFirst("$1; its answer is on the Messages page");
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.length() > 500 ? text.substring(0, 500) : text;
    }
}
