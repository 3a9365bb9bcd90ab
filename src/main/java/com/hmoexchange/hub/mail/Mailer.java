package com.hmoexchange.hub.mail;

import com.hmoexchange.hub.common.Texts;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's outgoing email. An email is written to the {@code outgoing_mail} table in the transaction that
 * decided it (so a rolled-back decision sends nothing) and sent by a relay once that transaction commits, on
 * a background thread: a slow mail server never holds a database transaction open. If the server is down
 * the relay tries again with growing pauses, so nothing is lost; rows are taken FOR UPDATE SKIP LOCKED, so
 * several hub nodes never send the same email. With no mail server configured (HUB_MAIL_HOST empty) emails
 * are not kept, only logged. Logs name the recipient and subject only: bodies may carry sign-in links.
 */
@Component
public class Mailer implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final int BATCH = 20;

    private final ObjectProvider<JavaMailSender> sender;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean configured;
    private final String from;
    private final Duration firstRetry;
    private final int maxAttempts;
    private final Duration relayPeriod;
    private final ExecutorService outgoing = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hub-mail");
        thread.setDaemon(true);
        return thread;
    });

    Mailer(ObjectProvider<JavaMailSender> sender, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            ObjectProvider<MailProperties> server, MailSettings settings) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        MailProperties mailServer = server.getIfAvailable();
        this.configured = mailServer != null && mailServer.getHost() != null && !mailServer.getHost().isBlank();
        this.from = settings.from();
        this.firstRetry = settings.firstRetry();
        this.maxAttempts = settings.maxAttempts();
        this.relayPeriod = settings.relayPeriod();
    }

    /** Whether a mail server is set (HUB_MAIL_HOST): without one, emails are logged, not sent. */
    public boolean isConfigured() {
        return configured;
    }

    /** Keeps the email with the current transaction (or at once when there is none) and sends it after commit. */
    public void sendAfterCommit(Email email) {
        if (!configured) {
            log.info("Mail not configured (HUB_MAIL_HOST); not sent to {}: {}", email.to(), email.subject());
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // A report or digest that outgrows the table's columns is cut, not refused: refusing it would undo
        // the decision it reports, which is written in the same transaction.
        jdbc.update("""
                insert into outgoing_mail (recipient, subject, body, status, attempts, next_attempt_at, created_at,
                    body_expires_at)
                values (?, ?, ?, 'PENDING', 0, ?, ?, ?)""", email.to(), Texts.shortened(email.subject(), MAX_SUBJECT),
                cutBody(email.body()), now, now, email.secretUntil() == null ? null : Timestamp.from(email.secretUntil()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outgoing.submit(Mailer.this::relay);
                }
            });
        } else {
            outgoing.submit(this::relay);
        }
    }

    static final int MAX_SUBJECT = 500;
    static final int MAX_BODY = 100_000;
    private static final String CUT = "\n\n[Cut here: the rest is too long for one email. The hub shows it all.]\n";

    /** The body, or as much of it as the table holds, saying it was cut. */
    static String cutBody(String body) {
        return body == null || body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY - CUT.length()) + CUT;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::relay, relayPeriod, relayPeriod));
    }

    /** Sends what is due: new emails, and those whose retry time has come. */
    public void relay() {
        if (!configured) {
            return;
        }
        try {
            forgetExpiredSecrets();
            Integer sent;
            do {
                sent = transaction.execute(status -> sendDue());
            } while (sent != null && sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("Mail relay pass failed: {}", e.toString());
        }
    }

    /**
     * A body whose sign-in link has expired is cleared, sent or not; one not yet sent is given up, since the
     * link in it would not work any more (docs/security.md, "Sign-in links not kept").
     */
    void forgetExpiredSecrets() {
        Timestamp now = Timestamp.from(clock.instant());
        int expired = jdbc.update("""
                update outgoing_mail set body = null, status = 'FAILED',
                    last_error = 'Not sent before the sign-in link in it expired; the link was discarded.'
                where body_expires_at <= ? and status = 'PENDING'""", now);
        jdbc.update("update outgoing_mail set body = null where body_expires_at <= ? and body is not null", now);
        if (expired > 0) {
            log.warn("{} unsent mail(s) with a sign-in link given up: the link expired", expired);
        }
    }

    private record Pending(long id, String to, String subject, String body, int attempts) {
    }

    private int sendDue() {
        Instant now = clock.instant();
        List<Pending> due = jdbc.query("""
                select id, recipient, subject, body, attempts from outgoing_mail
                where status = 'PENDING' and next_attempt_at <= ?
                order by id limit ? for update skip locked""",
                (rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                Timestamp.from(now), BATCH);
        for (Pending mail : due) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                sender.getObject().send(message);
                jdbc.update("update outgoing_mail set status = 'SENT', body = null, attempts = ?, sent_at = ?, last_error = null "
                        + "where id = ?", mail.attempts() + 1, Timestamp.from(clock.instant()), mail.id());
                log.info("Mail sent to {}: {}", mail.to(), mail.subject());
            } catch (RuntimeException e) {
                failed(mail, e, now);
            }
        }
        return due.size();
    }

    private void failed(Pending mail, RuntimeException e, Instant now) {
        int attempts = mail.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        error = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= maxAttempts) {
            jdbc.update("update outgoing_mail set status = 'FAILED', attempts = ?, last_error = ? where id = ?",
                    attempts, error, mail.id());
            log.warn("Mail to {} ({}) given up after {} attempts: {}", mail.to(), mail.subject(), attempts,
                    e.getClass().getSimpleName());
            return;
        }
        // 1x, 2x, 4x ... the first pause, at most an hour apart.
        Duration pause = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        pause = pause.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : pause;
        jdbc.update("update outgoing_mail set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?", attempts,
                Timestamp.from(now.plus(pause)), error, mail.id());
        log.warn("Mail to {} ({}) failed, attempt {}; next try in {}: {}", mail.to(), mail.subject(), attempts, pause,
                e.getClass().getSimpleName());
    }

    @PreDestroy
    void stop() {
        outgoing.shutdown();
    }
}
