package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.claims.CanonicalClaim;
import com.hmoexchange.hub.messages.OutboundAttempt;
import com.hmoexchange.hub.messages.Outcome;
import com.hmoexchange.hub.payers.PayerSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims of one broker message on their way out: for each, its canonical form and the attempt
 * being made, and at the end how each went. The route sends them one by one; the dispatcher reads
 * and records them all at once. Only the consumer's thread touches it: the route's split is sequential.
 */
final class DispatchBatch {

    /**
     * One claim's send within the batch.
     *
     * @param afterUnknownOutcome an earlier attempt started and never ended: the payer may have the claim already
     */
    record Send(CanonicalClaim claim, OutboundAttempt attempt, PayerSettings payer, boolean afterUnknownOutcome) {

        String claimNumber() {
            return claim.claimNumber();
        }
    }

    private final int deliveryCount;
    private SendLeases.Lease lease;
    private final Map<String, Send> sends = new LinkedHashMap<>();
    /** For each delivered claim, whether its payer said it registered the claim (its reference is on the attempt). */
    private final Map<String, Boolean> receivedOnDelivery = new LinkedHashMap<>();

    /** For each payer asked, the keys of the claims it showed it has (after attempts whose outcome was unknown). */
    private final Map<String, Set<String>> foundAtPayer = new HashMap<>();

    DispatchBatch(int deliveryCount) {
        this.deliveryCount = deliveryCount;
    }

    int deliveryCount() {
        return deliveryCount;
    }

    /** The claims' send leases, held until their outcomes are stored. */
    void hold(SendLeases.Lease lease) {
        this.lease = lease;
    }

    void releaseLeases() {
        if (lease != null) {
            lease.release();
        }
    }

    void add(Send send) {
        sends.put(send.claimNumber(), send);
    }

    Send send(String claimNumber) {
        Send send = sends.get(claimNumber);
        if (send == null) {
            throw new IllegalStateException("Claim " + claimNumber + " is not in this batch");
        }
        return send;
    }

    /** The keys of this payer's claims that go again after an attempt whose outcome is unknown. */
    List<String> keysAfterUnknownOutcome(String payerCode) {
        return sends.values().stream().filter(s -> s.afterUnknownOutcome() && s.payer().code().equals(payerCode))
                .map(s -> s.attempt().idempotencyKey()).toList();
    }

    /** What the payer showed it has, or null when it was not asked yet. */
    Set<String> foundAtPayer(String payerCode) {
        return foundAtPayer.get(payerCode);
    }

    void foundAtPayer(String payerCode, Set<String> keys) {
        foundAtPayer.put(payerCode, keys);
    }

    void receivedOnDelivery(String claimNumber, boolean received) {
        receivedOnDelivery.put(claimNumber, received);
    }

    boolean payerSaysReceived(String claimNumber) {
        return receivedOnDelivery.getOrDefault(claimNumber, false);
    }

    List<String> claimNumbers() {
        return new ArrayList<>(sends.keySet());
    }

    List<OutboundAttempt> attempts() {
        return sends.values().stream().map(Send::attempt).toList();
    }

    List<Send> ended(Outcome outcome) {
        return sends.values().stream().filter(s -> s.attempt().outcome() == outcome).toList();
    }

    boolean isEmpty() {
        return sends.isEmpty();
    }
}
