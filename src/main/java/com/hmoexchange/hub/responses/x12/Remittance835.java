package com.hmoexchange.hub.responses.x12;

import com.hmoexchange.hub.responses.Adjustment;
import com.hmoexchange.hub.responses.RemittedClaim;
import com.hmoexchange.hub.responses.RemittedLine;
import com.hmoexchange.hub.responses.Remittance;
import com.hmoexchange.hub.responses.UnreadableResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One 835 transaction set, one payment: BPR (total, date), TRN (the payment's trace number, its key), then a
 * CLP loop per claim with its CAS adjustments and SVC service lines (REF*6R echoes the hub's line sequence),
 * and PLB provider-level adjustments. Whether the total balances is for the poster to judge, not the reader.
 */
final class Remittance835 {

    private static final DateTimeFormatter X12_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private BigDecimal total;
    private LocalDate paymentDate;
    private LocalDate productionDate;
    private String traceNumber;
    private BigDecimal providerAdjustments = BigDecimal.ZERO;
    private final List<RemittedClaim> claims = new ArrayList<>();
    private ClaimLoop claim;
    private LineLoop line;

    private record LineLoop(String serviceCode, List<String> modifiers, BigDecimal charged, BigDecimal paid, Integer units,
            List<Adjustment> adjustments, Integer[] sequence, LocalDate[] serviceDate) {
    }

    private record ClaimLoop(String claimNumber, String payerReference, RemittedClaim.Kind kind, BigDecimal charged,
            BigDecimal paid, BigDecimal patientResponsibility, List<Adjustment> adjustments, List<LineLoop> lines) {
    }

    Remittance read(SegmentReader segments) throws UnreadableResponse {
        int lastSegment = 0;
        for (Segment s = segments.next(); s != null && !s.is("SE"); s = segments.next()) {
            lastSegment = s.number();
            switch (s.tag()) {
                case "BPR" -> {
                    total = s.amount(2);
                    paymentDate = s.element(16).isEmpty() ? null : date(s, 16);
                }
                case "TRN" -> traceNumber = s.element(2);
                case "DTM" -> {
                    if (claim == null && "405".equals(s.element(1))) {
                        productionDate = date(s, 2);
                    } else if (line != null && ("472".equals(s.element(1)) || "150".equals(s.element(1)))) {
                        line.serviceDate()[0] = date(s, 2);
                    }
                }
                case "CLP" -> {
                    closeClaim();
                    claim = new ClaimLoop(required(s, 1, "the claim number the hub sent"), blankToNull(s.element(7)),
                            kind(s), s.amount(3), s.amount(4), s.amountOrNull(5), new ArrayList<>(), new ArrayList<>());
                }
                case "SVC" -> {
                    requireClaim(s);
                    // SVC06, when given, is the procedure the provider billed (SVC01 is then what the payer adjudicated).
                    int billedAs = s.element(6).isEmpty() ? 1 : 6;
                    List<String> modifiers = new ArrayList<>();
                    for (int c = 3; c <= 6 && !s.component(billedAs, c).isEmpty(); c++) {
                        modifiers.add(s.component(billedAs, c));
                    }
                    line = new LineLoop(s.component(billedAs, 2).isEmpty() ? s.element(billedAs) : s.component(billedAs, 2),
                            modifiers, s.amount(2), s.amount(3), s.wholeNumberOrNull(5), new ArrayList<>(), new Integer[1],
                            new LocalDate[1]);
                    claim.lines().add(line);
                }
                case "CAS" -> {
                    requireClaim(s);
                    (line != null ? line.adjustments() : claim.adjustments()).addAll(adjustments(s));
                }
                case "REF" -> {
                    // 6R is the line control number the hub sent; many payers leave it out (matched by service then).
                    if (line != null && "6R".equals(s.element(1))) {
                        line.sequence()[0] = s.element(2).matches("\\d{1,6}") ? Integer.valueOf(s.element(2)) : null;
                    }
                }
                case "PLB" -> {
                    closeClaim();
                    for (int amount = 4; amount <= 14; amount += 2) {
                        providerAdjustments = providerAdjustments.add(s.amountOrZero(amount));
                    }
                }
                default -> {
                }
            }
        }
        closeClaim();
        if (total == null) {
            throw new UnreadableResponse(lastSegment, "835 without BPR: the payment's total is missing");
        }
        if (traceNumber == null || traceNumber.isEmpty()) {
            throw new UnreadableResponse(lastSegment, "835 without TRN02: the payment reference is missing");
        }
        LocalDate date = paymentDate != null ? paymentDate : productionDate;
        return new Remittance(traceNumber, date, total, providerAdjustments, claims);
    }

    private void closeClaim() {
        if (claim == null) {
            return;
        }
        List<RemittedLine> lines = claim.lines().stream().map(l -> new RemittedLine(l.sequence()[0], l.serviceCode(),
                l.modifiers(), l.serviceDate()[0], l.charged(), l.paid(), l.units(), null, l.adjustments())).toList();
        claims.add(new RemittedClaim(claim.claimNumber(), claim.payerReference(), claim.kind(), claim.charged(),
                claim.paid(), claim.patientResponsibility(), claim.adjustments(), lines));
        claim = null;
        line = null;
    }

    private void requireClaim(Segment s) throws UnreadableResponse {
        if (claim == null) {
            throw new UnreadableResponse(s.number(), s.tag() + " outside a CLP claim loop");
        }
    }

    /** CLP02: 4 denied, 22 reversal of an earlier payment, 23 not this payer's claim (paid nothing). */
    private static RemittedClaim.Kind kind(Segment clp) throws UnreadableResponse {
        return switch (clp.element(2)) {
            case "1", "2", "3", "19", "20", "21", "25" -> RemittedClaim.Kind.PROCESSED;
            case "4", "23" -> RemittedClaim.Kind.DENIED;
            case "22" -> RemittedClaim.Kind.REVERSAL;
            default -> throw new UnreadableResponse(clp.number(),
                    "CLP02 '%s' is not a claim status code the hub knows".formatted(clp.element(2)));
        };
    }

    /** CAS01 is the group; then up to six reason, amount, quantity triples. */
    private static List<Adjustment> adjustments(Segment cas) throws UnreadableResponse {
        Adjustment.Group group = Adjustment.Group.of(required(cas, 1, "the adjustment group"));
        if (group == null) {
            throw new UnreadableResponse(cas.number(), "CAS01 '%s' is not an adjustment group: CO (contractual), PR (patient "
                    .formatted(cas.element(1)) + "responsibility), OA (other) or PI (payer-initiated)");
        }
        List<Adjustment> result = new ArrayList<>();
        for (int reason = 2; reason <= 17; reason += 3) {
            if (!cas.element(reason).isEmpty()) {
                result.add(new Adjustment(group, cas.element(reason), cas.amount(reason + 1)));
            }
        }
        return result;
    }

    private static String required(Segment s, int position, String what) throws UnreadableResponse {
        String value = s.element(position);
        if (value.isEmpty()) {
            throw new UnreadableResponse(s.number(), "%s%02d (%s) is missing".formatted(s.tag(), position, what));
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(Segment s, int position) throws UnreadableResponse {
        try {
            return LocalDate.parse(s.element(position), X12_DATE);
        } catch (DateTimeParseException e) {
            throw new UnreadableResponse(s.number(), "%s%02d '%s' is not a date (CCYYMMDD)".formatted(s.tag(), position,
                    s.element(position)));
        }
    }
}
