package com.hmoexchange.hub.claims;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules for a payer's adjudication of a claim: where the claim may move, what the payer approved per line,
 * and when the same news is simply a repeat. Kept free of persistence so the same rules serve one claim
 * from a callback and 100,000 lines of a status file applied set-based ({@link ClaimAdjudications}).
 * Where the claim may move is {@link StatusRules}' (the same rules as for people); what is added here is what
 * the payer's amounts mean: the claim's decision follows from its lines.
 */
public final class Adjudication {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private Adjudication() {
    }

    /** A billed line as the rules need it. */
    public record BilledLine(int position, int quantity, BigDecimal amount) {
    }

    /** The claim as it stands. */
    public record ClaimState(String claimNumber, ClaimStatus status, BigDecimal approvedAmount, List<BilledLine> lines) {

        BigDecimal billed() {
            return lines.stream().map(BilledLine::amount).reduce(ZERO, BigDecimal::add);
        }
    }

    /** The payer's adjudication of one line as the core takes it: approved quantity and amount (either may be absent) and its reasons. */
    public record OfLine(int position, Integer approvedQuantity, BigDecimal approvedAmount, String reasons) {
    }

    /**
     * The payer's adjudication of the claim as the core takes it. {@code status} may be null when only amounts were given (a remittance);
     * {@code approvedTotal} is the claim-level amount when the payer gave no lines.
     */
    public record OfClaim(ClaimStatus status, BigDecimal approvedTotal, List<OfLine> lines, String reasons) {

        public OfClaim {
            lines = List.copyOf(lines);
        }
    }

    /** What applying an adjudication means for the claim. */
    public sealed interface Outcome permits Applied, Unchanged, Late, Refused {
    }

    /** The claim moves (or, for a decision, is decided) as the payer says. */
    public record Applied(ClaimStatus from, ClaimStatus to, BigDecimal approvedAmount, List<OfLine> lines,
            String reasons) implements Outcome {
    }

    /** The claim already says this: a repeat of earlier news, with no effect. */
    public record Unchanged(String why) implements Outcome {
    }

    /**
     * Older news than the claim's state (the payer's receipt, read after its review or decision): the claim stays
     * {@code current}; its history keeps the news, marked late. Not an error.
     */
    public record Late(ClaimStatus current, ClaimStatus news, String reasons) implements Outcome {
    }

    /** The adjudication cannot be applied (backwards, after a decision, unreadable amounts): recorded for a person. */
    public record Refused(String code, String why) implements Outcome {
    }

    public static Outcome decide(ClaimState claim, OfClaim adjudication) {
        if (claim.status() == ClaimStatus.DRAFT) {
            return refused(StatusRules.move(claim.claimNumber(), claim.status(), claim.approvedAmount(), adjudication.status(), null));
        }
        Map<Integer, BilledLine> billed = new HashMap<>();
        claim.lines().forEach(l -> billed.put(l.position(), l));
        for (OfLine line : adjudication.lines()) {
            if (!billed.containsKey(line.position())) {
                return new Refused("unknown-line", "Claim " + claim.claimNumber() + " has no line " + line.position()
                        + " (it has " + claim.lines().size() + ").");
            }
        }
        ClaimStatus target = adjudication.status();
        if (target == ClaimStatus.DRAFT || target == ClaimStatus.SUBMITTED) {
            return refused(StatusRules.move(claim.claimNumber(), claim.status(), claim.approvedAmount(), target, null));
        }
        BigDecimal approved = null;
        List<OfLine> lines = adjudication.lines();
        if (target == null || target.isDecision()) {
            BigDecimal total = claim.billed();
            if (target == ClaimStatus.REJECTED) {
                approved = ZERO;
                lines = rejectedLines(claim, adjudication);
            } else if (!lines.isEmpty()) {
                approved = approvedFromLines(billed, lines);
            } else if (adjudication.approvedTotal() != null) {
                approved = adjudication.approvedTotal().setScale(2, RoundingMode.HALF_UP);
            } else if (target == ClaimStatus.APPROVED) {
                approved = total;
            } else {
                return new Refused("amounts-missing", "The payer says " + (target == null ? "nothing of the status"
                        : target) + " for claim " + claim.claimNumber() + " without approved amounts per line or for the claim.");
            }
            if (approved.signum() < 0) {
                return new Refused("negative-approval", "The payer approved a negative amount (" + approved + ") on claim "
                        + claim.claimNumber() + ".");
            }
            // The claim's decision follows from what was approved, whatever word the payer used.
            target = StatusRules.decisionFor(approved, total);
            if (target == ClaimStatus.APPROVED) {
                approved = total;
            }
        }
        String reasons = reasons(adjudication, lines, target);
        StatusRules.Move move = StatusRules.move(claim.claimNumber(), claim.status(), claim.approvedAmount(), target, approved);
        if (move instanceof StatusRules.Forward forward) {
            return new Applied(forward.from(), forward.to(), approved, target.isDecision() ? lines : List.of(), reasons);
        }
        if (move instanceof StatusRules.Repeat repeat) {
            return new Unchanged("Claim " + claim.claimNumber() + " is already " + repeat.status() + ".");
        }
        if (move instanceof StatusRules.Late late) {
            return new Late(late.current(), late.news(), reasons);
        }
        return refused(move);
    }

    private static Refused refused(StatusRules.Move move) {
        StatusRules.Refused refused = (StatusRules.Refused) move;
        return new Refused(refused.code(), refused.why());
    }

    /** A line the payer did not mention is taken as approved in full. */
    private static BigDecimal approvedFromLines(Map<Integer, BilledLine> billed, List<OfLine> lines) {
        Map<Integer, BigDecimal> approved = new HashMap<>();
        billed.values().forEach(l -> approved.put(l.position(), l.amount()));
        for (OfLine line : lines) {
            BilledLine b = billed.get(line.position());
            BigDecimal amount = line.approvedAmount();
            if (amount == null && line.approvedQuantity() != null) {
                amount = b.quantity() == 0 ? ZERO : b.amount().multiply(BigDecimal.valueOf(line.approvedQuantity()))
                        .divide(BigDecimal.valueOf(b.quantity()), 2, RoundingMode.HALF_UP);
            }
            approved.put(line.position(), amount == null ? b.amount() : amount.setScale(2, RoundingMode.HALF_UP));
        }
        return approved.values().stream().reduce(ZERO, BigDecimal::add);
    }

    /** On a rejection every line is approved at nothing, keeping the line reasons the payer gave. */
    private static List<OfLine> rejectedLines(ClaimState claim, OfClaim adjudication) {
        Map<Integer, OfLine> given = new HashMap<>();
        adjudication.lines().forEach(l -> given.put(l.position(), l));
        List<OfLine> lines = new ArrayList<>();
        for (BilledLine b : claim.lines()) {
            OfLine said = given.get(b.position());
            lines.add(new OfLine(b.position(), 0, ZERO, said == null ? null : said.reasons()));
        }
        return lines;
    }

    private static String reasons(OfClaim adjudication, List<OfLine> lines, ClaimStatus target) {
        if (adjudication.reasons() != null && !adjudication.reasons().isBlank()) {
            return adjudication.reasons();
        }
        if (target == ClaimStatus.REJECTED || target == ClaimStatus.PARTIAL) {
            List<String> fromLines = lines.stream().filter(l -> l.reasons() != null && !l.reasons().isBlank())
                    .map(l -> "line " + l.position() + ": " + l.reasons()).toList();
            return fromLines.isEmpty() ? null : String.join("; ", fromLines);
        }
        return null;
    }
}
