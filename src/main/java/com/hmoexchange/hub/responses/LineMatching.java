package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.claims.BilledLines.Billed;
import com.hmoexchange.hub.web.Display;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the claim line each remitted service line is about when the payer did not echo the hub's line number
 * (many payers leave out X12 REF*6R): by service code, modifiers (the hub sends none), service date and billed
 * amount, taking the claim's lines in order so that two identical services match one each. A line that fits
 * no line of the claim is left unmatched, with the reason, for a person.
 */
final class LineMatching {

    private LineMatching() {
    }

    record Unmatched(RemittedLine line, String why) {
    }

    record Matched(RemittedClaim claim, List<Unmatched> unmatched) {
    }

    static Matched match(RemittedClaim claim, List<Billed> billed) {
        if (claim.lines().stream().allMatch(l -> l.sequence() != null)) {
            return new Matched(claim, List.of());
        }
        Set<Integer> taken = new HashSet<>();
        claim.lines().stream().filter(l -> l.sequence() != null).forEach(l -> taken.add(l.sequence()));
        List<RemittedLine> lines = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        for (RemittedLine line : claim.lines()) {
            if (line.sequence() != null) {
                lines.add(line);
                continue;
            }
            Billed found = billed.stream().filter(b -> !taken.contains(b.position()) && fits(line, b)).findFirst().orElse(null);
            if (found == null) {
                lines.add(line);
                unmatched.add(new Unmatched(line, why(claim.claimNumber(), line, billed, taken)));
            } else {
                taken.add(found.position());
                lines.add(line.matchedTo(found.position()));
            }
        }
        return new Matched(claim.withLines(lines), unmatched);
    }

    private static boolean fits(RemittedLine line, Billed b) {
        return sameCode(line, b) && line.modifiers().isEmpty()
                && (line.serviceDate() == null || line.serviceDate().equals(b.serviceDate()))
                && (line.charged() == null || line.charged().compareTo(b.amount()) == 0);
    }

    private static boolean sameCode(RemittedLine line, Billed b) {
        return line.serviceCode() != null && line.serviceCode().trim().equalsIgnoreCase(b.serviceCode());
    }

    private static String why(String claimNumber, RemittedLine line, List<Billed> billed, Set<Integer> taken) {
        String service = "service line " + (line.serviceCode() == null ? "without a service code" : line.serviceCode())
                + (line.modifiers().isEmpty() ? "" : " with modifiers " + String.join(":", line.modifiers()))
                + (line.serviceDate() == null ? "" : " on " + Display.dayOf(line.serviceDate()))
                + (line.charged() == null ? "" : " charged " + line.charged().toPlainString());
        List<Billed> sameCode = billed.stream().filter(b -> sameCode(line, b)).toList();
        String detail;
        if (sameCode.isEmpty()) {
            detail = "the claim has no line with that service code";
        } else if (!line.modifiers().isEmpty()) {
            detail = "the hub billed it without modifiers";
        } else if (sameCode.stream().allMatch(b -> taken.contains(b.position()))) {
            detail = "every line of the claim with that service code is already matched";
        } else {
            detail = "the claim's line with that code was billed " + sameCode.stream().filter(b -> !taken.contains(b.position()))
                    .map(b -> b.amount().toPlainString() + " on " + Display.dayOf(b.serviceDate())).toList();
        }
        return "The payer's " + service + " on claim " + claimNumber + " names no line number (REF*6R) and matches no line "
                + "of the claim: " + detail + ". The rest of the claim is applied; match the line by hand.";
    }
}
