package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.payers.PreAuthorisationSection;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.responses.PreAuthAnswerExceptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends requests to channel-mode payers (payer.yaml {@code preauthorisation.mode: channel}): the request as a FHIR
 * Claim with {@code use = preauthorization} POSTed to {@code preauthorisation.url}, the payer's ClaimResponse applied
 * as its decision. Right after the request commits, and again from the clock while the payer has not taken it, so
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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PreAuthSender(PreAuthorisationRepository requests, PreAuthorisations preAuthorisations, PayerRepository payers,
            PayerCatalog catalog, EnrolleeRepository enrollees, ProviderRepository providers, PreAuthAnswerExceptions exceptions,
            TransactionTemplate tx, @Value("${hub.currency:NGN}") String currency, java.time.Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.preAuthorisations = preAuthorisations;
        this.payers = payers;
        this.catalog = catalog;
        this.enrollees = enrollees;
        this.providers = providers;
        this.exceptions = exceptions;
        this.tx = tx;
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

    private record Outgoing(String payerCode, PreAuthorisationSection rules, String reference, String body) {
    }

    void send(long id) {
        Outgoing out = tx.execute(status -> {
            PreAuthorisation p = requests.findById(id).orElseThrow();
            if (p.getStatus() != PreAuthStatus.REQUESTED || p.getSentAt() != null) {
                return null;
            }
            Payer payer = payers.findById(p.getPayerId()).orElseThrow();
            PreAuthorisationSection rules = catalog.settings(payer.getCode()).preauthorisation();
            if (rules.mode() != PreAuthorisationSection.Mode.CHANNEL) {
                return null;
            }
            Enrollee member = enrollees.findById(p.getEnrolleeId()).orElseThrow();
            Provider practice = providers.findById(p.getProviderId()).orElseThrow();
            return new Outgoing(payer.getCode(), rules, p.getReference(), PreAuthFhir.request(p, new PreAuthFhir.Parties(
                    member.getEnrolleeNumber(), member.fullName(), practice.getCode(), practice.getName(), payer.getCode(),
                    payer.getName(), currency)));
        });
        if (out == null) {
            return;
        }
        if (out.rules().url().isBlank()) {
            throw new IllegalStateException("payer " + out.payerCode() + " has no preauthorisation.url set");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(out.rules().url())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(out.body(), StandardCharsets.UTF_8));
        if (!out.rules().token().isBlank()) {
            request.header("Authorization", "Bearer " + out.rules().token());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("payer " + out.payerCode() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + out.payerCode(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("payer " + out.payerCode() + " answered HTTP " + response.statusCode());
        }
        receive(out.payerCode(), id, response.body());
    }

    /** Applies what the payer answered; what cannot be placed goes to the exceptions list and nothing else changes. */
    void receive(String payerCode, long id, String body) {
        PayerAnswer answer;
        try {
            answer = PreAuthFhir.answer(body);
        } catch (IllegalArgumentException e) {
            markTaken(id);
            exceptions.record(payerCode, "The payer's answer to a pre-authorisation request cannot be read: " + e.getMessage(), body);
            return;
        }
        try {
            tx.executeWithoutResult(status -> preAuthorisations.applyPayerAnswer(payerCode, answer));
        } catch (PreAuthorisations.UnplacedAnswer | com.hmoexchange.hub.common.RuleViolation
                | com.hmoexchange.hub.common.InvalidInput e) {
            markTaken(id);
            exceptions.record(payerCode, e.getMessage(), body);
        }
    }

    /** The payer took the request even if its answer could not be applied: do not send it again. */
    private void markTaken(long id) {
        tx.executeWithoutResult(status -> requests.findById(id).filter(p -> p.getSentAt() == null)
                .ifPresent(p -> p.sent(null, clock.instant())));
    }
}
