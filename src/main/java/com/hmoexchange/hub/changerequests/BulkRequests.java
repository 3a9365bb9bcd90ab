package com.hmoexchange.hub.changerequests;

import com.hmoexchange.hub.clients.Client;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.common.SqlStates;
import com.hmoexchange.hub.mail.Email;
import com.hmoexchange.hub.mail.Mailer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a bulk request file: each valid row becomes a PENDING request through the same checks as the
 * portal (each row in its own transaction, so a bad row does not undo the good ones); the HMO gets one
 * notice for the file and the sender one email listing the rows refused and why. A file that came by SFTP
 * or email is known by its content (SHA-256): each of its rows is taken once, the mark committed with the
 * row's request, so the same content dropped twice, on two nodes, or again after a crash mid-file, requests
 * no row twice. A person's upload in the portal is taken as often as they send it.
 */
@Service
class BulkRequests {

    private static final Logger log = LoggerFactory.getLogger(BulkRequests.class);

    private final ChangeRequests requests;
    private final RequestNotices notices;
    private final Mailer mailer;
    private final TransactionTemplate eachRow;
    private final JdbcTemplate sql;
    private final ChangeRequestSettings settings;

    BulkRequests(ChangeRequests requests, RequestNotices notices, Mailer mailer, PlatformTransactionManager transactions,
            JdbcTemplate sql, ChangeRequestSettings settings) {
        this.settings = settings;
        this.sql = sql;
        this.requests = requests;
        this.notices = notices;
        this.mailer = mailer;
        this.eachRow = new TransactionTemplate(transactions);
        this.eachRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    record Refusal(long line, String reason) {
    }

    static final String ALREADY_TAKEN = "already taken from a file with the same content";

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Outcome(String fileName, List<Long> accepted, List<Refusal> refused) {
    }

    Outcome take(Client client, Requester who, String fileName, String csv, String replyTo) {
        // Every line logged while the file is taken names it, its client and the client's HMO (identifiers only).
        String payer = sql.query("select code from payer where id = ?", (rs, n) -> rs.getString(1), client.getPayerId())
                .stream().findFirst().orElse(null);
        try (LogContext file = LogContext.document(payer, fileName).with(LogContext.CLIENT, client.getCode())) {
            return takeRows(client, who, fileName, csv, replyTo);
        }
    }

    private Outcome takeRows(Client client, Requester who, String fileName, String csv, String replyTo) {
        List<Long> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        String digest = who.channel() == RequestChannel.PORTAL ? null : sha256(csv);
        Set<Long> takenBefore = digest == null ? Set.of() : new HashSet<>(sql.queryForList(
                "select line from bulk_row_taken where client_id = ? and file_digest = ?", Long.class, client.getId(), digest));
        List<BulkRows.Row> rows = BulkRows.read(csv);
        if (rows.size() > settings.bulkMaxRows()) {
            refused.add(new Refusal(0, "the file has " + rows.size() + " rows; one file may hold at most " + settings.bulkMaxRows()
                    + " (HUB_BULK_MAX_ROWS). Nothing in it was requested: split it into smaller files and send them again."));
            rows = List.of();
        }
        for (BulkRows.Row row : rows) {
            if (row.problem() != null) {
                refused.add(new Refusal(row.line(), row.problem()));
                continue;
            }
            if (takenBefore.contains(row.line())) {
                refused.add(new Refusal(row.line(), ALREADY_TAKEN));
                continue;
            }
            try {
                accepted.add(eachRow.execute(tx -> {
                    long id = requests.request(who, row.change(), false).getId();
                    if (digest != null) {
                        // Committed with the request: a second take of this content finds the row taken.
                        sql.update("insert into bulk_row_taken (client_id, file_digest, line, change_request_id, taken_at) values (?, ?, ?, ?, ?)",
                                client.getId(), digest, row.line(), id, Timestamp.from(Instant.now()));
                    }
                    return id;
                }));
            } catch (DuplicateKeyException e) {
                refused.add(new Refusal(row.line(), ALREADY_TAKEN));
            } catch (RuleViolation | InvalidInput | NotFoundException e) {
                refused.add(new Refusal(row.line(), e.getMessage()));
            } catch (RuntimeException e) {
                // Not the exception's message: a database's quotes the row's values (a member's name, date of birth).
                log.warn("Bulk file {} of {}: line {} failed: {} (SQL state '{}')", fileName, client.getCode(), row.line(),
                        e.getClass().getSimpleName(), SqlStates.of(e));
                refused.add(new Refusal(row.line(), "could not be processed; send it again or ask the HMO"));
            }
        }
        Outcome outcome = new Outcome(fileName, accepted, refused);
        try {
            eachRow.executeWithoutResult(tx -> {
                if (!accepted.isEmpty()) {
                    notices.bulkReceived(client, fileName, accepted.size(), who.by());
                }
                mailer.sendAfterCommit(report(client, outcome, replyTo));
            });
        } catch (RuntimeException e) {
            // The rows are saved: failing the file now would have it taken again, and every row requested twice.
            log.error("Bulk file {} of {}: {} request(s) saved, but its report and the HMO's notice could not be written",
                    fileName, client.getCode(), accepted.size(), e);
        }
        log.info("Bulk file {} of {} via {}: {} request(s) taken, {} row(s) refused", fileName, client.getCode(),
                who.channel(), accepted.size(), refused.size());
        return outcome;
    }

    /** Refused rows the report lists one by one; a file of thousands of bad rows gets the first ones and a count. */
    static final int REPORTED_REFUSALS = 200;

    private static Email report(Client client, Outcome outcome, String to) {
        StringBuilder body = new StringBuilder("Your file ").append(outcome.fileName()).append(" for ").append(client.getName())
                .append(":\n\n").append(outcome.accepted().size()).append(" row(s) taken as requests, waiting for the HMO's decision.\n")
                .append(outcome.refused().size()).append(" row(s) refused");
        if (outcome.refused().isEmpty()) {
            body.append(".\n");
        } else {
            body.append(" (fix them and send only those rows again):\n\n");
            outcome.refused().stream().limit(REPORTED_REFUSALS)
                    .forEach(r -> body.append(r.line() > 0 ? "line " + r.line() : "the file").append(": ").append(r.reason()).append('\n'));
            if (outcome.refused().size() > REPORTED_REFUSALS) {
                body.append("... and ").append(outcome.refused().size() - REPORTED_REFUSALS)
                        .append(" more refused row(s), for the same kinds of reasons; fix the ones above and check the rest.\n");
            }
        }
        body.append("\nColumns: ").append(BulkRows.COLUMNS_TEXT).append('\n');
        return new Email(to, "Bulk requests " + outcome.fileName() + ": " + outcome.accepted().size() + " taken, "
                + outcome.refused().size() + " refused", body.toString());
    }
}
