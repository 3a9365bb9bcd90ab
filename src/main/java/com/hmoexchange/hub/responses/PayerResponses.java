package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.common.LogContext;
import com.hmoexchange.hub.common.SqlStates;
import com.hmoexchange.hub.common.Texts;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.responses.ApplyPayerResponse;
import io.micrometer.core.instrument.MeterRegistry;
import com.hmoexchange.hub.mailintake.HeldMailHandler;
import com.hmoexchange.hub.mailintake.Intake;
import com.hmoexchange.hub.mailintake.IntakeRule;
import com.hmoexchange.hub.mailintake.MailIntake;
import com.hmoexchange.hub.mailintake.ReceivedMail;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.payers.PayerSettings;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every payer document arrives, whatever the channel (SFTP file, email attachment, HTTP callback):
 * it is recognised when its content was applied before (under any name), read in its format, checked
 * (a remittance's total must be the sum of its parts) and applied in one transaction, or quarantined with
 * the line and the problem for a person. Every document is recorded with what became of it.
 */
@Component("payerResponses")
public class PayerResponses implements HeldMailHandler {

    private static final Logger log = LoggerFactory.getLogger(PayerResponses.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final ResponseFormats formats;
    private final ApplyPayerResponse applyResponse;
    private final InboundDocumentRepository documents;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PayerCatalog payers;
    private final MailIntake intake;
    private final PreAuthAnswerIntake preAuthAnswers;
    private final Display show;

    PayerResponses(ResponseFormats formats, ApplyPayerResponse applyResponse, InboundDocumentRepository documents,
            Notifications notifications, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            MeterRegistry meters, PayerCatalog payers, MailIntake intake, PreAuthAnswerIntake preAuthAnswers, Display show) {
        this.show = show;
        this.preAuthAnswers = preAuthAnswers;
        this.meters = meters;
        this.payers = payers;
        this.intake = intake;
        this.formats = formats;
        this.applyResponse = applyResponse;
        this.documents = documents;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What became of a document. {@code report} is the quarantine report a person reads (null otherwise). */
    public record Receipt(long documentId, InboundDocument.Outcome outcome, String detail, String report) {
    }

    public Receipt take(String payer, String channel, String name, byte[] content) {
        try (LogContext context = LogContext.document(payer, loggable(channel, name))) {
            Receipt receipt = take(payer, channel, name, content, context);
            meters.counter("hub.answers.received", "payer", payer, "channel", channel, "format", formatOf(payer, content),
                    "outcome", receipt.outcome().name()).increment();
            return receipt;
        }
    }

    /** The format a document was read as, for the operators' counter (docs/operations.md). */
    private String formatOf(String payer, byte[] content) {
        try {
            return formats.formatOf(payer, content).code();
        } catch (RuntimeException unknownPayer) {
            return "unknown";
        }
    }

    /**
     * The document as the logs name it: a mail's subject stays out (a payer's reply may quote the claim mail's
     * subject, which names the patient); the full name is kept with the inbound document.
     */
    static String loggable(String channel, String name) {
        if (!"email".equals(channel)) {
            return name;
        }
        int subject = name.indexOf(" (");
        return name.startsWith("body of '") ? "mail body" : subject > 0 ? name.substring(0, subject) : name;
    }

    private Receipt take(String payer, String channel, String fullName, byte[] content, LogContext context) {
        String name = loggable(channel, fullName);
        String sha256 = sha256(content);
        if (alreadyApplied(payer, sha256)) {
            return duplicate(payer, channel, fullName, sha256, context);
        }
        PayerResponse document;
        long readStarted = System.nanoTime();
        try {
            document = formats.read(payer, content);
            for (Remittance remittance : document.remittances()) {
                if (!remittance.balances()) {
                    throw new UnreadableResponse(0, "Remittance " + remittance.paymentReference() + ": the total "
                            + remittance.total() + " is not the sum of its parts " + remittance.partsTotal()
                            + " (claim payments less provider adjustments); nothing in the file was posted.");
                }
            }
        } catch (UnreadableResponse e) {
            return quarantine(payer, channel, fullName, sha256, e.line(), e.getMessage(), content, context);
        }
        long readMs = (System.nanoTime() - readStarted) / 1_000_000;
        long applyStarted = System.nanoTime();
        try {
            return tx.execute(status -> {
                InboundDocument record = documents.saveAndFlush(new InboundDocument(payer, channel, fullName, sha256, clock.instant()));
                long id = record.getId();
                context.set(LogContext.DOCUMENT_ID, id);
                jdbc.update("insert into applied_document (payer_code, sha256, document_id) values (?, ?, ?)", payer, sha256, id);
                // Who moved the claim, as its history shows it: the payer, the channel and the file or mail.
                String source = truncate(payer + " via " + channel + ("callback".equals(channel) ? "" : " " + fullName), 100);
                ApplyPayerResponse.Summary summary = applyResponse.apply(payer, document, id, source);
                documents.findById(id).orElseThrow().applied(summary.adjudications(), summary.payments(), summary.exceptions());
                log.info("Payer {} document {} ({}) applied: {} (read in {} ms, applied in {} ms)", payer, name, channel,
                        summary.text(), readMs, (System.nanoTime() - applyStarted) / 1_000_000);
                return new Receipt(id, InboundDocument.Outcome.APPLIED, summary.text(), null);
            });
        } catch (RuntimeException e) {
            if (e instanceof DuplicateKeyException && alreadyApplied(payer, sha256)) {
                // Another node (or a second copy arriving at once) applied the same content first.
                return duplicate(payer, channel, fullName, sha256, context);
            }
            if (worthRetrying(e)) {
                throw e; // the file stays for the next poll, the mail in its box; a callback is answered 503
            }
            // Tried again it would fail again, at every poll, unseen: a person is told instead. The database's
            // own words (which may quote rows) stay in the log; the report says what kind of refusal it was.
            if (SqlStates.of(e).isEmpty()) {
                log.error("Payer {} document {} ({}) could not be applied", payer, name, channel, e);
            } else {
                // The database's own words quote the refused row's values (member data): only its SQL state is logged.
                log.error("Payer {} document {} ({}) could not be applied: {}", payer, name, channel, refusal(e));
            }
            return quarantine(payer, channel, fullName, sha256, 0, "The hub could not apply it: " + refusal(e)
                    + ". Nothing in it was applied; the hub's log has the details.", content, context);
        }
    }

    /**
     * The database was out of reach, busy, locked or slow: the same document may well apply later.
     * Hibernate's own exceptions are not translated where the answers are flushed, so the SQL state
     * of the cause decides as much as the exception's type.
     */
    static boolean worthRetrying(RuntimeException e) {
        RuntimeException translated = e instanceof DataAccessException ? e
                : EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(e);
        if (translated instanceof TransientDataAccessException || translated instanceof RecoverableDataAccessException
                || translated instanceof DataAccessResourceFailureException
                || e instanceof CannotCreateTransactionException || e instanceof TransactionTimedOutException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        String state = SqlStates.of(e);
        // 08 connection, 40 deadlock or serialisation, 53 out of resources, 55P03 lock not available, 57014 cancelled (time-out).
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.equals("55P03")
                || state.equals("57014");
    }

    /** What kind of refusal, in words an operator can act on, without the values of the rows concerned. */
    private static String refusal(RuntimeException e) {
        String state = SqlStates.of(e);
        if (!state.isEmpty()) {
            String what = switch (state) {
                case "22001" -> "a value longer than the database holds";
                case "22003" -> "a number larger than the database holds";
                case "22007", "22008" -> "a date or time the database cannot hold";
                case "23502" -> "a required value is missing";
                case "23503" -> "it refers to something the hub does not have";
                case "23505" -> "something in it that must be unique is already recorded";
                default -> "the database refused it";
            };
            return what + " (SQL state " + state + ")";
        }
        return "an unexpected error in the hub"; // its kind and cause are in the log, not in a report people read
    }

    /** Route step for a file from a payer's SFTP folder: applied, moved to .done; unreadable, to .quarantine with a report. */
    public void fromFile(Exchange exchange) {
        String payer = exchange.getMessage().getHeader("hubPayer", String.class);
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Receipt receipt = take(payer, "sftp", name, exchange.getMessage().getBody(byte[].class));
        String stamped = STAMP.format(clock.instant()) + "-" + name;
        if (receipt.outcome() == InboundDocument.Outcome.QUARANTINED) {
            exchange.setProperty("hubMoveTo", ".quarantine/" + stamped);
            exchange.setProperty("hubReport", receipt.report());
            exchange.setProperty("hubReportName", ".quarantine/" + stamped + ".error.txt");
        } else {
            exchange.setProperty("hubMoveTo", ".done/" + stamped);
        }
    }

    /**
     * Route step for an email to a payer's response mailbox. The mail is applied only when the payer's rules for
     * its mailbox pass (allowed sender, DKIM and DMARC by the hub's mail server, size limits): otherwise it is
     * held for an operator (mailintake/MailIntake), nothing of it applied. Each attachment is a document; a mail
     * without attachments is read from its text. An unreadable one is quarantined and the operators told, and the
     * mail stays in the mailbox: nothing is dropped.
     */
    public void fromEmail(Exchange exchange) throws MessagingException, IOException {
        String payer = exchange.getMessage().getHeader("hubPayer", String.class);
        PayerSettings.Imap mailbox = payers.settings(payer).responses().mailbox().orElseThrow();
        IntakeRule rule = new IntakeRule(mailbox.senders(), mailbox.authenticationRequired(), null);
        Optional<ReceivedMail> mail = intake.admit(exchange, Intake.PAYER_RESPONSES, payer, sender -> rule);
        exchange.getMessage().setBody(mail.map(m -> take(payer, m).toString()).orElse("held"));
    }

    @Override
    public Intake intake() {
        return Intake.PAYER_RESPONSES;
    }

    /** A held answer an operator accepted: applied as on arrival; each document's outcome in a sentence. */
    @Override
    public String applyAccepted(String payer, ReceivedMail mail) {
        List<Receipt> receipts = take(payer, mail);
        if (receipts.isEmpty()) {
            return "A pre-authorisation answer: applied to the request it names (or on the exceptions list).";
        }
        return String.join("; ", receipts.stream().map(r -> "inbound document " + r.documentId() + " " + r.outcome()
                .name().toLowerCase(java.util.Locale.ROOT)).toList()) + ".";
    }

    private List<Receipt> take(String payer, ReceivedMail mail) {
        String subject = mail.subject();
        List<Receipt> receipts = new ArrayList<>();
        for (ReceivedMail.Attachment attachment : mail.attachments()) {
            if (!preAuthAnswers.take(payer, attachment.content())) {
                receipts.add(take(payer, "email", truncate(attachment.name() + " (" + subject + ")", 300), attachment.content()));
            }
        }
        if (mail.attachments().isEmpty()) {
            receipts.add(take(payer, "email", truncate("body of '" + subject + "'", 300),
                    mail.text().strip().getBytes(StandardCharsets.UTF_8)));
        }
        return receipts;
    }

    private boolean alreadyApplied(String payer, String sha256) {
        Integer count = jdbc.queryForObject("select count(*) from applied_document where payer_code = ? and sha256 = ?",
                Integer.class, payer, sha256);
        return count != null && count > 0;
    }

    private Receipt duplicate(String payer, String channel, String name, String sha256, LogContext context) {
        long id = tx.execute(status -> {
            InboundDocument record = new InboundDocument(payer, channel, name, sha256, clock.instant());
            record.duplicate();
            return documents.save(record).getId();
        });
        context.set(LogContext.DOCUMENT_ID, id);
        log.info("Payer {} document {} ({}) is a copy of one already applied; not applied again", payer,
                loggable(channel, name), channel);
        return new Receipt(id, InboundDocument.Outcome.DUPLICATE, "The same content was applied before; nothing changed.", null);
    }

    private Receipt quarantine(String payer, String channel, String name, String sha256, long line, String reason, byte[] content,
            LogContext context) {
        // PostgreSQL text cannot hold a NUL character: a binary or NUL-padded document would fail its own quarantine.
        String problem = Texts.storable(reason);
        String payerName = payers.has(payer) ? payers.settings(payer).name() : payer;
        String report = "Quarantined: " + name + " from " + payerName + " (" + channel + ")\n"
                + "Received: " + show.when(clock.instant()) + "\nSHA-256: " + sha256 + "\n"
                + (line > 0 ? "Line: " + line + "\n" : "Line: (the document as a whole)\n")
                + "Problem: " + problem + "\n\nNothing in this document was applied. Correct it (or ask the payer to) and send it again.\n";
        long id = tx.execute(status -> {
            InboundDocument record = new InboundDocument(payer, channel, name, sha256, clock.instant());
            record.quarantined(line, problem, content.length > 10_000_000 ? null
                    : Texts.storable(new String(content, StandardCharsets.UTF_8)));
            long saved = documents.save(record).getId();
            notifications.tellOperators(NotificationKind.FILE_QUARANTINED, "Document " + name + " from " + payerName + " (" + channel
                    + ") was quarantined" + (line > 0 ? " at line " + line : "") + ": " + problem + " (inbound document " + saved + ")");
            return saved;
        });
        context.set(LogContext.DOCUMENT_ID, id);
        // The problem may quote the document's line (member data): the report and the quarantine page show it, the log does not.
        log.warn("Payer {} document {} ({}) quarantined{}; see inbound document {}", payer, loggable(channel, name), channel,
                line > 0 ? " at line " + line : "", id);
        return new Receipt(id, InboundDocument.Outcome.QUARANTINED, problem, report);
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
