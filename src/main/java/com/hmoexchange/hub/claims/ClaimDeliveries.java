package com.hmoexchange.hub.claims;

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
import java.util.List;
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
    private final AttachmentContentRepository contents;
    private final EnrolleeRepository enrollees;
    private final VisitRepository visits;
    private final ProviderRepository providers;
    private final PayerRepository payers;
    private final Outbox outbox;
    private final Clock clock;

    ClaimDeliveries(ClaimRepository claims, AttachmentContentRepository contents, EnrolleeRepository enrollees,
            VisitRepository visits, ProviderRepository providers, PayerRepository payers, Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.claims = claims;
        this.contents = contents;
        this.enrollees = enrollees;
        this.visits = visits;
        this.providers = providers;
        this.payers = payers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CanonicalClaim canonical(String claimNumber) {
        Claim c = load(claimNumber);
        Enrollee patient = enrollees.findById(c.getEnrolleeId()).orElseThrow();
        Visit visit = visits.findById(c.getVisitId()).orElseThrow();
        Provider provider = providers.findById(c.getProviderId()).orElseThrow();
        Payer payer = payers.findById(c.getPayerId()).orElseThrow();
        String resubmissionOf = c.getResubmissionOfId() == null ? null
                : claims.findById(c.getResubmissionOfId()).map(Claim::getClaimNumber).orElse(null);
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
                        contents.findById(a.getContentId()).orElseThrow().getData()))
                .toList();
    }

    public void delivered(String claimNumber, String payerReference, boolean payerSaysReceived, String channel) {
        Claim claim = load(claimNumber);
        claim.delivered(payerReference, payerSaysReceived, channel, staleAfter(claim), clock.instant());
    }

    /** An operator's re-send: the claim goes out again through the outbox, even if the payer already has it. */
    public void requestResend(String claimNumber, String operator) {
        Claim claim = load(claimNumber);
        if (claim.getStatus() == ClaimStatus.DRAFT) {
            throw new RuleViolation("claim-not-submitted", "Claim " + claimNumber + " is a draft; it has never been sent.");
        }
        outbox.append("Claim", claimNumber, new ClaimResendRequested(claimNumber, operator, clock.instant()));
    }

    public void refused(String claimNumber, String payerError) {
        load(claimNumber).deliveryRefused(payerError);
    }

    public void failing(String claimNumber, String error, boolean givenUp) {
        load(claimNumber).deliveryFailing(error, givenUp);
    }

    private Duration staleAfter(Claim claim) {
        return Duration.ofDays(payers.findById(claim.getPayerId()).orElseThrow().getStaleAfterDays());
    }

    private Claim load(String claimNumber) {
        return claims.findByClaimNumber(claimNumber).orElseThrow(() -> new NotFoundException("Claim", claimNumber));
    }
}
