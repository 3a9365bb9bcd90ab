package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.attachments.AttachmentStore;
import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.claims.CanonicalClaim.AttachmentFile;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.outbox.Outbox;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.visits.Visit;
import com.hmoexchange.hub.visits.VisitRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What dispatch needs from the core: a submitted claim in canonical form, its documents, and the
 * place to record how delivery went. Called by the dispatch routes' beans, never by users.
 */
@Service
@Transactional
public class ClaimDeliveries {

    private final ClaimRepository claims;
    private final AttachmentStore contents;
    private final EnrolleeRepository enrollees;
    private final VisitRepository visits;
    private final ProviderRepository providers;
    private final PayerRepository payers;
    private final Outbox outbox;
    private final Clock clock;

    private final AuditLog audit;

    ClaimDeliveries(ClaimRepository claims, AttachmentStore contents, EnrolleeRepository enrollees,
            VisitRepository visits, ProviderRepository providers, PayerRepository payers, Outbox outbox, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.outbox = outbox;
        this.claims = claims;
        this.contents = contents;
        this.enrollees = enrollees;
        this.visits = visits;
        this.providers = providers;
        this.payers = payers;
        this.clock = clock;
    }

    /**
     * The canonical form of several claims, read with a handful of queries whatever their number
     * (claims, then their patients, visits, practices and payers by id), in the order the numbers are
     * given (the order they were submitted in). Unknown numbers are left out.
     */
    @Transactional(readOnly = true)
    public List<CanonicalClaim> canonical(Collection<String> claimNumbers) {
        Map<String, Claim> byNumber = byId(claims.findByClaimNumberIn(claimNumbers), Claim::getClaimNumber);
        List<Claim> found = claimNumbers.stream().map(byNumber::get).filter(Objects::nonNull).toList();
        Map<Long, Enrollee> patients = byId(enrollees.findAllById(ids(found, Claim::getEnrolleeId)), Enrollee::getId);
        Map<Long, Visit> visitsById = byId(visits.findAllById(ids(found, Claim::getVisitId)), Visit::getId);
        Map<Long, Provider> providersById = byId(providers.findAllById(ids(found, Claim::getProviderId)), Provider::getId);
        Map<Long, Payer> payersById = byId(payers.findAllById(ids(found, Claim::getPayerId)), Payer::getId);
        Map<Long, String> originals = claims.findAllById(ids(found, Claim::getResubmissionOfId)).stream()
                .collect(Collectors.toMap(Claim::getId, Claim::getClaimNumber));
        return found.stream().map(c -> canonical(c, patients.get(c.getEnrolleeId()), visitsById.get(c.getVisitId()),
                providersById.get(c.getProviderId()), payersById.get(c.getPayerId()),
                originals.get(c.getResubmissionOfId()))).toList();
    }

    private static CanonicalClaim canonical(Claim c, Enrollee patient, Visit visit, Provider provider, Payer payer,
            String resubmissionOf) {
        return new CanonicalClaim(c.getClaimNumber(), c.getProviderReference(), resubmissionOf, c.getSubmittedAt(),
                c.getCurrency(), c.billedAmount(),
                new CanonicalClaim.Party(provider.getCode(), provider.getName()),
                new CanonicalClaim.Party(payer.getCode(), payer.getName()),
                new CanonicalClaim.Patient(patient.getEnrolleeNumber(), patient.getFirstName(), patient.getLastName(),
                        patient.getDateOfBirth(), patient.getRelationship().name(),
                        patient.isPrincipal() ? null : patient.getPrincipal().getEnrolleeNumber()),
                new CanonicalClaim.Encounter(visit.getEncounterDate(), visit.getAdmissionDate(), visit.getDischargeDate()),
                c.getDiagnoses(), c.getPaCode(),
                c.getLines().stream().map(l -> new CanonicalClaim.Line(l.getPosition(), l.getServiceCode(),
                        l.getDescription(), l.getServiceDate(), l.getQuantity(), l.getUnitPrice(), l.amount())).toList(),
                c.getAttachments().stream().map(a -> new CanonicalClaim.Attachment(a.getId(), a.getType().name(),
                        a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256())).toList());
    }

    @Transactional(readOnly = true)
    public List<AttachmentFile> attachmentFiles(String claimNumber) {
        return load(claimNumber).getAttachments().stream()
                .map(a -> new AttachmentFile(a.getFileName(), a.getContentType(),
                        contents.read(a.getContentId())))
                .toList();
    }

    /** How sending a claim ended, as the dispatcher notes it on the claim. */
    public sealed interface DeliveryOutcome {
        String claimNumber();

        /** The payer has the claim (and perhaps its reference, and word that it registered it). */
        record Delivered(String claimNumber, String payerReference, boolean payerSaysReceived, String payerCode)
                implements DeliveryOutcome {
        }

        /** The payer will not take the claim as sent. */
        record Refused(String claimNumber, String payerError) implements DeliveryOutcome {
        }

        /** The channel failed; the claim will be tried again, or was given up on. */
        record Failing(String claimNumber, String error, boolean givenUp) implements DeliveryOutcome {
        }
    }

    /** Notes a batch of delivery outcomes on their claims, in one transaction. */
    public void record(List<? extends DeliveryOutcome> outcomes) {
        Map<String, Claim> byNumber = byId(claims.findByClaimNumberIn(outcomes.stream()
                .map(DeliveryOutcome::claimNumber).collect(Collectors.toSet())), Claim::getClaimNumber);
        Map<Long, Duration> staleAfter = new HashMap<>();
        for (DeliveryOutcome outcome : outcomes) {
            Claim claim = byNumber.get(outcome.claimNumber());
            if (claim == null) {
                throw new NotFoundException("Claim", outcome.claimNumber());
            }
            if (outcome instanceof DeliveryOutcome.Delivered d) {
                claim.delivered(d.payerReference(), d.payerSaysReceived(), d.payerCode(),
                        staleAfter.computeIfAbsent(claim.getPayerId(), this::staleAfter), clock.instant());
            } else if (outcome instanceof DeliveryOutcome.Refused r) {
                claim.deliveryRefused(r.payerError());
            } else if (outcome instanceof DeliveryOutcome.Failing f) {
                claim.deliveryFailing(f.error(), f.givenUp());
            }
        }
    }

    /** An operator's re-send: the claim goes out again through the outbox, even if the payer already has it. */
    public void requestResend(String claimNumber, String operator) {
        Claim claim = load(claimNumber);
        if (claim.getStatus() == ClaimStatus.DRAFT) {
            throw new RuleViolation("claim-not-submitted", "Claim " + claimNumber + " is a draft; it has never been sent.");
        }
        if (claim.getAttachments().stream().anyMatch(ClaimAttachment::isContentRemoved)) {
            throw new RuleViolation("attachments-removed-by-retention", "Claim " + claimNumber + " was closed and its "
                    + "attachments were removed by retention; it cannot be sent again without them.");
        }
        outbox.append("Claim", claimNumber, new ClaimResendRequested(claimNumber, operator, clock.instant()));
        audit.record(AuditAction.CLAIM_RESENT, "claim", claimNumber);
    }

    private Duration staleAfter(long payerId) {
        return Duration.ofDays(payers.findById(payerId).orElseThrow().getStaleAfterDays());
    }

    private static Set<Long> ids(List<Claim> found, Function<Claim, Long> id) {
        return found.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static <K, T> Map<K, T> byId(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity()));
    }

    private Claim load(String claimNumber) {
        return claims.findByClaimNumber(claimNumber).orElseThrow(() -> new NotFoundException("Claim", claimNumber));
    }
}
