package com.hmoexchange.hub.preauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.payers.MappingLimits;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerHttp;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.payers.PreAuthorisationSection;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.responses.PreAuthAnswerExceptions;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends requests to payers that decide over their own channel: {@code preauthorisation.mode: channel}, the request as
 * a FHIR Claim with {@code use = preauthorization} POSTed to {@code preauthorisation.url}, the payer's ClaimResponse
 * applied as its decision; {@code mode: json}, the payer's own JSON through its mappings ({@link PreAuthJson}), its
 * answer given at once or later as a signed callback ({@link PreAuthCallbackController}); {@code mode: email}, the
 * same Claim mailed to {@code preauthorisation.email}, its answer taken from the payer's answers mailbox
 * ({@link PreAuthMailAnswers}). Right after the request commits, and again from the clock while the payer has not taken it, so
 * a payer that is down gets it when it is back. The call is made outside any transaction; what it brings back is
 * applied in one. An answer that names no request of the payer's, or cannot be read, goes to the exceptions list.
 */
@Component
class PreAuthSender {

    private static final Logger log = LoggerFactory.getLogger(PreAuthSender.class);

    private final PreAuthorisationRepository requests;
    private final PreAuthorisations preAuthorisations;
    private final PayerRepository payers;
    private final PayerCatalog catalog;
    private final EnrolleeRepository enrollees;
    private final ProviderRepository providers;
    private final PreAuthAnswerExceptions exceptions;
    private final TransactionTemplate tx;
    private final String currency;
    private final java.time.Clock clock;
    private final Duration sendLease;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String mailFrom;
    private final PayerHttp http = new PayerHttp(Duration.ofSeconds(10), Duration.ofSeconds(30));
    private final PreAuthJson json;

    PreAuthSender(PreAuthorisationRepository requests, PreAuthorisations preAuthorisations, PayerRepository payers,
            PayerCatalog catalog, EnrolleeRepository enrollees, ProviderRepository providers, PreAuthAnswerExceptions exceptions,
            TransactionTemplate tx, @Value("${hub.currency:NGN}") String currency, java.time.Clock clock, PreAuthSettings settings,
            ObjectMapper objectMapper, MappingLimits limits, ObjectProvider<JavaMailSender> mailSender,
            @Value("${hub.mail.from}") String mailFrom) {
        this.json = new PreAuthJson(objectMapper, limits);
        this.sendLease = settings.sendLease();
        this.mailSender = mailSender;
        this.mailFrom = mailFrom;
        this.clock = clock;
        this.requests = requests;
        this.preAuthorisations = preAuthorisations;
        this.payers = payers;
        this.catalog = catalog;
        this.enrollees = enrollees;
        this.providers = providers;
        this.exceptions = exceptions;
        // Each step in a transaction of its own: right after a request commits (onReady) the committed transaction is
        // still bound to the thread, and joining it would lose what the payer answered.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.currency = currency;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onReady(PreAuthReadyToSend ready) {
        sendQuietly(ready.id());
    }

    /** Sends one request if it still waits to go; a failure is logged and left for the clock's next try. */
    void sendQuietly(long id) {
        try {
            send(id);
        } catch (RuntimeException e) {
            log.warn("Pre-authorisation request {} not delivered to its payer: {}; the clock tries again", id, e.getMessage());
        }
    }

    private record Outgoing(String payerCode, PreAuthorisationSection rules, String reference, String body,
            List<PreAuthorisations.AttachmentFile> files) {

        String contentType() {
            return rules.mode() == PreAuthorisationSection.Mode.JSON ? "application/json" : "application/fhir+json";
        }
    }

    /**
     * Sends one request if it still waits to go and no other send of it is in flight: the send first takes the
     * request's lease (one conditional update), so the clock ticking, here or on another node, while the payer is
     * still answering cannot send it a second time. A failed send gives the lease back for the clock's next try.
     */
    void send(long id) {
        Instant now = clock.instant();
        Outgoing out = tx.execute(status -> {
            if (requests.leaseSend(id, now, now.plus(sendLease)) == 0) {
                return null;
            }
            PreAuthorisation p = requests.findById(id).orElseThrow();
            Payer payer = payers.findById(p.getPayerId()).orElseThrow();
            PreAuthorisationSection rules = catalog.settings(payer.getCode()).preauthorisation();
            if (!rules.sentToPayer()) {
                return null;
            }
            Enrollee member = enrollees.findById(p.getEnrolleeId()).orElseThrow();
            Provider practice = providers.findById(p.getProviderId()).orElseThrow();
            PreAuthFhir.Parties parties = new PreAuthFhir.Parties(member.getEnrolleeNumber(), member.fullName(),
                    practice.getCode(), practice.getName(), payer.getCode(), payer.getName(), currency);
            List<PreAuthorisations.AttachmentFile> files = preAuthorisations.filesToSend(p);
            String body = switch (rules.mode()) {
                case JSON -> json.request(rules.requestMapping(), PreAuthJson.canonical(p, parties, files));
                // By email the files are the mail's attachments; the Claim names them without their bytes.
                case EMAIL -> PreAuthFhir.request(p, parties, files, false);
                default -> PreAuthFhir.request(p, parties, files, true);
            };
            return new Outgoing(payer.getCode(), rules, p.getReference(), body, files);
        });
        if (out == null) {
            return;
        }
        try {
            deliver(id, out);
        } catch (RuntimeException e) {
            tx.executeWithoutResult(status -> requests.releaseSend(id));
            throw e;
        }
    }

    private void deliver(long id, Outgoing out) {
        if (out.rules().mode() == PreAuthorisationSection.Mode.EMAIL) {
            mail(out);
            markTaken(id);
            return;
        }
        if (out.rules().url().isBlank()) {
            throw new IllegalStateException("payer " + out.payerCode() + " has no preauthorisation.url set");
        }
        String answer;
        try {
            answer = http.post(out.rules().url(), out.rules().token(), out.contentType(), out.body());
        } catch (PayerHttp.NotAnswered e) {
            throw new IllegalStateException("payer " + out.payerCode() + " did not take the request: " + e.getMessage(), e);
        }
        receive(out.payerCode(), id, answer);
    }

    /**
     * Email mode: the FHIR Claim attached to a mail to the payer's PA address, sent at once (a failure leaves the
     * request unsent, for the clock's next try). The subject names the request's reference, never the member.
     */
    private void mail(Outgoing out) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null || out.rules().email().isBlank()) {
            throw new IllegalStateException("payer " + out.payerCode() + " takes requests by email, but "
                    + (sender == null ? "the hub has no mail server (spring.mail.host)" : "preauthorisation.email is not set"));
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            mail.setFrom(mailFrom);
            mail.setTo(out.rules().email());
            mail.setSubject("Pre-authorisation request " + out.reference());
            mail.setText("Pre-authorisation request " + out.reference() + " is attached as a FHIR R4 Claim (use = "
                    + "preauthorization)" + (out.files().isEmpty() ? "" : ", with the practice's " + out.files().size()
                    + " supporting file(s) named in its supportingInfo") + ". Answer with a FHIR ClaimResponse whose "
                    + "request.identifier names " + out.reference()
                    + ", attached to a mail to the address you send your claim answers to.\r\n");
            mail.addAttachment(out.reference() + ".fhir.json", new ByteArrayResource(out.body().getBytes(StandardCharsets.UTF_8)),
                    "application/fhir+json");
            // The practice's files, under the titles the Claim's supportingInfo gives them, always in base64: a file that
            // happens to be plain ASCII (some PDFs are) would otherwise go as 7bit text and have its line ends rewritten.
            for (PreAuthorisations.AttachmentFile file : out.files()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.data(), file.contentType())));
                part.setFileName(file.fileName());
                part.setDisposition(Part.ATTACHMENT);
                part.setHeader("Content-Transfer-Encoding", "base64");
                mail.getRootMimeMultipart().addBodyPart(part);
            }
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("request not mailed to " + out.payerCode() + ": " + e.getMessage(), e);
        }
    }

    /** Applies what the payer answered; what cannot be placed goes to the exceptions list and nothing else changes. */
    void receive(String payerCode, long id, String body) {
        markTaken(id);
        // A JSON payer may take the request with an empty 2xx and send its decision later, as a callback.
        if (!body.isBlank()) {
            receive(payerCode, body);
        }
    }

    /** What became of a payer's answer. */
    record Receipt(Outcome outcome, String detail) {

        enum Outcome {
            /** Applied to its request. */
            APPLIED,
            /** Readable, but not placed on a request (it names none of the payer's, or its request cannot take it): on the exceptions list. */
            EXCEPTION,
            /** Not readable: on the exceptions list, saying why. */
            UNREADABLE
        }
    }

    /**
     * Applies a payer's answer that came on its own (by email or callback, matched by the reference it names), read
     * as its payer speaks (FHIR, or its JSON through its answer mapping); what cannot be placed goes to the exceptions
     * list and nothing else changes.
     */
    Receipt receive(String payerCode, String body) {
        PayerAnswer answer;
        try {
            PreAuthorisationSection rules = catalog.settings(payerCode).preauthorisation();
            answer = rules.mode() == PreAuthorisationSection.Mode.JSON ? json.answer(rules.answerMapping(), body)
                    : PreAuthFhir.answer(body);
        } catch (IllegalArgumentException e) {
            String detail = "The payer's answer to a pre-authorisation request cannot be read: " + e.getMessage();
            exceptions.record(payerCode, detail, body);
            return new Receipt(Receipt.Outcome.UNREADABLE, detail);
        }
        try {
            tx.executeWithoutResult(status -> preAuthorisations.applyPayerAnswer(payerCode, answer));
            return new Receipt(Receipt.Outcome.APPLIED, "Applied to request " + answer.requestReference() + ".");
        } catch (PreAuthorisations.UnplacedAnswer | com.hmoexchange.hub.common.RuleViolation
                | com.hmoexchange.hub.common.InvalidInput e) {
            exceptions.record(payerCode, e.getMessage(), body);
            return new Receipt(Receipt.Outcome.EXCEPTION, e.getMessage() + " It is on the exceptions list for a person to place.");
        }
    }

    /** The payer took the request (whatever its answer turns out to be): do not send it again. */
    private void markTaken(long id) {
        tx.executeWithoutResult(status -> requests.findById(id).filter(p -> p.getSentAt() == null)
                .ifPresent(p -> p.sent(null, clock.instant())));
    }
}
