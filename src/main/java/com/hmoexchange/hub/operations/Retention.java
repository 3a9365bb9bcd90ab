package com.hmoexchange.hub.operations;

import com.hmoexchange.hub.messages.MessageStoreRetention;
import com.hmoexchange.hub.messages.MessageStoreRetention.Purged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps each store within its retention (RetentionSettings): payloads are emptied first, rows deleted later,
 * in batches of {@value #BATCH} rows per statement (each its own transaction), so a large purge never holds
 * long locks on the tables the hub is writing; the message store on PostgreSQL drops whole months instead.
 * Each run is recorded, store by store, in retention_run (with the partitions dropped).
 * For now it runs on a timer on every node; the one-node cluster lock comes with issue 16 (two nodes
 * running at once only share the work: every statement is idempotent).
 */
@Service
class Retention {

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final RetentionSettings settings;
    private final Clock clock;
    private final MessageStoreRetention messageStore;

    Retention(JdbcTemplate jdbc, RetentionSettings settings, Clock clock, MessageStoreRetention messageStore) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.messageStore = messageStore;
    }

    @Scheduled(fixedDelayString = "${hub.operations.retention.period:1h}", initialDelayString = "${hub.operations.retention.period:1h}")
    void scheduled() {
        if (settings.scheduled()) {
            run(clock.instant());
        }
    }

    /** Applies every store's retention as of {@code now}; returns the rows touched per store. */
    Map<String, Long> run(Instant now) {
        Map<String, Long> touched = new LinkedHashMap<>();
        // The message store by month on PostgreSQL: months made ahead, old months dropped whole (MessageStoreRetention).
        messageStore.prepareMonths(now);
        touched.put("message-payloads", record("message-payloads", now, settings.messagePayloads(), messageStore::purgePayloads));
        touched.put("messages", record("messages", now, settings.messages(), messageStore::purgeMessages));
        touched.put("document-payloads", store("document-payloads", now, settings.documentPayloads(),
                "update inbound_document set payload = null where id in (select id from inbound_document "
                        + "where received_at < ? and outcome <> 'QUARANTINED' and payload is not null limit " + BATCH + ")"));
        touched.put("quarantined-payloads", store("quarantined-payloads", now, settings.quarantinedPayloads(),
                "update inbound_document set payload = null where id in (select id from inbound_document "
                        + "where received_at < ? and outcome = 'QUARANTINED' and payload is not null limit " + BATCH + ")"));
        touched.put("outgoing-mail", store("outgoing-mail", now, settings.outgoingMail(),
                "delete from outgoing_mail where id in (select id from outgoing_mail "
                        + "where created_at < ? and status in ('SENT', 'FAILED') limit " + BATCH + ")"));
        touched.put("notifications", store("notifications", now, settings.notifications(),
                "delete from notification where id in (select id from notification where created_at < ? limit " + BATCH + ")"));
        touched.put("idempotency-rows", store("idempotency-rows", now, settings.idempotencyRows(),
                "delete from camel_messageprocessed where createdat < ?"));
        return touched;
    }

    private long store(String store, Instant now, Duration keep, String statement) {
        return record(store, now, keep, cutoff -> {
            long total = 0;
            int batch;
            do {
                batch = jdbc.update(statement, Timestamp.from(cutoff));
                total += batch;
            } while (batch >= BATCH);
            return new Purged(total, null);
        });
    }

    private long record(String store, Instant now, Duration keep, Function<Instant, Purged> purge) {
        Instant started = clock.instant();
        Instant cutoff = now.minus(keep);
        Purged purged = purge.apply(cutoff);
        jdbc.update("insert into retention_run (store, cutoff, rows_touched, detail, started_at, finished_at) values (?, ?, ?, ?, ?, ?)",
                store, Timestamp.from(cutoff), purged.rows(), purged.detail(), Timestamp.from(started), Timestamp.from(clock.instant()));
        if (purged.rows() > 0) {
            log.info("Retention: {} row(s) of {} older than {} purged{}", purged.rows(), store, cutoff,
                    purged.detail() == null ? "" : " (" + purged.detail() + ")");
        }
        return purged.rows();
    }
}
