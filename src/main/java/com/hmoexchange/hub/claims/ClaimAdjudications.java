package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.claims.Adjudication.Applied;
import com.hmoexchange.hub.claims.Adjudication.BilledLine;
import com.hmoexchange.hub.claims.Adjudication.ClaimState;
import com.hmoexchange.hub.claims.Adjudication.Late;
import com.hmoexchange.hub.claims.Adjudication.OfLine;
import com.hmoexchange.hub.claims.Adjudication.Outcome;
import com.hmoexchange.hub.claims.Adjudication.OfClaim;
import com.hmoexchange.hub.common.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies payers' adjudications to many claims at once, set-based: claims are read and locked a chunk at a
 * time, each adjudication is decided by {@link Adjudication} (under the claim's {@link StatusRules}), and the changes
 * (claim with the payer's reference, lines, history, news that came late)
 * are written with JDBC batches in the caller's transaction. A 100,000-line status file thus costs a few
 * statements per 500 claims instead of a Hibernate load per claim. The claim's version is raised, so a
 * person editing the claim meanwhile is told it changed.
 */
@Service
public class ClaimAdjudications {

    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Boolean postgres;

    ClaimAdjudications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One adjudication about one claim, by the hub's claim number, with the payer's split of what it did not pay
     * (null when it gave none) and the payer's own reference for the claim (null when it gave none). The split is
     * recorded whenever the adjudication is not refused: a remittance repeating a decision still says who owes
     * what. The reference is noted on a claim that has none yet, whatever the outcome: operators search by it.
     */
    public record Item(String claimNumber, OfClaim adjudication, PayerSplit split, String payerReference) {

        public Item(String claimNumber, OfClaim adjudication, PayerSplit split) {
            this(claimNumber, adjudication, split, null);
        }

        public Item(String claimNumber, OfClaim adjudication) {
            this(claimNumber, adjudication, null, null);
        }
    }

    /** What became of an item: the outcome, or null outcome when the payer has no such claim. */
    public record Result(Item item, Long claimId, Long providerId, Outcome outcome) {

        public boolean unknownClaim() {
            return claimId == null;
        }
    }

    private static final class Row {
        long id;
        long providerId;
        ClaimStatus status;
        BigDecimal approved;
        BigDecimal paid = BigDecimal.ZERO;
        final List<BilledLine> lines = new ArrayList<>();
        boolean changed;
        String decisionReasons;
        /** The payer's reference as stored, or as noted by this chunk. */
        String payerReference;
        boolean referenceNoted;
    }

    /** Applies the items in order (several about one claim are applied one after the other). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Result> apply(long payerId, int staleAfterDays, List<Item> items, String by) {
        List<Result> results = new ArrayList<>(items.size());
        Instant now = clock.instant();
        for (int from = 0; from < items.size(); from += CHUNK) {
            results.addAll(applyChunk(payerId, Duration.ofDays(staleAfterDays), items.subList(from,
                    Math.min(items.size(), from + CHUNK)), by, now));
        }
        return results;
    }

    private List<Result> applyChunk(long payerId, Duration staleAfter, List<Item> items, String by, Instant now) {
        Map<String, Row> claims = load(payerId, items.stream().map(Item::claimNumber).distinct().toList());
        List<Result> results = new ArrayList<>(items.size());
        List<Object[]> history = new ArrayList<>();
        List<Object[]> lineUpdates = new ArrayList<>();
        List<Object[]> splitUpdates = new ArrayList<>();
        List<Object[]> lineSplitUpdates = new ArrayList<>();
        for (Item item : items) {
            Row row = claims.get(item.claimNumber());
            if (row == null) {
                results.add(new Result(item, null, null, null));
                continue;
            }
            Outcome outcome = Adjudication.decide(new ClaimState(item.claimNumber(), row.status, row.approved, row.lines),
                    item.adjudication());
            if (outcome instanceof Late late) {
                history.add(new Object[] {row.id, late.current().name(), late.news().name(), utc(now), by,
                        Texts.shortened(late.reasons(), 500), true});
            } else if (outcome instanceof Applied applied) {
                history.add(new Object[] {row.id, row.status.name(), applied.to().name(), utc(now), by,
                        Texts.shortened(applied.reasons(), 500), false});
                row.status = applied.to();
                row.approved = applied.approvedAmount();
                row.changed = true;
                for (OfLine line : applied.lines()) {
                    lineUpdates.add(new Object[] {line.approvedQuantity(), line.approvedAmount(),
                            Texts.shortened(line.reasons(), 1000), row.id, line.position()});
                }
                row.decisionReasons = applied.reasons();
            }
            if (item.split() != null && !(outcome instanceof Adjudication.Refused)) {
                split(row, item.split(), splitUpdates, lineSplitUpdates);
            }
            if (row.payerReference == null && item.payerReference() != null && !item.payerReference().isBlank()) {
                row.payerReference = Texts.shortened(item.payerReference(), 80);
                row.referenceNoted = true;
            }
            results.add(new Result(item, row.id, row.providerId, outcome));
        }
        // A claim is written once: its reference travels with its change (a second update of 50,000 claims costs
        // as much again in index entries); only a claim that does not move gets its reference alone.
        List<Object[]> claimUpdates = new ArrayList<>();
        List<Object[]> referenceUpdates = new ArrayList<>();
        for (Row row : claims.values()) {
            if (row.changed) {
                BigDecimal billed = row.lines.stream().map(BilledLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                Instant stale = StatusRules.staleAfter(row.status, now, staleAfter);
                claimUpdates.add(new Object[] {row.status.name(), row.approved,
                        Texts.shortened(row.decisionReasons, 2000), stale == null ? null : utc(stale), utc(now),
                        StatusRules.paymentStatus(row.paid, row.approved, billed).name(), row.payerReference, row.id});
            } else if (row.referenceNoted) {
                referenceUpdates.add(new Object[] {row.payerReference, row.id});
            }
        }
        if (postgres()) {
            writeSetBased(claimUpdates, lineUpdates, history);
        } else {
            writeBatched(claimUpdates, lineUpdates, history);
        }
        writeReferences(referenceUpdates);
        writeSplits(splitUpdates, lineSplitUpdates);
        return results;
    }

    private static void split(Row row, PayerSplit split, List<Object[]> claims, List<Object[]> lines) {
        claims.add(new Object[] {money(split.patient()), money(split.contractual()), row.id});
        for (PayerSplit.Line line : split.lines()) {
            if (row.lines.stream().anyMatch(l -> l.position() == line.position())) {
                lines.add(new Object[] {money(line.patient()), money(line.contractual()), row.id, line.position()});
            }
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** The payer's split, after the claim's own changes (a few claims per document, so plain batches serve). */
    private void writeSplits(List<Object[]> claims, List<Object[]> lines) {
        if (!claims.isEmpty()) {
            jdbc.batchUpdate("update claim set patient_responsibility = ?, contractual_adjustment = ?, version = version + 1 "
                    + "where id = ?", claims, new int[] {Types.NUMERIC, Types.NUMERIC, Types.BIGINT});
        }
        if (!lines.isEmpty()) {
            jdbc.batchUpdate("update claim_line set patient_responsibility = ?, contractual_adjustment = ? "
                    + "where claim_id = ? and position = ?", lines, new int[] {Types.NUMERIC, Types.NUMERIC, Types.BIGINT,
                    Types.INTEGER});
        }
    }

    /**
     * On PostgreSQL each kind of change is one statement for the whole chunk: the values travel as arrays
     * and are joined with unnest, so 1,000 claims cost three round trips instead of several thousand.
     */
    private void writeSetBased(List<Object[]> claimUpdates, List<Object[]> lineUpdates, List<Object[]> history) {
        if (!claimUpdates.isEmpty()) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("update claim c set status = v.status, approved_amount = v.approved, "
                        + "decision_reasons = v.reasons, stale_after = v.stale, last_activity_at = v.at, payment_status = v.paid, "
                        + "payer_reference = v.reference, version = c.version + 1 from unnest(?::bigint[], ?::text[], "
                        + "?::text[]::numeric[], ?::text[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[], ?::text[]) "
                        + "as v(id, status, approved, reasons, stale, at, paid, reference) where c.id = v.id");
                int[] columns = {7, 0, 1, 2, 3, 4, 5, 6};
                String[] types = {"bigint", "text", "text", "text", "text", "text", "text", "text"};
                for (int i = 0; i < columns.length; i++) {
                    ps.setArray(i + 1, con.createArrayOf(types[i], column(claimUpdates, columns[i], i == 0)));
                }
                return ps;
            });
        }
        if (!lineUpdates.isEmpty()) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("update claim_line l set approved_quantity = v.quantity, approved_amount = v.amount, "
                        + "adjudication_reasons = v.reasons from unnest(?::bigint[], ?::int[], ?::int[], ?::text[]::numeric[], ?::text[]) "
                        + "as v(claim_id, position, quantity, amount, reasons) where l.claim_id = v.claim_id and l.position = v.position");
                int[] columns = {3, 4, 0, 1, 2};
                String[] types = {"bigint", "int4", "int4", "text", "text"};
                for (int i = 0; i < columns.length; i++) {
                    ps.setArray(i + 1, con.createArrayOf(types[i], column(lineUpdates, columns[i], i < 3)));
                }
                return ps;
            });
        }
        if (!history.isEmpty()) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("insert into claim_status_change (claim_id, from_status, to_status, changed_at, "
                        + "changed_by, source, reason, late) select v.claim_id, v.from_status, v.to_status, v.at, v.by, 'PAYER', "
                        + "v.reason, v.late from unnest(?::bigint[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[], "
                        + "?::text[], ?::text[]::boolean[]) as v(claim_id, from_status, to_status, at, by, reason, late)");
                String[] types = {"bigint", "text", "text", "text", "text", "text", "text"};
                for (int i = 0; i < types.length; i++) {
                    ps.setArray(i + 1, con.createArrayOf(types[i], column(history, i, i == 0)));
                }
                return ps;
            });
        }
    }

    /** One column of the rows as an array: numbers as they are, everything else as text (the statement casts it). */
    private static Object[] column(List<Object[]> rows, int index, boolean numeric) {
        boolean wide = numeric && rows.stream().map(r -> r[index]).anyMatch(v -> v instanceof Long);
        Object[] values = !numeric ? new String[rows.size()] : wide ? new Long[rows.size()] : new Integer[rows.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = rows.get(i)[index];
            values[i] = value == null ? null : !numeric ? (value instanceof BigDecimal d ? d.toPlainString() : value.toString())
                    : wide ? (Object) ((Number) value).longValue() : (Object) ((Number) value).intValue();
        }
        return values;
    }

    /** Elsewhere (H2 in the zero-setup run) the same changes go as JDBC batches. */
    private void writeBatched(List<Object[]> claimUpdates, List<Object[]> lineUpdates, List<Object[]> history) {
        jdbc.batchUpdate("update claim set status = ?, approved_amount = ?, decision_reasons = ?, stale_after = ?, "
                + "last_activity_at = ?, payment_status = ?, payer_reference = ?, version = version + 1 where id = ?", claimUpdates,
                new int[] {Types.VARCHAR, Types.NUMERIC, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
        jdbc.batchUpdate("update claim_line set approved_quantity = ?, approved_amount = ?, adjudication_reasons = ? "
                + "where claim_id = ? and position = ?", lineUpdates,
                new int[] {Types.INTEGER, Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.INTEGER});
        jdbc.batchUpdate("insert into claim_status_change (claim_id, from_status, to_status, changed_at, changed_by, source, reason, "
                + "late) values (?, ?, ?, ?, ?, 'PAYER', ?, ?)", history,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
                        Types.BOOLEAN});
    }

    /** The payer's reference on claims that did not move (a repeat, late news, a refusal): few, so a plain batch serves. */
    private void writeReferences(List<Object[]> references) {
        if (!references.isEmpty()) {
            jdbc.batchUpdate("update claim set payer_reference = ? where id = ? and payer_reference is null", references,
                    new int[] {Types.VARCHAR, Types.BIGINT});
        }
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((java.sql.Connection con) -> con.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql"));
            postgres = known;
        }
        return known;
    }

    /** What each of the payer's claims (by number) billed; claims the payer does not have are left out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, BigDecimal> billed(long payerId, List<String> numbers) {
        Map<String, BigDecimal> billed = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += CHUNK) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + CHUNK));
            List<Object> args = new ArrayList<>();
            args.add(payerId);
            args.addAll(chunk);
            jdbc.query("select c.claim_number, coalesce(sum(round(l.unit_price * l.quantity, 2)), 0) from claim c "
                    + "left join claim_line l on l.claim_id = c.id where c.payer_id = ? and c.claim_number in ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?")) + ") group by c.claim_number",
                    rs -> {
                        billed.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
                    }, args.toArray());
        }
        return billed;
    }

    /** The payer's claims by number, locked for this transaction, with their lines and what was paid. */
    private Map<String, Row> load(long payerId, List<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(",", Collections.nCopies(numbers.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(payerId);
        args.addAll(numbers);
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<Long, Row> byId = new HashMap<>();
        jdbc.query("select id, claim_number, provider_id, status, approved_amount, payer_reference from claim where payer_id = ? "
                + "and claim_number in (" + marks + ") order by id for update", rs -> {
                    Row row = new Row();
                    row.id = rs.getLong(1);
                    row.providerId = rs.getLong(3);
                    row.status = ClaimStatus.valueOf(rs.getString(4));
                    row.approved = rs.getBigDecimal(5);
                    row.payerReference = rs.getString(6);
                    rows.put(rs.getString(2), row);
                    byId.put(row.id, row);
                }, args.toArray());
        if (byId.isEmpty()) {
            return rows;
        }
        String ids = String.join(",", Collections.nCopies(byId.size(), "?"));
        Object[] idArgs = byId.keySet().toArray();
        jdbc.query("select claim_id, position, quantity, unit_price from claim_line where claim_id in (" + ids
                + ") order by claim_id, position", rs -> {
                    int quantity = rs.getInt(3);
                    byId.get(rs.getLong(1)).lines.add(new BilledLine(rs.getInt(2), quantity,
                            rs.getBigDecimal(4).multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP)));
                }, idArgs);
        jdbc.query("select claim_id, sum(amount) from claim_payment where claim_id in (" + ids + ") group by claim_id",
                rs -> {
                    byId.get(rs.getLong(1)).paid = rs.getBigDecimal(2);
                }, idArgs);
        return rows;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
