package com.hmoexchange.hub.operations;

import com.hmoexchange.hub.cluster.ClusterDuties;
import com.hmoexchange.hub.messages.MessageStoreRetention;
import com.hmoexchange.hub.messages.MessageStoreRetention.Purged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each store within its retention (RetentionSettings): payloads are emptied first, rows deleted later,
 * in batches of {@value #BATCH} rows per statement (each its own transaction), so a large purge never holds
 * long locks on the tables the hub is writing; the message store on PostgreSQL drops whole months instead.
 * Each run is recorded, store by store, in retention_run (with the partitions dropped).
 * Its timer fires on every node, but only the node holding the duty {@code retention} runs it
 * ({@link ClusterDuties}); should two nodes ever run at once (a holder that stalled past its lock), they only
 * share the work: every statement is idempotent.
 */
@Service
class Retention {

    static final int BATCH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final RetentionSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final MessageStoreRetention messageStore;
    private final ClusterDuties duties;

    Retention(JdbcTemplate jdbc, RetentionSettings settings, Clock clock, PlatformTransactionManager transactionManager,
            MessageStoreRetention messageStore, ClusterDuties duties) {
        this.duties = duties;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
        this.clock = clock;
        this.messageStore = messageStore;
    }

    @Scheduled(fixedDelayString = "${hub.operations.retention.period:1h}", initialDelayString = "${hub.operations.retention.period:1h}")
    void scheduled() {
        if (settings.scheduled()) {
            duties.runIfHeld("retention", () -> run(clock.instant()));
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
        touched.put("closed-claim-attachments", closedClaimAttachments(now));
        touched.put("decided-preauth-attachments", decidedPreAuthAttachments(now));
        return touched;
    }

    /*
     * A claim is closed when the payer decided and paid all it approved (APPROVED or PARTIAL and PAID), or
     * rejected it; last_activity_at is then the moment it closed (the decision or the last payment). A file is
     * shared by a rejected claim and its resubmission, so it goes only when every claim holding it is closed
     * past the cutoff. Removing keeps the attachment's row (type, name, size, digest) with the time it went.
     */
    private static String closedBefore(String claim) {
        return "(" + claim + ".status = 'REJECTED' or (" + claim + ".status in ('APPROVED', 'PARTIAL') and " + claim
                + ".payment_status = 'PAID')) and " + claim + ".last_activity_at < ?";
    }

    private long closedClaimAttachments(Instant now) {
        Instant removedAt = clock.instant();
        return record("closed-claim-attachments", now, settings.closedClaimAttachments(), cutoff -> {
            Timestamp at = Timestamp.from(cutoff);
            long total = 0;
            List<Long> contents;
            do {
                contents = jdbc.queryForList("select distinct a.content_id from claim_attachment a join claim c on c.id = a.claim_id "
                        + "where a.content_id is not null and " + closedBefore("c") + " and not exists (select 1 from claim_attachment o "
                        + "join claim oc on oc.id = o.claim_id where o.content_id = a.content_id and not (" + closedBefore("oc") + ")) "
                        + "limit " + BATCH, Long.class, at, at);
                if (!contents.isEmpty() && !removeContents(contents, removedAt, at)) {
                    break;
                }
                total += contents.size();
            } while (contents.size() >= BATCH);
            return new Purged(total, null);
        });
    }

    /*
     * A pre-authorisation request's files follow the claims' period, counted from its decision (approved, declined,
     * deemed; an emergency once the HMO has reviewed it). Each file belongs to one request only, so it simply goes.
     */
    private long decidedPreAuthAttachments(Instant now) {
        Instant removedAt = clock.instant();
        return record("decided-preauth-attachments", now, settings.closedClaimAttachments(), cutoff -> {
            Timestamp at = Timestamp.from(cutoff);
            long total = 0;
            List<Long> contents;
            do {
                contents = jdbc.queryForList("select a.content_id from preauthorisation_attachment a join preauthorisation p "
                        + "on p.id = a.preauthorisation_id where a.content_id is not null and p.decided_at < ? "
                        + "and p.review_needed = false limit " + BATCH, Long.class, at);
                if (!contents.isEmpty()) {
                    String ids = String.join(",", contents.stream().map(String::valueOf).toList());
                    transactions.executeWithoutResult(tx -> {
                        jdbc.update("update preauthorisation_attachment set content_id = null, content_removed_at = ? "
                                + "where content_id in (" + ids + ")", Timestamp.from(removedAt));
                        jdbc.update("delete from attachment_content where id in (" + ids + ")");
                    });
                }
                total += contents.size();
            } while (contents.size() >= BATCH);
            return new Purged(total, null);
        });
    }

    /**
     * Empties the closed claims' attachment rows and deletes their contents in one transaction. Only rows of
     * claims still closed past the cutoff are emptied: if a resubmission took up one of the files meanwhile,
     * its row keeps the file, the delete fails on the foreign key, nothing is removed and the next run looks again.
     */
    boolean removeContents(List<Long> contents, Instant removedAt, Timestamp cutoff) {
        String ids = String.join(",", contents.stream().map(String::valueOf).toList());
        try {
            transactions.executeWithoutResult(tx -> {
                jdbc.update("update claim_attachment set content_id = null, content_removed_at = ? where content_id in (" + ids
                        + ") and claim_id in (select c.id from claim c where " + closedBefore("c") + ")",
                        Timestamp.from(removedAt), cutoff);
                jdbc.update("delete from attachment_content where id in (" + ids + ")");
            });
            return true;
        } catch (DataIntegrityViolationException raced) {
            log.warn("Retention: {} attachment content(s) were taken up by another claim meanwhile; left for the next run",
                    contents.size());
            return false;
        }
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
