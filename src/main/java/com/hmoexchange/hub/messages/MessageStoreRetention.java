package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.cluster.ClusterDuties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message store's retention. On PostgreSQL message_record is partitioned by month of started_at (UTC,
 * V18__message_store_by_month.sql): a month whose last day is past the cutoff is dropped whole, which frees its
 * space at once and touches no other month, and payloads are emptied set-based, one partition per statement.
 * The months ahead (current and next) are created at start and every few hours; a row whose month has no
 * partition lands in the default one and is moved into its month's partition at the next preparation.
 * On H2 (the zero-setup database, not partitioned) rows are deleted and emptied in batches instead.
 */
@Service
public class MessageStoreRetention {

    /** What a purge did: rows touched, and for the record what else (the partitions dropped). */
    public record Purged(long rows, String detail) {
    }

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(MessageStoreRetention.class);
    private static final Pattern MONTH = Pattern.compile("message_record_y(\\d{4})m(\\d{2})");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'message_record_y'yyyy'm'MM");
    // One hub node at a time changes the partitions (transaction-scoped advisory lock; any number names it).
    private static final long PARTITIONS_LOCK = 0x6d73675f70617274L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ClusterDuties duties;
    private volatile Boolean partitioned;

    MessageStoreRetention(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, ClusterDuties duties) {
        this.duties = duties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Every node at its start, so that a node's first messages have their month whoever holds the duty (the
     * partitions are changed under an advisory lock, one node at a time, and only what is missing is made).
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        prepareMonthsNow();
    }

    /** Then every few hours, on the node holding the duty {@code message-store-months}. */
    @Scheduled(fixedDelay = 6, initialDelay = 6, timeUnit = TimeUnit.HOURS)
    void everyFewHours() {
        duties.runIfHeld("message-store-months", this::prepareMonthsNow);
    }

    private void prepareMonthsNow() {
        try {
            prepareMonths(clock.instant());
        } catch (DataAccessException e) {
            // Not a reason to stop the hub: messages wait in the default partition until the next try.
            log.warn("The message store's months could not be prepared now: {}", e.getMostSpecificCause().getMessage());
        }
    }

    /** Whether the store is partitioned by month here (PostgreSQL) or one plain table (H2). */
    public boolean partitioned() {
        if (partitioned == null) {
            String database = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            partitioned = "PostgreSQL".equals(database) && Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from pg_partitioned_table where partrelid = to_regclass('message_record'))",
                    Boolean.class));
        }
        return partitioned;
    }

    /** The months that have a partition, oldest first. */
    public Set<YearMonth> months() {
        Set<YearMonth> months = new TreeSet<>();
        if (partitioned()) {
            for (String name : jdbc.queryForList("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                    + "where i.inhparent = to_regclass('message_record')", String.class)) {
                Matcher month = MONTH.matcher(name);
                if (month.matches()) {
                    months.add(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
                }
            }
        }
        return months;
    }

    /**
     * Creates the partitions of the month of {@code now} and the next, and of every month that has rows waiting in
     * the default partition (moved into it). A month that cannot be made now (a lock held too long) is left for the
     * next time: its rows wait in the default partition meanwhile.
     */
    public void prepareMonths(Instant now) {
        if (!partitioned()) {
            return;
        }
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Set<YearMonth> wanted = new TreeSet<>(List.of(current, current.plusMonths(1)));
        jdbc.queryForList("select distinct to_char(started_at at time zone 'UTC', 'YYYY-MM') from message_record_default",
                String.class).forEach(month -> wanted.add(YearMonth.parse(month)));
        wanted.removeAll(months());
        for (YearMonth month : wanted) {
            try {
                createMonth(month);
            } catch (DataAccessException e) {
                log.warn("The message store's partition for {} could not be created now ({}); its messages wait in the "
                        + "default partition until the next try", month, e.getMostSpecificCause().getMessage());
            }
        }
    }

    /** Creates the partitions of these months that are missing (a store loaded with history, a benchmark). */
    public void prepareMonths(YearMonth first, YearMonth last) {
        if (partitioned()) {
            Set<YearMonth> made = months();
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                if (!made.contains(month)) {
                    createMonth(month);
                }
            }
        }
    }

    /** Creates one month's partition with the rows the default partition holds for it, in one transaction. */
    void createMonth(YearMonth month) {
        String name = month.format(NAME);
        String from = bound(month);
        String to = bound(month.plusMonths(1));
        transaction.executeWithoutResult(status -> {
            lockPartitions();
            if (months().contains(month)) {
                return; // another node made it meanwhile
            }
            String columns = String.join(", ", jdbc.queryForList("select quote_ident(attname) from pg_attribute "
                    + "where attrelid = to_regclass('message_record') and attnum > 0 and not attisdropped order by attnum",
                    String.class));
            jdbc.execute("create table " + name + " (like message_record)");
            int moved = jdbc.update("insert into " + name + " (" + columns + ") select " + columns
                    + " from message_record_default where started_at >= ?::timestamptz and started_at < ?::timestamptz", from, to);
            jdbc.update("delete from message_record_default where started_at >= ?::timestamptz and started_at < ?::timestamptz",
                    from, to);
            jdbc.execute("alter table message_record attach partition " + name + " for values from ('" + from + "') to ('" + to + "')");
            log.info("Message store: partition {} created{}", name, moved > 0 ? " with " + moved + " message(s) from the default one" : "");
        });
    }

    /** Empties the payload of every message finished before the cutoff; the record of the message stays. */
    public Purged purgePayloads(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        long rows = 0;
        if (partitioned()) {
            // One set-based statement per partition that can hold such messages (each commits by itself).
            List<String> partitions = new ArrayList<>();
            months().stream().filter(m -> start(m).isBefore(cutoff)).forEach(m -> partitions.add(m.format(NAME)));
            partitions.add("message_record_default");
            for (String partition : partitions) {
                rows += jdbc.update("update " + partition + " set payload = null where payload is not null and finished_at < ?", before);
            }
        } else {
            rows = batched("update message_record set payload = null where id in (select id from message_record "
                    + "where finished_at < ? and payload is not null limit " + BATCH + ")", before);
        }
        return new Purged(rows, null);
    }

    /**
     * Removes the messages past the cutoff. Partitioned: each month whose every day is before the cutoff is
     * dropped (a month is kept whole until then), and stray rows of the default partition are deleted.
     */
    public Purged purgeMessages(Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        if (!partitioned()) {
            return new Purged(batched("delete from message_record where id in (select id from message_record "
                    + "where finished_at < ? limit " + BATCH + ")", before), null);
        }
        long rows = 0;
        List<String> dropped = new ArrayList<>();
        for (YearMonth month : months()) {
            if (!start(month.plusMonths(1)).isAfter(cutoff)) {
                String name = month.format(NAME);
                try {
                    Long count = transaction.execute(status -> {
                        lockPartitions();
                        long inIt = jdbc.queryForObject("select count(*) from " + name, Long.class);
                        jdbc.execute("drop table " + name);
                        return inIt;
                    });
                    rows += count;
                    dropped.add(name + " (" + count + " rows)");
                    log.info("Message store: partition {} dropped with {} message(s), all started before {}", name, count, cutoff);
                } catch (DataAccessException e) {
                    // A long search holding the table, say: the month goes at the next run; the other stores go on now.
                    log.warn("Message store: partition {} could not be dropped now ({}); the next run tries again", name,
                            e.getMostSpecificCause().getMessage());
                }
            }
        }
        rows += batched("delete from message_record_default where id in (select id from message_record_default "
                + "where coalesce(finished_at, started_at) < ? limit " + BATCH + ")", before);
        // The (key, attempt) pairs kept unique beside the store (V22_2) go with the messages they belong to.
        batched("delete from message_attempt_key where ctid = any (array(select ctid from message_attempt_key "
                + "where started_at < ? limit " + BATCH + "))", before);
        return new Purged(rows, dropped.isEmpty() ? null : "dropped " + String.join(", ", dropped));
    }

    private void lockPartitions() {
        // Waits for a lock at most this long, rather than queueing every insert of the hub behind it.
        jdbc.execute("set local lock_timeout = '10s'");
        jdbc.queryForList("select pg_advisory_xact_lock(" + PARTITIONS_LOCK + ")");
    }

    private long batched(String statement, Timestamp before) {
        long total = 0;
        int batch;
        do {
            batch = jdbc.update(statement, before);
            total += batch;
        } while (batch >= BATCH);
        return total;
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String bound(YearMonth month) {
        return month.atDay(1) + " 00:00:00+00";
    }
}
