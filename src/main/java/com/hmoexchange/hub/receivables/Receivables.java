package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.receivables.Figures.Aging;
import com.hmoexchange.hub.receivables.Figures.BelowTariff;
import com.hmoexchange.hub.receivables.Figures.Party;
import com.hmoexchange.hub.receivables.Figures.ReasonCount;
import com.hmoexchange.hub.receivables.Figures.Summary;
import com.hmoexchange.hub.receivables.ReceivablesQueries.Money;
import com.hmoexchange.hub.receivables.ReceivablesQueries.PaidLine;
import com.hmoexchange.hub.receivables.ReceivablesQueries.ReasonsOfClaims;
import com.hmoexchange.hub.receivables.ReceivablesQueries.StatementRow;
import com.hmoexchange.hub.security.HubUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import com.hmoexchange.hub.web.Display;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owes what and for how long: a practice's figures per payer, an HMO's per practice, and the statement of
 * account between the two. The tenant always comes from the signed-in user (a practice's own claims, an HMO's
 * own payer's), so nobody reaches another's figures by naming it.
 */
@Service
@Transactional(readOnly = true)
public class Receivables {

    static final int TOP_REASONS = 3;
    static final int BELOW_TARIFF_SHOWN = 20;
    private static final Pattern PLACE = Pattern.compile("^(line|service) \\d+: ", Pattern.CASE_INSENSITIVE);

    private final ReceivablesQueries queries;
    private final Clock clock;
    private final ZoneId zone;

    Receivables(ReceivablesQueries queries, Clock clock, Display show) {
        this.queries = queries;
        this.clock = clock;
        this.zone = show.zone(); // the hub's one display zone (hub.display.time-zone)
    }

    public Summary practice(HubUser user) {
        return summary(Side.PRACTICE, user.requireProviderId(), clock.instant());
    }

    public Summary hmo(HubUser user) {
        long payerId = user.requireHmoPayerId();
        Summary own = summary(Side.HMO, payerId, clock.instant());
        return new Summary(own.side(), own.currency(), own.asOf(), own.parties(), own.totalOwed(), own.belowTariff(),
                queries.pendingRequests(payerId, clock.instant(), zone));
    }

    /** The practice's statement with one payer, named by its code. */
    public Statement practiceStatement(HubUser user, String payerCode, LocalDate from, LocalDate to) {
        long providerId = user.requireProviderId();
        return statement(providerId, party(Side.PRACTICE, payerCode), from, to, clock.instant());
    }

    /** The HMO's statement with one practice, named by its code: the same claims the practice sees, from the other side. */
    public Statement hmoStatement(HubUser user, String practiceCode, LocalDate from, LocalDate to) {
        long payerId = user.requireHmoPayerId();
        return statement(party(Side.HMO, practiceCode), payerId, from, to, clock.instant());
    }

    /** The signed-in user's figures: their practice's per payer, or their HMO's per practice. */
    public Summary of(HubUser user) {
        return user.role().isProviderSide() ? practice(user) : hmo(user);
    }

    /** The signed-in user's statement with the other party named by its code (a payer for a practice, a practice for an HMO). */
    public Statement statementWith(HubUser user, String code, LocalDate from, LocalDate to) {
        return user.role().isProviderSide() ? practiceStatement(user, code, from, to) : hmoStatement(user, code, from, to);
    }

    ZoneId zone() {
        return zone;
    }

    Summary summary(Side side, long tenant, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        long offset = zone.getRules().getOffset(now).getTotalSeconds();
        Map<Long, String[]> names = queries.parties(side);
        Map<Long, List<ReasonCount>> reasons = reasons(queries.rejectionReasons(side, tenant));
        List<PaidLine> below = queries.belowTariff(side, tenant, today);
        List<Party> parties = new ArrayList<>();
        Aging total = Aging.NONE;
        for (Money m : queries.money(side, tenant, today.toEpochDay(), offset)) {
            String[] name = names.getOrDefault(m.party(), new String[] {"?", "?"});
            List<PaidLine> mine = below.stream().filter(l -> l.party() == m.party()).toList();
            BigDecimal shortfall = mine.stream().map(l -> l.atTariff().subtract(l.paid())).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            BigDecimal rate = m.firstDecided() == 0 ? null
                    : BigDecimal.valueOf(m.firstAccepted()).divide(BigDecimal.valueOf(m.firstDecided()), 4, RoundingMode.HALF_UP);
            parties.add(new Party(name[0], name[1], m.currency(), m.owed(), m.claimsOwed(), m.medianDaysToDecision(),
                    m.medianDaysToPayment(), m.firstDecided(), m.firstAccepted(), rate,
                    reasons.getOrDefault(m.party(), List.of()), mine.stream().map(PaidLine::claimId).distinct().count(), shortfall));
            total = total.plus(m.owed());
        }
        parties.sort(Comparator.comparing(Party::owedTotal).reversed().thenComparing(Party::name));
        List<BelowTariff> shown = below.stream().limit(BELOW_TARIFF_SHOWN)
                .map(l -> l.shown(names.getOrDefault(l.party(), new String[] {"?", "?"})[1])).toList();
        String currency = parties.isEmpty() ? "NGN" : parties.get(0).currency();
        return new Summary(side.name(), currency, today, parties, total, shown, List.of());
    }

    Statement statement(long providerId, long payerId, LocalDate from, LocalDate to, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate last = to == null ? today : to;
        if (from != null && from.isAfter(last)) {
            throw new InvalidInput("from", "The period starts (" + from + ") after it ends (" + last + "): give a start on or before the end.");
        }
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<Statement.Line> lines = new ArrayList<>();
        BigDecimal billed = zero();
        BigDecimal approved = zero();
        BigDecimal paid = zero();
        BigDecimal outstanding = zero();
        String currency = "NGN";
        for (StatementRow r : queries.statement(providerId, payerId, start, end)) {
            LocalDate submitted = LocalDate.ofInstant(r.submittedAt(), zone);
            lines.add(new Statement.Line(r.claimNumber(), r.patient(), r.serviceDate(), submitted, r.billed(), r.approved(),
                    r.paid(), r.outstanding(), ChronoUnit.DAYS.between(submitted, today),
                    Presentation.status(r.status(), r.paymentStatus())));
            billed = billed.add(r.billed());
            approved = r.approved() == null ? approved : approved.add(r.approved());
            paid = paid.add(r.paid());
            outstanding = outstanding.add(r.outstanding());
            currency = r.currency();
        }
        String[] practice = queries.parties(Side.HMO).get(providerId);
        String[] payer = queries.parties(Side.PRACTICE).get(payerId);
        return new Statement(practice[0], practice[1], payer[0], payer[1], currency, from, last, now, lines,
                new Statement.Totals(lines.size(), billed, approved, paid, outstanding));
    }

    private long party(Side side, String code) {
        Long id = queries.partyId(side, code);
        if (id == null) {
            throw new NotFoundException(side == Side.PRACTICE ? "Payer" : "Practice", code);
        }
        return id;
    }

    /**
     * The reasons of each party's rejected claims, split and counted once per claim, commonest first. The rows
     * come grouped by their text already, so this adds up a few rows, not every claim.
     */
    static Map<Long, List<ReasonCount>> reasons(List<ReasonsOfClaims> rows) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        for (ReasonsOfClaims row : rows) {
            Set<String> onClaim = new LinkedHashSet<>();
            for (String part : row.reasons().split(";")) {
                String reason = PLACE.matcher(part.trim()).replaceFirst("").trim();
                if (!reason.isEmpty()) {
                    onClaim.add(reason);
                }
            }
            Map<String, Long> mine = counts.computeIfAbsent(row.party(), k -> new HashMap<>());
            onClaim.forEach(reason -> mine.merge(reason, row.claims(), Long::sum));
        }
        Map<Long, List<ReasonCount>> top = new HashMap<>();
        counts.forEach((party, byReason) -> top.put(party, byReason.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS).map(e -> new ReasonCount(e.getKey(), e.getValue())).toList()));
        return top;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
