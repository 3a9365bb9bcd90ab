package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message store searched by business key and by text inside payloads, newest first: for the API and the
 * operators' pages alike. Each key is an indexed equality; the text is a case-blind substring (ILIKE), served on
 * PostgreSQL by the payload's trigram index. Pages go {@value #DEEPEST} messages deep at most and count nothing:
 * a page says whether more follow, so a search matching half a million messages costs what its first page costs.
 */
@Component
class MessageSearch {

    static final int DEEPEST = 10_000;
    static final int MAX_SIZE = 200;
    static final int SHORTEST_TEXT = 3;
    static final int PROBE = 1_000;
    private static final String COLUMNS = "id, direction, channel, payer_code, claim_number, provider_reference, payer_reference, "
            + "payment_reference, enrollee_number, idempotency_key, attempt, outcome, error, target, started_at, finished_at, duration_ms";

    private static final Comparator<MessageSummary> NEWEST_FIRST = Comparator.comparing(MessageSummary::startedAt)
            .thenComparingLong(MessageSummary::id).reversed();

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageRecordRepository records;
    private final MessageStoreRetention store;

    private final AuditLog audit;

    MessageSearch(NamedParameterJdbcTemplate jdbc, MessageRecordRepository records, MessageStoreRetention store, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.records = records;
        this.store = store;
    }

    /** Each key left null (or blank) does not filter; all given must match. */
    record Keys(String claimNumber, String providerReference, String payerReference, String paymentReference,
            String enrolleeNumber, String payer, Outcome outcome, String text) {

        Keys {
            claimNumber = trim(claimNumber);
            providerReference = trim(providerReference);
            payerReference = trim(payerReference);
            paymentReference = trim(paymentReference);
            enrolleeNumber = trim(enrolleeNumber);
            payer = trim(payer);
            text = text == null || text.isBlank() ? null : text.strip();
        }

        private static String trim(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** One page of messages (without payloads), newest first, and whether older ones follow. */
    record Found(List<MessageSummary> items, int page, int size, boolean hasMore) {
    }

    @Transactional(readOnly = true)
    Found search(Keys keys, int page, int size) {
        int pageSize = Math.min(Math.max(size, 1), MAX_SIZE);
        int number = Math.max(page, 0);
        if ((long) number * pageSize + pageSize > DEEPEST) {
            throw new InvalidInput("page", "Only the newest " + DEEPEST + " messages of a search are paged through: "
                    + "narrow it with a key, the payer, the outcome or a text.");
        }
        if (keys.text() != null && keys.text().length() < SHORTEST_TEXT) {
            throw new InvalidInput("text", "Give at least " + SHORTEST_TEXT + " characters to search the payloads for.");
        }
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        equal(where, params, "claim_number", keys.claimNumber());
        equal(where, params, "provider_reference", keys.providerReference());
        equal(where, params, "payer_reference", keys.payerReference());
        equal(where, params, "payment_reference", keys.paymentReference());
        equal(where, params, "enrollee_number", keys.enrolleeNumber());
        equal(where, params, "payer_code", keys.payer());
        equal(where, params, "outcome", keys.outcome() == null ? null : keys.outcome().name());
        if (keys.text() != null) {
            where.add("payload ilike :text");
            params.addValue("text", "%" + escapeLike(keys.text()) + "%");
            if (store.partitioned()) {
                // Planned for this very text (a generic plan would not know how rare it is, nor use the trigrams well).
                jdbc.getJdbcTemplate().execute("set local plan_cache_mode = force_custom_plan");
            }
        }
        List<MessageSummary> rows;
        if (keys.text() != null && store.partitioned()) {
            int wanted = number * pageSize + pageSize + 1;
            List<MessageSummary> newest = monthByMonth(where.subList(0, where.size() - 1), params, wanted);
            rows = newest.subList(Math.min(number * pageSize, newest.size()), Math.min(wanted, newest.size()));
        } else {
            params.addValue("limit", pageSize + 1).addValue("offset", number * pageSize);
            rows = jdbc.query("select " + COLUMNS + " from message_record"
                    + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                    + " order by started_at desc, id desc limit :limit offset :offset", params, MessageSearch::summary);
        }
        boolean more = rows.size() > pageSize;
        return new Found(more ? rows.subList(0, pageSize) : rows, number, pageSize, more);
    }

    /**
     * The newest {@code wanted} matches of the text (and the keys), read a month's partition at a time from the newest
     * month back, stopping as soon as that many are found. In the newest month the latest {@value #PROBE} messages are
     * checked first, one by one: a text found in many payloads fills the page there. Otherwise each month's matches come from
     * the trigram index, unordered (an ordered read would walk the month by time, checking every payload, whenever
     * the planner guesses a rare text to be common), and are sorted here. Rows waiting in the default partition (any
     * date) are merged in.
     */
    private List<MessageSummary> monthByMonth(List<String> keys, MapSqlParameterSource params, int wanted) {
        String andKeys = keys.stream().map(k -> " and " + k).reduce("", String::concat);
        params.addValue("wanted", wanted);
        List<MessageSummary> found = new ArrayList<>(jdbc.query("select " + COLUMNS + " from message_record_default "
                + "where payload ilike :text" + andKeys + " order by started_at desc, id desc limit :wanted", params,
                MessageSearch::summary));
        int fromMonths = 0;
        boolean newestMonth = true;
        for (YearMonth month : new TreeSet<>(store.months()).descendingSet()) {
            int left = wanted - fromMonths;
            if (left <= 0) {
                break;
            }
            params.addValue("from", Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .addValue("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .addValue("left", left);
            String window = "started_at >= :from and started_at < :to" + andKeys;
            List<MessageSummary> inMonth = List.of();
            if (newestMonth && left <= PROBE) {
                inMonth = jdbc.query("select " + COLUMNS + " from (select * from message_record where " + window
                        + " order by started_at desc, id desc limit " + PROBE + ") latest where payload ilike :text "
                        + "order by started_at desc, id desc limit :left", params, MessageSearch::summary);
            }
            if (inMonth.size() < left) {
                // Fewer than needed among the latest: all of the month's matches, from the index.
                List<MessageSummary> all = new ArrayList<>(jdbc.query("select " + COLUMNS + " from message_record where "
                        + window + " and payload ilike :text", params, MessageSearch::summary));
                all.sort(NEWEST_FIRST);
                inMonth = all.subList(0, Math.min(left, all.size()));
            }
            fromMonths += inMonth.size();
            found.addAll(inMonth);
            newestMonth = false;
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    @Transactional(readOnly = true)
    MessageRecord one(long id) {
        MessageRecord record = records.findById(id).orElseThrow(() -> new NotFoundException("Message", id));
        audit.record(AuditAction.PAYLOAD_VIEWED, "message", id);
        return record;
    }

    private static void equal(List<String> where, MapSqlParameterSource params, String column, String value) {
        if (value != null) {
            where.add(column + " = :" + column);
            params.addValue(column, value);
        }
    }

    /** The text as typed: % and _ are not wildcards in it. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static MessageSummary summary(ResultSet row, int n) throws SQLException {
        return new MessageSummary(row.getLong("id"), row.getString("direction"), row.getString("channel"), row.getString("payer_code"),
                row.getString("claim_number"), row.getString("provider_reference"), row.getString("payer_reference"),
                row.getString("payment_reference"), row.getString("enrollee_number"), row.getString("idempotency_key"),
                row.getInt("attempt"), Outcome.valueOf(row.getString("outcome")), row.getString("error"), row.getString("target"),
                row.getTimestamp("started_at").toInstant(), row.getObject("duration_ms", Long.class));
    }
}
