package com.hmoexchange.hub.receivables;

import com.hmoexchange.hub.receivables.Figures.Aging;
import com.hmoexchange.hub.receivables.Figures.BelowTariff;
import com.hmoexchange.hub.receivables.Figures.PendingRequests;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The money-owed figures as SQL aggregates over the claims of one tenant (the claim_status_idx and
 * claim_payer_delivery_idx indexes lead with its column), never every claim loaded into Java. The same SQL runs
 * on PostgreSQL and on the zero-setup H2: days are counted as day numbers from the epoch, shifted by the time
 * zone's offset, since the two databases disagree on date arithmetic and on AT TIME ZONE.
 */
@Repository
class ReceivablesQueries {

    static final String DECISIONS = "('APPROVED', 'REJECTED', 'PARTIAL')";
    private static final String PAID = "('PAID', 'PARTIALLY_PAID', 'OVERPAID')";

    private final JdbcTemplate jdbc;

    ReceivablesQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The day a moment falls on, as a day number from the epoch, where the offset is. */
    static String dayOf(String timestamp) {
        return "floor((extract(epoch from " + timestamp + ") + ?) / 86400)";
    }

    /** Per claim of the tenant (submitted, not a draft): the other party, what it still owes and when it was submitted. */
    private static String owedClaims(Side side, String extraWhere) {
        return """
                billed as (
                    select l.claim_id, sum(l.unit_price * l.quantity) as billed
                    from claim_line l join claim c on c.id = l.claim_id
                    where c.%1$s = ? and c.status <> 'DRAFT' %3$s group by l.claim_id),
                paid as (
                    select p.claim_id, sum(p.amount) as paid, min(case when p.kind = 'PAYMENT' then p.paid_on end) as first_paid_on
                    from claim_payment p join claim c on c.id = p.claim_id
                    where c.%1$s = ? and c.status <> 'DRAFT' %3$s group by p.claim_id),
                owed as (
                    select c.id, c.%2$s as party, c.currency, c.status, c.resubmission_of_id, c.submitted_at, b.billed,
                        coalesce(pd.paid, 0) as paid, pd.first_paid_on, %4$s as submitted_day,
                        greatest(coalesce(c.approved_amount, b.billed) - coalesce(pd.paid, 0), 0) as outstanding
                    from claim c join billed b on b.claim_id = c.id left join paid pd on pd.claim_id = c.id
                    where c.%1$s = ? and c.status <> 'DRAFT' and c.submitted_at is not null %3$s)
                """.formatted(side.scope, side.party, extraWhere, dayOf("c.submitted_at"));
    }

    record Money(long party, String currency, Aging owed, long claimsOwed, BigDecimal medianDaysToDecision,
            BigDecimal medianDaysToPayment, long firstDecided, long firstAccepted) {
    }

    /** Aging, medians and first-pass counts, one row per other party (and currency). */
    List<Money> money(Side side, long tenant, long today, long offsetSeconds) {
        String sql = "with " + owedClaims(side, "") + """
                , decided as (
                    select h.claim_id, min(h.changed_at) as decided_at from claim_status_change h join owed o on o.id = h.claim_id
                    where h.to_status in %s and h.late = false group by h.claim_id)
                select o.party, o.currency,
                    sum(case when ? - o.submitted_day <= 30 then o.outstanding else 0 end),
                    sum(case when ? - o.submitted_day between 31 and 60 then o.outstanding else 0 end),
                    sum(case when ? - o.submitted_day between 61 and 90 then o.outstanding else 0 end),
                    sum(case when ? - o.submitted_day > 90 then o.outstanding else 0 end),
                    sum(case when o.outstanding > 0 then 1 else 0 end),
                    percentile_cont(0.5) within group (order by extract(epoch from (d.decided_at - o.submitted_at)) / 86400),
                    percentile_cont(0.5) within group (order by extract(epoch from cast(o.first_paid_on as timestamp)) / 86400 - o.submitted_day),
                    sum(case when o.resubmission_of_id is null and o.status in %s then 1 else 0 end),
                    sum(case when o.resubmission_of_id is null and o.status in ('APPROVED', 'PARTIAL') then 1 else 0 end)
                from owed o left join decided d on d.claim_id = o.id
                group by o.party, o.currency""".formatted(DECISIONS, DECISIONS);
        return jdbc.query(sql, (rs, i) -> new Money(rs.getLong(1), rs.getString(2),
                new Aging(money(rs, 3), money(rs, 4), money(rs, 5), money(rs, 6)), rs.getLong(7), days(rs, 8), days(rs, 9),
                rs.getLong(10), rs.getLong(11)), tenant, tenant, offsetSeconds, tenant, today, today, today, today);
    }

    /**
     * The reasons given on rejected claims, counted per party. A payer's reasons travel as one text per claim
     * ("CO-50 12000.00: not medically necessary (contractual); ..."): the amounts are taken out here so that
     * the same reason on many claims is counted as one; splitting the list is the caller's.
     */
    List<ReasonsOfClaims> rejectionReasons(Side side, long tenant) {
        String sql = """
                select c.%2$s, regexp_replace(c.decision_reasons, ' -?[0-9]+[.][0-9]{2}', '', 'g') as reasons, count(*)
                from claim c where c.%1$s = ? and c.status = 'REJECTED' and c.decision_reasons is not null
                group by c.%2$s, regexp_replace(c.decision_reasons, ' -?[0-9]+[.][0-9]{2}', '', 'g')""".formatted(side.scope, side.party);
        return jdbc.query(sql, (rs, i) -> new ReasonsOfClaims(rs.getLong(1), rs.getString(2), rs.getLong(3)), tenant);
    }

    record ReasonsOfClaims(long party, String reasons, long claims) {
    }

    /**
     * Lines of paid claims that the payer paid something for, below the tariff in force today for the practice,
     * payer and service code (the latest tariff version taking effect on or before today, or, before any upload
     * took effect, the rows entered without a version; as TariffRepository.findInForce), times the quantity the
     * payer approved. What the payer paid for a line is its approved amount (an 835's SVC paid amount), or for a
     * claim approved in full, the billed amount.
     */
    List<PaidLine> belowTariff(Side side, long tenant, LocalDate today) {
        String sql = """
                with current_version as (
                    select v.provider_id, v.payer_id, max(v.number) as number from tariff_version v
                    where v.%1$s = ? and v.takes_effect <= ? group by v.provider_id, v.payer_id),
                in_force as (
                    select t.provider_id, t.payer_id, t.service_code, t.unit_price,
                        row_number() over (partition by t.provider_id, t.payer_id, t.service_code order by t.valid_from desc) as newest
                    from tariff t left join tariff_version tv on tv.id = t.version_id
                        left join current_version cv on cv.provider_id = t.provider_id and cv.payer_id = t.payer_id
                    where t.%1$s = ? and t.valid_from <= ? and (t.valid_to is null or t.valid_to >= ?)
                        and ((t.version_id is null and cv.number is null) or tv.number = cv.number)),
                paid_lines as (
                    select c.id as claim_id, c.claim_number, c.%2$s as party, l.service_code, coalesce(l.approved_quantity, l.quantity) as quantity,
                        coalesce(l.approved_amount, case when c.status = 'APPROVED' then l.unit_price * l.quantity end) as paid,
                        f.unit_price * coalesce(l.approved_quantity, l.quantity) as at_tariff
                    from claim c join claim_line l on l.claim_id = c.id
                        join in_force f on f.provider_id = c.provider_id and f.payer_id = c.payer_id
                            and f.service_code = l.service_code and f.newest = 1
                    where c.%1$s = ? and c.payment_status in %3$s)
                select claim_id, claim_number, party, service_code, quantity, paid, at_tariff from paid_lines
                where paid > 0 and paid < at_tariff
                order by at_tariff - paid desc, claim_number""".formatted(side.scope, side.party, PAID);
        return jdbc.query(sql, (rs, i) -> new PaidLine(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getInt(5), money(rs, 6), money(rs, 7)), tenant, today, tenant, today, today, tenant);
    }

    record PaidLine(long claimId, String claimNumber, long party, String serviceCode, int quantity, BigDecimal paid,
            BigDecimal atTariff) {

        BelowTariff shown(String partyName) {
            return new BelowTariff(claimNumber, partyName, serviceCode, quantity, paid, atTariff, atTariff.subtract(paid));
        }
    }

    /** The other parties' codes and names by id. */
    Map<Long, String[]> parties(Side side) {
        Map<Long, String[]> names = new LinkedHashMap<>();
        jdbc.query("select id, code, name from " + side.partyTable + " order by name",
                rs -> {
                    names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return names;
    }

    Long partyId(Side side, String code) {
        List<Long> ids = jdbc.queryForList("select id from " + side.partyTable + " where code = ?", Long.class, code);
        return ids.isEmpty() ? null : ids.get(0);
    }

    String tenantName(Side side, long tenant) {
        return jdbc.queryForObject("select name from " + (side == Side.PRACTICE ? "provider" : "payer") + " where id = ?",
                String.class, tenant);
    }

    record StatementRow(String claimNumber, String patient, LocalDate serviceDate, Instant submittedAt, String currency,
            BigDecimal billed, BigDecimal approved, BigDecimal paid, BigDecimal outstanding, String status, String paymentStatus) {
    }

    /** The claims between one practice and one payer submitted in [from, to), claim by claim, oldest first. */
    List<StatementRow> statement(long providerId, long payerId, Instant from, Instant to) {
        String sql = "with " + owedClaims(Side.PRACTICE, "and c.payer_id = ? and c.submitted_at >= ? and c.submitted_at < ?") + """
                select c.claim_number, e.enrollee_number,
                    (select min(l.service_date) from claim_line l where l.claim_id = c.id),
                    o.submitted_at, o.currency, o.billed, c.approved_amount, o.paid, o.outstanding, c.status, c.payment_status
                from owed o join claim c on c.id = o.id join enrollee e on e.id = c.enrollee_id
                order by o.submitted_at, c.claim_number""";
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(to);
        return jdbc.query(sql, (rs, i) -> new StatementRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), money(rs, 6), money(rs, 7), money(rs, 8),
                money(rs, 9), rs.getString(10), rs.getString(11)),
                providerId, payerId, start, end, providerId, payerId, start, end, 0L, providerId, payerId, start, end);
    }

    /** The HMO's clients' pending change requests by how long they have waited (boundaries as moments). */
    List<PendingRequests> pendingRequests(long payerId, Instant now, java.time.ZoneId zone) {
        Timestamp day = Timestamp.from(now.minusSeconds(86_400));
        Timestamp week = Timestamp.from(now.minusSeconds(7 * 86_400));
        Timestamp month = Timestamp.from(now.minusSeconds(30 * 86_400));
        return jdbc.query("""
                select cl.name, count(*),
                    sum(case when r.requested_at > ? then 1 else 0 end),
                    sum(case when r.requested_at <= ? and r.requested_at > ? then 1 else 0 end),
                    sum(case when r.requested_at <= ? and r.requested_at > ? then 1 else 0 end),
                    sum(case when r.requested_at <= ? then 1 else 0 end),
                    min(r.requested_at)
                from change_request r join client cl on cl.id = r.client_id
                where r.payer_id = ? and r.status = 'PENDING'
                group by cl.name order by min(r.requested_at)""",
                (rs, i) -> new PendingRequests(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getObject(7, OffsetDateTime.class).toInstant().atZone(zone).toLocalDate()),
                day, day, week, week, month, month, payerId);
    }

    private static BigDecimal money(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }
}
