package com.hmoexchange.hub.mail;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the hub's emails once the transaction that decided them has committed, on a background
 * thread: a slow or absent mail server never holds a database transaction open or undoes a
 * decision. With no mail server configured (HUB_MAIL_HOST empty) emails are dropped with a log line.
 * Logs name the recipient and subject only: bodies may carry sign-in links.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final boolean configured;
    private final String from;
    private final ExecutorService outgoing = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hub-mail");
        thread.setDaemon(true);
        return thread;
    });

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
            @Value("${hub.mail.from}") String from) {
        this.sender = sender;
        this.configured = !host.isBlank();
        this.from = from;
    }

    /** Sends after the current transaction commits (at once when there is none); never if it rolls back. */
    public void sendAfterCommit(Email email) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outgoing.submit(() -> send(email));
                }
            });
        } else {
            outgoing.submit(() -> send(email));
        }
    }

    private void send(Email email) {
        if (!configured) {
            log.info("Mail not configured (HUB_MAIL_HOST); not sent to {}: {}", email.to(), email.subject());
            return;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(email.to());
            message.setSubject(email.subject());
            message.setText(email.body());
            sender.getObject().send(message);
            log.info("Mail sent to {}: {}", email.to(), email.subject());
        } catch (RuntimeException e) {
            log.warn("Mail to {} ({}) failed: {}", email.to(), email.subject(), e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        outgoing.shutdown();
    }
}
