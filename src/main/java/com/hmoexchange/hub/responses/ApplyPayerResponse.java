package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.claims.Adjudication;
import com.hmoexchange.hub.claims.Adjudication.Applied;
import com.hmoexchange.hub.claims.Adjudication.Late;
import com.hmoexchange.hub.claims.Adjudication.OfLine;
import com.hmoexchange.hub.claims.Adjudication.Refused;
import com.hmoexchange.hub.claims.Adjudication.OfClaim;
import com.hmoexchange.hub.claims.BilledLines;
import com.hmoexchange.hub.claims.ClaimPayments;
import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.claims.ClaimAdjudications;
import com.hmoexchange.hub.claims.PaymentRecorded;
import com.hmoexchange.hub.claims.PaymentStatus;
import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.responses.Adjustment;
import com.hmoexchange.hub.responses.ClaimAdjudication;
import com.hmoexchange.hub.responses.LineAdjudication;
import com.hmoexchange.hub.responses.PayerResponse;
import com.hmoexchange.hub.responses.Reason;
import com.hmoexchange.hub.responses.Remittance;
import com.hmoexchange.hub.responses.RemittedClaim;
import com.hmoexchange.hub.responses.SetAcknowledgement;
import com.hmoexchange.hub.messages.MessageRecordRepository;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.notifications.Notifications.PracticeNotice;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what a payer said (one normalised {@link PayerResponse}) to the core: claims' adjudications move claims
 * (set-based, {@link ClaimAdjudications}); remittances post money on the claims (each payment reference of a payer
 * once); acknowledgements move the claims their 837 carried. Whatever cannot be applied by itself goes to the
 * exceptions list; nothing stops the rest of the response. Billing staff are told of rejections, partial
 * approvals, payments and over-payments.
 */
@Service
public class ApplyPayerResponse {

    private final PayerRepository payers;
    private final ClaimAdjudications claimAdjudications;
    private final MessageRecordRepository messages;
    private final ClaimPayments payments;
    private final BilledLines billedLines;
    private final PayerExceptionRepository exceptions;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final ObjectMapper json;
    private final Clock clock;

    ApplyPayerResponse(PayerRepository payers, ClaimAdjudications claimAdjudications, ClaimPayments payments,
            BilledLines billedLines, PayerExceptionRepository exceptions, MessageRecordRepository messages, Notifications notifications, JdbcTemplate jdbc, EntityManager entities,
            ObjectMapper json, Clock clock) {
        this.payers = payers;
        this.claimAdjudications = claimAdjudications;
        this.messages = messages;
        this.payments = payments;
        this.billedLines = billedLines;
        this.exceptions = exceptions;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.entities = entities;
        this.json = json;
        this.clock = clock;
    }

    /** What applying a response did, for the inbound record and the sender's receipt. */
    public record Summary(int adjudications, int applied, int unchanged, int late, int payments, int duplicatePayments,
            int exceptions, List<String> problems, int setAside) {

        public String text() {
            return adjudications + " adjudication(s): " + applied + " applied, " + unchanged + " already known"
                    + (late > 0 ? ", " + late + " received late (kept in the claims' history)" : "") + "; " + payments
                    + " payment(s) posted" + (duplicatePayments > 0 ? ", " + duplicatePayments + " remittance(s) already posted" : "")
                    + "; " + exceptions + " exception(s)" + (setAside > 0 ? "; " + setAside + " part(s) kept without effect" : "");
        }
    }

    private final class Run {
        final Payer payer;
        final Long documentId;
        final String source;
        final List<PracticeNotice> notices = new ArrayList<>();
        int adjudications;
        int applied;
        int unchanged;
        int late;
        int posted;
        int duplicatePayments;
        int exceptionCount;
        int setAside;
        final List<String> problems = new ArrayList<>();

        Run(Payer payer, Long documentId, String source) {
            this.payer = payer;
            this.documentId = documentId;
            this.source = source;
        }

        void exception(String kind, PayerException.ItemType type, String claimNumber, String paymentReference,
                BigDecimal amount, String detail, Object item) {
            exceptions.save(new PayerException(payer.getCode(), kind, type, claimNumber, paymentReference, amount, detail,
                    json.valueToTree(item).toString(), documentId, clock.instant()));
            exceptionCount++;
            if (problems.size() < 20) {
                problems.add(kind + ": " + detail);
            }
        }

        Summary summary() {
            return new Summary(adjudications, applied, unchanged, late, posted, duplicatePayments, exceptionCount, List.copyOf(problems), setAside);
        }
    }

    /** Applies a response of the payer in the caller's transaction. {@code source} names it in claim histories. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Summary apply(String payerCode, PayerResponse response, Long documentId, String source) {
        Run run = new Run(payer(payerCode), documentId, source);
        adjudications(run, response.adjudications());
        for (SetAcknowledgement ack : response.acknowledgements()) {
            acknowledgement(run, ack, null);
        }
        for (Remittance remittance : response.remittances()) {
            remittance(run, remittance);
        }
        // Kept with the inbound record (a pre-authorisation adjudication, one naming no claim): counted, not applied.
        run.setAside += response.setAside().size();
        notifications.tellPractices(run.notices, "Claims news from " + run.payer.getName());
        return run.summary();
    }

    // ---- adjudications -------------------------------------------------------------------------------

    private void adjudications(Run run, List<ClaimAdjudication> adjudications) {
        run.adjudications += adjudications.size();
        List<ClaimAdjudications.Item> items = adjudications.stream().map(a -> new ClaimAdjudications.Item(a.claimNumber(), ofClaim(a),
                a.split(), a.payerReference())).toList();
        List<ClaimAdjudications.Result> results = claimAdjudications.apply(run.payer.getId(), run.payer.getStaleAfterDays(), items, run.source);
        for (int i = 0; i < results.size(); i++) {
            ClaimAdjudications.Result result = results.get(i);
            ClaimAdjudication adjudication = adjudications.get(i);
            if (result.unknownClaim()) {
                run.exception("UNKNOWN_CLAIM", PayerException.ItemType.ANSWER, adjudication.claimNumber(), null, null,
                        run.payer.getName() + " answered about claim " + adjudication.claimNumber() + ", which it does not have from the hub.",
                        adjudication);
            } else {
                outcome(run, result, adjudication, PayerException.ItemType.ANSWER, null);
            }
        }
    }

    private void outcome(Run run, ClaimAdjudications.Result result, Object item, PayerException.ItemType type, String paymentReference) {
        String claimNumber = result.item().claimNumber();
        try (LogContext claim = LogContext.claim(claimNumber, null)) {
            noteOutcome(run, result, claimNumber, item, type, paymentReference);
        }
    }

    private void noteOutcome(Run run, ClaimAdjudications.Result result, String claimNumber, Object item, PayerException.ItemType type,
            String paymentReference) {
        if (result.outcome() instanceof Applied applied) {
            run.applied++;
            if (applied.to() == ClaimStatus.REJECTED) {
                run.notices.add(new PracticeNotice(result.providerId(), NotificationKind.CLAIM_REJECTED, claimNumber, "Claim " + claimNumber
                        + " was rejected by " + run.payer.getName() + (applied.reasons() == null ? "" : ": " + applied.reasons())));
            } else if (applied.to() == ClaimStatus.PARTIAL) {
                run.notices.add(new PracticeNotice(result.providerId(), NotificationKind.CLAIM_PARTIAL, claimNumber, "Claim " + claimNumber
                        + " was partially approved by " + run.payer.getName() + ": " + Display.moneyOf(applied.approvedAmount(), null) + " approved"
                        + (applied.reasons() == null ? "" : " (" + applied.reasons() + ")")));
            }
        } else if (result.outcome() instanceof Refused refused) {
            run.exception(refused.code().toUpperCase().replace('-', '_'), type, claimNumber, paymentReference, null,
                    refused.why(), item);
        } else if (result.outcome() instanceof Late) {
            run.late++;
        } else {
            run.unchanged++;
        }
    }

    static OfClaim ofClaim(ClaimAdjudication adjudication) {
        List<OfLine> lines = adjudication.lines().stream().map(ApplyPayerResponse::ofLine).toList();
        return new OfClaim(adjudication.status(), null, lines, reasons(adjudication.reasons()));
    }

    private static OfLine ofLine(LineAdjudication line) {
        return new OfLine(line.sequence(), line.approvedQuantity(), line.approvedAmount(), reasons(line.reasons()));
    }

    /**
     * The reasons as people read them: a payer's code with its meaning ("R07: No referral letter on file"). A 277CA
     * status (A2:20) is not repeated before its text, which already spells it out ("Accepted into adjudication: ...").
     */
    static String reasons(List<Reason> reasons) {
        if (reasons.isEmpty()) {
            return null;
        }
        return reasons.stream().map(r -> r.code() == null || ACKNOWLEDGEMENT_STATUS.matcher(r.code()).matches() && r.text() != null
                        ? r.text() : r.text() == null ? r.code() : r.code() + ": " + r.text())
                .collect(Collectors.joining("; "));
    }

    /** A 277CA category and status code (A0-A8, optionally :code), as ClaimAcknowledgement277 keeps it. */
    private static final java.util.regex.Pattern ACKNOWLEDGEMENT_STATUS = java.util.regex.Pattern.compile("A[0-8](:\\w+)?");

    // ---- acknowledgements ----------------------------------------------------------------------

    /**
     * A 999 accepts or rejects a transaction set the hub sent: the claims it carried become RECEIVED or
     * REJECTED. The claims are found by the set control number (ST02) kept with the outbound message.
     */
    void acknowledgement(Run run, SetAcknowledgement ack, String claimNumber) {
        List<String> numbers = claimNumber != null ? List.of(claimNumber)
                : messages.claimNumbersSentAs(run.payer.getCode(), ack.setControlNumber());
        if (numbers.isEmpty()) {
            run.exception("UNMATCHED_ACKNOWLEDGEMENT", PayerException.ItemType.ACKNOWLEDGEMENT, null, null, null,
                    run.payer.getName() + " " + (ack.accepted() ? "accepted" : "rejected") + " transaction set "
                            + ack.setControlNumber() + ", which no claim sent by the hub carried.", ack);
            return;
        }
        OfClaim adjudication = new OfClaim(ack.accepted() ? ClaimStatus.RECEIVED : ClaimStatus.REJECTED, null, List.of(),
                ack.accepted() ? "accepted (999, set " + ack.setControlNumber() + ")" : reasons(ack.errors()));
        List<ClaimAdjudications.Item> items = numbers.stream().map(c -> new ClaimAdjudications.Item(c, adjudication)).toList();
        run.adjudications += items.size();
        for (ClaimAdjudications.Result result : claimAdjudications.apply(run.payer.getId(), run.payer.getStaleAfterDays(), items, run.source)) {
            if (!result.unknownClaim()) {
                outcome(run, result, ack, PayerException.ItemType.ACKNOWLEDGEMENT, null);
            }
        }
    }

    // ---- remittances ---------------------------------------------------------------------------

    private void remittance(Run run, Remittance remittance) {
        Integer seen = jdbc.queryForObject("select count(*) from remittance where payer_code = ? and payment_reference = ?",
                Integer.class, run.payer.getCode(), remittance.paymentReference());
        if (seen != null && seen > 0) {
            run.duplicatePayments++;
            return;
        }
        jdbc.update("insert into remittance (payer_code, payment_reference, payment_date, total, document_id, posted_at) "
                + "values (?, ?, ?, ?, ?, ?)", run.payer.getCode(), remittance.paymentReference(), remittance.paymentDate(),
                remittance.total(), run.documentId, clock.instant().atOffset(ZoneOffset.UTC));
        Map<String, BigDecimal> billed = claimAdjudications.billed(run.payer.getId(),
                remittance.claims().stream().map(RemittedClaim::claimNumber).filter(n -> n != null).distinct().toList());
        Map<String, List<BilledLines.Billed>> lines = remittance.claims().stream().anyMatch(c -> c.lines().stream()
                .anyMatch(l -> l.sequence() == null)) ? billedLines.of(run.payer.getId(), List.copyOf(billed.keySet())) : Map.of();
        List<RemittedClaim> postable = new ArrayList<>();
        for (RemittedClaim remitted : remittance.claims()) {
            RemittedClaim claim = remitted;
            PaymentItem item = new PaymentItem(remittance.paymentReference(), remittance.paymentDate(), claim);
            BigDecimal claimBilled = billed.get(claim.claimNumber());
            if (claim.claimNumber() == null) {
                run.exception("CLAIM_NOT_NAMED", PayerException.ItemType.PAYMENT, null, remittance.paymentReference(),
                        claim.paid(), run.payer.getName() + " paid " + claim.paid() + " (payment " + remittance.paymentReference()
                                + ") without naming the claim it pays; match it to the claim by hand.", item);
            } else if (claimBilled == null) {
                run.exception("UNKNOWN_CLAIM", PayerException.ItemType.PAYMENT, claim.claimNumber(), remittance.paymentReference(),
                        claim.paid(), run.payer.getName() + " paid " + claim.paid() + " (payment " + remittance.paymentReference()
                                + ") for claim " + claim.claimNumber() + ", which it does not have from the hub.", item);
            } else if (claim.charged() != null && claim.charged().compareTo(claimBilled) != 0) {
                run.exception("AMOUNT_MISMATCH", PayerException.ItemType.PAYMENT, claim.claimNumber(), remittance.paymentReference(),
                        claim.paid(), run.payer.getName() + " remits claim " + claim.claimNumber() + " as charged " + claim.charged()
                                + " but the hub billed " + claimBilled + "; not posted.", item);
            } else {
                LineMatching.Matched matched = LineMatching.match(claim, lines.getOrDefault(claim.claimNumber(), List.of()));
                for (LineMatching.Unmatched line : matched.unmatched()) {
                    run.exception("UNMATCHED_LINE", PayerException.ItemType.PAYMENT, claim.claimNumber(),
                            remittance.paymentReference(), line.line().paid(), line.why(),
                            new PaymentItem(remittance.paymentReference(), remittance.paymentDate(), claim));
                }
                postable.add(matched.claim());
            }
        }
        post(run, remittance.paymentReference(), remittance.paymentDate(), postable);
    }

    /** One remitted claim with the payment it came in: what the exceptions list keeps for a payment. */
    record PaymentItem(String paymentReference, LocalDate paymentDate, RemittedClaim claim) {
    }

    /** Decides the claims the payment covers (denied, approved, part-approved), then posts the money on each. */
    void post(Run run, String paymentReference, LocalDate paymentDate, List<RemittedClaim> claims) {
        List<RemittedClaim> decided = claims.stream().filter(c -> c.kind() != RemittedClaim.Kind.REVERSAL).toList();
        List<ClaimAdjudications.Item> items = decided.stream().map(c -> new ClaimAdjudications.Item(c.claimNumber(), ofClaim(c), c.split()))
                .toList();
        // Claims are changed set-based first, then loaded afresh for the payments.
        entities.flush();
        entities.clear();
        List<ClaimAdjudications.Result> results = claimAdjudications.apply(run.payer.getId(), run.payer.getStaleAfterDays(), items, run.source);
        for (int i = 0; i < results.size(); i++) {
            ClaimAdjudications.Result result = results.get(i);
            if (!result.unknownClaim() && !(result.outcome() instanceof Refused)) {
                outcome(run, result, null, PayerException.ItemType.PAYMENT, paymentReference);
            } else if (result.outcome() instanceof Refused refused) {
                RemittedClaim c = decided.get(i);
                run.exception("DECISION_DIFFERS", PayerException.ItemType.PAYMENT, c.claimNumber(), paymentReference, c.paid(),
                        refused.why() + " The payment is posted as it came.", new PaymentItem(paymentReference, paymentDate, c));
            }
        }
        for (RemittedClaim c : claims) {
            PaymentItem item = new PaymentItem(paymentReference, paymentDate, c);
            try (LogContext claim = LogContext.claim(c.claimNumber(), null)) {
                PaymentRecorded recorded;
                if (c.kind() == RemittedClaim.Kind.REVERSAL && c.paid().signum() == 0) {
                    continue; // reverses a denial (nothing was paid): no money moves; its new adjudication follows
                } else if (c.kind() == RemittedClaim.Kind.REVERSAL) {
                    recorded = payments.reverse(c.claimNumber(), paymentReference, c.paid(), paymentDate, run.source);
                } else if (c.paid().signum() > 0) {
                    recorded = payments.pay(c.claimNumber(), paymentReference, c.paid(), paymentDate, run.source);
                } else {
                    continue;
                }
                run.posted++;
                long providerId = payments.find(run.payer.getId(), c.claimNumber()).orElseThrow().providerId();
                if (recorded.overpaidBy().signum() > 0) {
                    run.exception("OVERPAYMENT", PayerException.ItemType.PAYMENT, c.claimNumber(), paymentReference, c.paid(),
                            "Claim " + c.claimNumber() + " is over-paid by " + recorded.overpaidBy() + " after payment "
                                    + paymentReference + ".", item);
                    run.notices.add(new PracticeNotice(providerId, NotificationKind.CLAIM_OVERPAID, c.claimNumber(), "Claim " + c.claimNumber()
                            + " was over-paid by " + Display.moneyOf(recorded.overpaidBy(), null) + " (payment " + paymentReference + ")"));
                } else if (recorded.paymentStatus() == PaymentStatus.PAID && c.kind() != RemittedClaim.Kind.REVERSAL) {
                    run.notices.add(new PracticeNotice(providerId, NotificationKind.CLAIM_PAID, c.claimNumber(), "Claim " + c.claimNumber()
                            + " was paid: " + Display.moneyOf(c.paid(), null) + " by " + run.payer.getName() + " (payment " + paymentReference + ")"));
                } else if (c.kind() == RemittedClaim.Kind.REVERSAL) {
                    run.notices.add(new PracticeNotice(providerId, NotificationKind.PAYMENT_REVERSED, c.claimNumber(), run.payer.getName()
                            + " reversed " + Display.moneyOf(c.paid().abs(), null) + " on claim " + c.claimNumber() + " (payment " + paymentReference + ")"));
                }
            } catch (RuleViolation e) {
                run.exception(e.code().toUpperCase().replace('-', '_'), PayerException.ItemType.PAYMENT, c.claimNumber(),
                        paymentReference, c.paid(), e.getMessage(), item);
            }
        }
        entities.flush();
        entities.clear();
        // Operators find the messages that carried these claims by the payment reference too.
        List<String> paid = claims.stream().map(RemittedClaim::claimNumber).filter(n -> n != null).distinct().toList();
        if (!paid.isEmpty()) {
            messages.paymentPosted(run.payer.getCode(), paymentReference, paid);
        }
    }

    /** What a remitted claim says of the decision: denied is a rejection; otherwise what was paid was approved. */
    static OfClaim ofClaim(RemittedClaim c) {
        String reasons = c.adjustments().stream().map(ApplyPayerResponse::adjustment).collect(Collectors.joining("; "));
        List<OfLine> lines = c.lines().stream().filter(l -> l.sequence() != null)
                .map(l -> new OfLine(l.sequence(), l.units(), l.paid(), l.adjustments().isEmpty() ? null
                        : l.adjustments().stream().map(ApplyPayerResponse::adjustment).collect(Collectors.joining("; "))))
                .toList();
        if (c.kind() == RemittedClaim.Kind.DENIED) {
            return new OfClaim(ClaimStatus.REJECTED, BigDecimal.ZERO, lines, reasons.isEmpty() ? "denied in payment" : reasons);
        }
        boolean byLine = !lines.isEmpty() && lines.size() == c.lines().size();
        return new OfClaim(null, byLine ? null : c.paid(), byLine ? lines : List.of(), reasons.isEmpty() ? null : reasons);
    }

    private static String adjustment(Adjustment a) {
        return a.describe();
    }

    // ---- by hand -------------------------------------------------------------------------------

    /** A person applies an exception's adjudication to the claim they chose; refused as the payer's would be. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Summary applyByHand(String payerCode, ClaimAdjudication adjudication, String by) {
        Run run = new Run(payer(payerCode), null, by);
        adjudications(run, List.of(adjudication));
        notifications.tellPractices(run.notices, "Claims news from " + run.payer.getName());
        return run.summary();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Summary postByHand(String payerCode, String paymentReference, LocalDate paymentDate, RemittedClaim claim, String by) {
        Run run = new Run(payer(payerCode), null, by);
        if (payments.find(run.payer.getId(), claim.claimNumber()).isEmpty()) {
            return notTheirs(run, claim.claimNumber());
        }
        post(run, paymentReference, paymentDate, List.of(claim));
        notifications.tellPractices(run.notices, "Claims news from " + run.payer.getName());
        return run.summary();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Summary acknowledgeByHand(String payerCode, SetAcknowledgement ack, String claimNumber, String by) {
        Run run = new Run(payer(payerCode), null, by);
        if (payments.find(run.payer.getId(), claimNumber).isEmpty()) {
            return notTheirs(run, claimNumber);
        }
        acknowledgement(run, ack, claimNumber);
        return run.summary();
    }

    /** A person matched an item to a claim the payer does not have from the hub: refused, nothing of it shown. */
    private static Summary notTheirs(Run run, String claimNumber) {
        run.problems.add("claim " + claimNumber + " is not a claim the hub sent to " + run.payer.getName());
        return run.summary();
    }

    private Payer payer(String code) {
        return payers.findByCode(code).orElseThrow(() -> new IllegalArgumentException("No payer " + code));
    }

}
