package com.hmoexchange.hub.mailintake;

import com.hmoexchange.hub.audit.Actor;
import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.mail.MailKeys;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.security.HubUser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gate of every mail intake. A route's bean hands over the mail as the mailbox holds it; the mail is applied
 * only when its sender is allowed, the hub's own mail server vouched for it (when the intake requires that) and
 * it is within the size limits. Otherwise it is held, whole, with why, and the operators are told; an operator
 * accepts it (the intake's {@link HeldMailHandler} applies it then, once) or rejects it. The log names held
 * mails by id only: their senders, subjects and content stay in the database.
 */
@Service
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

    private final HeldMailRepository held;
    private final MailIntakeSettings settings;
    private final MailReader reader;
    private final MailKeys keys;
    private final Notifications notifications;
    private final AuditLog audit;
    private final ObjectProvider<HeldMailHandler> handlers;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    MailIntake(HeldMailRepository held, MailIntakeSettings settings, MailKeys keys, Notifications notifications,
            AuditLog audit, ObjectProvider<HeldMailHandler> handlers, PlatformTransactionManager transactions,
            Clock clock, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.held = held;
        this.settings = settings;
        this.reader = new MailReader(settings);
        this.keys = keys;
        this.notifications = notifications;
        this.audit = audit;
        this.handlers = handlers;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public MailIntakeSettings settings() {
        return settings;
    }

    /**
     * A mail just taken from an intake's mailbox (the route's body is the mail itself: {@code mapMailMessage=false}).
     * Returns it read, to be applied, or empty when it was held.
     *
     * @param ruleFor who may send, decided from the one sender's address (null when the mail has none or several)
     */
    public Optional<ReceivedMail> admit(Exchange exchange, Intake intake, String owner, Function<String, IntakeRule> ruleFor)
            throws MessagingException, IOException {
        Message message = exchange.getMessage().getBody(Message.class);
        if (message == null) {
            throw new IllegalStateException("The " + intake + " route must hand over the mail itself (mapMailMessage=false)");
        }
        String key = keys.of(exchange);
        List<String> from = MailReader.senders(message);
        String sender = from.size() == 1 ? from.get(0) : null;
        String subject = MailReader.subject(message);
        long size = Math.max(0, message.getSize());
        ReceivedMail mail;
        try {
            mail = reader.read(message);
        } catch (MailReader.OverLimit e) {
            hold(intake, owner, key, String.join(", ", from), subject, List.of(e.getMessage()), size, null);
            return Optional.empty();
        }
        String[] results = message.getHeader("Authentication-Results");
        List<String> problems = ruleFor.apply(sender).problems(from, results == null ? List.of() : Arrays.asList(results),
                settings.authservId());
        if (problems.isEmpty()) {
            return Optional.of(mail);
        }
        byte[] raw;
        try {
            raw = reader.raw(message);
        } catch (MailReader.OverLimit e) {
            raw = null;
        }
        hold(intake, owner, key, String.join(", ", from), subject, problems, size > 0 ? size : raw == null ? 0 : raw.length, raw);
        return Optional.empty();
    }

    private void hold(Intake intake, String owner, String key, String sender, String subject, List<String> problems, long size,
            byte[] raw) {
        if (held.existsByIntakeAndMailKey(intake, key)) {
            return; // held when it was first read (the mail is read again after a crash before its key was kept)
        }
        try {
            long id = ownTransaction.execute(tx -> {
                HeldMail mail = held.saveAndFlush(new HeldMail(intake, owner, key, sender, subject, clock.instant(), problems, size,
                        raw != null));
                if (raw != null) {
                    jdbc.update("update held_mail set raw_mime = ? where id = ?", raw, mail.getId());
                }
                audit.recordFor(Actor.SYSTEM, AuditAction.MAIL_HELD, "held-mail", mail.getId(), intake + " " + owner + " from "
                        + sender + ": " + String.join(" ", problems));
                notifications.tellOperators(NotificationKind.MAIL_HELD, "A mail to " + intake.label().toLowerCase() + " (" + ownerName(intake, owner)
                        + ") was held and not applied: " + problems.get(0) + " Accept or reject it: held mail " + mail.getId() + ".");
                return mail.getId();
            });
            log.warn("Mail to {} ({}) held, not applied: held mail {}", intake, owner, id);
        } catch (DataIntegrityViolationException sameMailAtOnce) {
            // Another node held the same mail first.
        }
    }

    @Transactional(readOnly = true)
    public List<HeldMail> list(HeldMail.Status status, int size) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(size, 500)));
        return status == null ? held.findAllByOrderByReceivedAtDesc(page) : held.findByStatusOrderByReceivedAtDesc(status, page);
    }

    @Transactional(readOnly = true)
    public HeldMail one(long id) {
        return held.findById(id).orElseThrow(() -> new NotFoundException("Held mail", id));
    }

    /** The mail as received (RFC 5322 text), for an operator to read before deciding; empty when it was too large to keep. */
    @Transactional(readOnly = true)
    public Optional<byte[]> content(long id) {
        one(id);
        return Optional.ofNullable(raw(id));
    }

    private byte[] raw(long id) {
        return jdbc.queryForObject("select raw_mime from held_mail where id = ?", (rs, i) -> rs.getBytes(1), id);
    }

    /** Applies the held mail as its intake would have, once: a second accept (at once, or later) is refused. */
    @Transactional
    public HeldMail accept(HubUser user, long id) {
        HeldMail mail = held.lockById(id).orElseThrow(() -> new NotFoundException("Held mail", id));
        undecided(mail);
        if (!mail.acceptable()) {
            throw new RuleViolation("HELD_MAIL_NOT_KEPT", "Held mail " + id + " was too large to keep, so it cannot be applied: "
                    + "reject it and ask the sender to send its files in several mails.");
        }
        ReceivedMail received;
        try {
            received = reader.read(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw(id))))
                    .accepted(id);
        } catch (MessagingException | IOException | MailReader.OverLimit e) {
            throw new RuleViolation("HELD_MAIL_UNREADABLE", "Held mail " + id + " cannot be read: " + e.getMessage()
                    + " Reject it and ask the sender to send it again.");
        }
        HeldMailHandler handler = handlers.orderedStream().filter(h -> h.intake() == mail.getIntake()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No flow applies mails of " + mail.getIntake()));
        String outcome = handler.applyAccepted(mail.getOwner(), received);
        mail.accept(user.getUsername(), clock.instant(), outcome);
        audit.record(AuditAction.HELD_MAIL_ACCEPTED, "held-mail", id, mail.getIntake() + " " + mail.getOwner() + ": " + outcome);
        log.info("Held mail {} accepted and applied", id);
        return mail;
    }

    /** Nothing of the mail is applied; the decision is kept with it. */
    @Transactional
    public HeldMail reject(HubUser user, long id, String reason) {
        HeldMail mail = held.lockById(id).orElseThrow(() -> new NotFoundException("Held mail", id));
        undecided(mail);
        String why = reason == null || reason.isBlank() ? "Rejected by an operator." : reason.strip();
        mail.reject(user.getUsername(), clock.instant(), why);
        audit.record(AuditAction.HELD_MAIL_REJECTED, "held-mail", id, mail.getIntake() + " " + mail.getOwner() + ": " + why);
        log.info("Held mail {} rejected", id);
        return mail;
    }

    private static void undecided(HeldMail mail) {
        if (mail.getStatus() != HeldMail.Status.HELD) {
            throw new RuleViolation("HELD_MAIL_DECIDED", "Held mail " + mail.getId() + " was already "
                    + mail.getStatus().name().toLowerCase() + " by " + mail.getDecidedBy() + "; nothing changed.");
        }
    }

    /** Whose intake, for the operators' notice: a payer by its name (as the held-mail pages show it), else the address's user. */
    private String ownerName(Intake intake, String owner) {
        if (intake != Intake.PAYER_RESPONSES) {
            return owner;
        }
        java.util.List<String> names = jdbc.queryForList("select name from payer where code = ?", String.class, owner);
        return names.isEmpty() ? owner : names.get(0);
    }
}
