package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.attachments.AttachmentStore;
import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.claims.ClaimViews.ClaimView;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.organisations.PracticeContracts;
import com.hmoexchange.hub.outbox.Outbox;
import com.hmoexchange.hub.payers.AttachmentType;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.HmoModuleGate;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.tariffs.Tariff;
import com.hmoexchange.hub.tariffs.TariffRepository;
import com.hmoexchange.hub.visits.PerformedService;
import com.hmoexchange.hub.visits.Visit;
import com.hmoexchange.hub.visits.VisitRepository;
import com.hmoexchange.hub.web.Display;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The claim use cases for a practice's staff. Every method is scoped to the signed-in user's
 * practice: another practice's claim is not found. The rules themselves live in {@link Claim}.
 */
@Service
@Transactional
public class ClaimService {

    private final ClaimRepository claims;
    private final AttachmentStore contents;
    private final VisitRepository visits;
    private final EnrolleeRepository enrollees;
    private final PayerRepository payers;
    private final TariffRepository tariffs;
    private final HmoModuleGate hmoModule;
    private final Contracts contracts;
    private final ClaimNumbers numbers;
    private final Outbox outbox;
    private final ClaimPresenter presenter;
    private final Clock clock;
    private final String currency;
    private final MeterRegistry meters;
    private final PreAuthorisationCheck preAuthorisation;

    private final AuditLog audit;
    private final Display show;

    ClaimService(ClaimRepository claims, AttachmentStore contents, VisitRepository visits,
            EnrolleeRepository enrollees, PayerRepository payers, TariffRepository tariffs, HmoModuleGate hmoModule,
            Contracts contracts, ClaimNumbers numbers, Outbox outbox, ClaimPresenter presenter,
            Clock clock, ClaimSettings settings, MeterRegistry meters, AuditLog audit, PreAuthorisationCheck preAuthorisation,
            Display show) {
        this.show = show;
        this.audit = audit;
        this.meters = meters;
        this.preAuthorisation = preAuthorisation;
        this.claims = claims;
        this.contents = contents;
        this.visits = visits;
        this.enrollees = enrollees;
        this.payers = payers;
        this.tariffs = tariffs;
        this.hmoModule = hmoModule;
        this.contracts = contracts;
        this.numbers = numbers;
        this.outbox = outbox;
        this.presenter = presenter;
        this.clock = clock;
        this.currency = settings.currency();
    }

    /** A visit service to bill, at the tariff price unless a price and its reason are given. */
    public record ServiceToBill(long visitServiceId, BigDecimal unitPrice, String priceReason) {

        PriceOverride override() {
            return unitPrice == null && priceReason == null ? null : new PriceOverride(unitPrice, priceReason);
        }
    }

    public ClaimView createDraft(HubUser user, long visitId, List<ServiceToBill> services, List<String> diagnoses,
            String paCode, String providerReference) {
        long providerId = practiceOf(user);
        Visit visit = visits.lockForClaiming(visitId, providerId)
                .orElseThrow(() -> new InvalidInput("visitId", "Your practice has no visit " + visitId + "."));
        if (providerReference != null && !providerReference.isBlank()
                && claims.existsByProviderIdAndProviderReference(providerId, providerReference.trim())) {
            throw new RuleViolation("duplicate-provider-reference", "Your practice already has a claim with reference '"
                    + providerReference.trim() + "'. Choose another reference or leave it out to use the claim number.");
        }
        Enrollee patient = enrollees.findById(visit.getEnrolleeId()).orElseThrow();
        contracts.requireCurrent(providerId, patient.getPayerId(), visit.getEncounterDate());
        Claim claim = Claim.draft(numbers.next(), providerReference, providerId, patient.getPayerId(),
                patient.getId(), visit.getId(), diagnoses, paCode,
                currency, user.getUsername(), clock.instant());
        addServices(claim, visit, services, user);
        return presenter.view(claims.save(claim));
    }

    public ClaimView addLines(HubUser user, long claimId, Long version, List<ServiceToBill> services) {
        Claim claim = load(user, claimId, version);
        Visit visit = visits.lockForClaiming(claim.getVisitId(), claim.getProviderId()).orElseThrow();
        addServices(claim, visit, services, user);
        return saved(claim);
    }

    public ClaimView removeLine(HubUser user, long claimId, Long version, int position) {
        Claim claim = load(user, claimId, version);
        claim.removeLine(position);
        return saved(claim);
    }

    public ClaimView overridePrice(HubUser user, long claimId, Long version, int position, BigDecimal unitPrice,
            String reason) {
        Claim claim = load(user, claimId, version);
        claim.overridePrice(position, new PriceOverride(unitPrice, reason), user.getUsername());
        return saved(claim);
    }

    public ClaimView describe(HubUser user, long claimId, Long version, List<String> diagnoses, String paCode) {
        Claim claim = load(user, claimId, version);
        claim.describe(diagnoses, paCode);
        return saved(claim);
    }

    public ClaimView attach(HubUser user, long claimId, Long version, AttachmentType type, String fileName, byte[] data) {
        Claim claim = load(user, claimId, version);
        AttachmentStore.Stored kept = contents.keep("file", fileName, data);
        claim.attach(new ClaimAttachment(type, kept.fileName(), kept.contentType(), kept.sizeBytes(), kept.sha256(),
                kept.contentId(), user.getUsername(), clock.instant()));
        return saved(claim);
    }

    public ClaimView detach(HubUser user, long claimId, Long version, long attachmentId) {
        Claim claim = load(user, claimId, version);
        ClaimAttachment removed = claim.detach(attachmentId);
        claims.flush();
        if (claims.countAttachmentReferences(removed.getContentId()) == 0) {
            contents.delete(removed.getContentId());
        }
        return saved(claim);
    }

    public record AttachmentFile(String fileName, String contentType, byte[] data) {
    }

    @Transactional(readOnly = true)
    public AttachmentFile attachmentFile(HubUser user, long claimId, long attachmentId) {
        Claim claim = load(user, claimId, null);
        ClaimAttachment attachment = claim.attachment(attachmentId);
        if (attachment.isContentRemoved()) {
            throw new RuleViolation("attachment-removed-by-retention", "The file " + attachment.getFileName()
                    + " was removed by retention on " + show.day(attachment.getContentRemovedAt())
                    + ", after claim " + claim.getClaimNumber() + " was closed; its type, name and SHA-256 digest are kept.");
        }
        byte[] data = contents.read(attachment.getContentId());
        audit.record(AuditAction.ATTACHMENT_DOWNLOADED, "attachment", attachmentId, "claim " + claim.getClaimNumber());
        return new AttachmentFile(attachment.getFileName(), attachment.getContentType(), data);
    }

    public ClaimView submit(HubUser user, long claimId, Long version) {
        Claim claim = load(user, claimId, version);
        contracts.requireCurrent(claim.getProviderId(), claim.getPayerId(), dayOfCare(claim));
        Payer payer = payers.findById(claim.getPayerId()).orElseThrow();
        Enrollee patient = enrollees.findById(claim.getEnrolleeId()).orElseThrow();
        ClaimSubmitted submitted = claim.submit(payer.getRequiredAttachments(), patient, staleAfter(payer),
                preAuthorisation.check(claim), user.getUsername(), clock.instant());
        outbox.append("Claim", claim.getClaimNumber(), submitted);
        countSubmitted(payer);
        return saved(claim);
    }

    /** The operators' count of claims submitted per payer and channel (docs/operations.md), once the submission commits. */
    private void countSubmitted(Payer payer) {
        Counter submitted = meters.counter("hub.claims.submitted", "payer", payer.getCode(), "channel", payer.getChannel().code());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            submitted.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submitted.increment();
            }
        });
    }

    /** The most claims one {@link #submitAll} takes; a month end's drafts go in a few requests. */
    public static final int SUBMIT_ALL_MAX = 500;

    /**
     * Submits many of the practice's drafts at once, each as {@link #submit} would: the same rules, the
     * same outbox event. Each claim stands alone: one refused (not a draft, missing documents, patient not
     * covered, not found or another practice's) is reported with the message submitting it alone gives,
     * and is left as it was, since {@link Claim#submit} checks everything before it changes anything.
     * Claims, their lines, attachments, diagnoses and history, payers and patients are read with a fixed
     * number of queries, whatever the number of claims; the updates are batched when the transaction
     * flushes. Duplicate ids count once.
     */
    public Submissions submitAll(HubUser user, List<Long> claimIds) {
        Set<Long> ids = claimIds == null ? Set.of() : claimIds.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            throw new InvalidInput("claimIds", "Choose at least one claim to submit.");
        }
        if (ids.size() > SUBMIT_ALL_MAX) {
            throw new InvalidInput("claimIds", "At most " + SUBMIT_ALL_MAX + " claims can be submitted at once; "
                    + ids.size() + " were given. Send the rest in another request.");
        }
        long providerId = practiceOf(user);
        PracticeContracts contracted = contracts.of(providerId);
        Map<Long, Claim> found = claims.findByProviderIdAndIdIn(providerId, ids).stream()
                .collect(Collectors.toMap(Claim::getId, Function.identity()));
        List<Long> drafts = found.values().stream().filter(c -> c.getStatus() == ClaimStatus.DRAFT).map(Claim::getId).toList();
        if (!drafts.isEmpty()) {
            claims.fetchLines(drafts);
            claims.fetchAttachments(drafts);
            claims.fetchDiagnoses(drafts);
            claims.fetchHistory(drafts);
        }
        Map<Long, Payer> payersById = payers.findAllById(found.values().stream().map(Claim::getPayerId).distinct().toList())
                .stream().collect(Collectors.toMap(Payer::getId, Function.identity()));
        Map<Long, Enrollee> patients = enrollees.findAllById(found.values().stream().map(Claim::getEnrolleeId).distinct()
                .toList()).stream().collect(Collectors.toMap(Enrollee::getId, Function.identity()));
        Instant now = clock.instant();
        List<Submissions.Submitted> submitted = new ArrayList<>();
        List<Submissions.Refused> refused = new ArrayList<>();
        for (long id : ids) {
            Claim claim = found.get(id);
            if (claim == null) {
                refused.add(Submissions.Refused.notFound(id));
                continue;
            }
            Payer payer = payersById.get(claim.getPayerId());
            try {
                contracted.require(claim.getPayerId(), dayOfCare(claim));
                ClaimSubmitted event = claim.submit(payer.getRequiredAttachments(), patients.get(claim.getEnrolleeId()),
                        staleAfter(payer), preAuthorisation.check(claim), user.getUsername(), now);
                outbox.append("Claim", claim.getClaimNumber(), event);
                countSubmitted(payer);
                submitted.add(new Submissions.Submitted(claim.getId(), claim.getClaimNumber(), claim.getStatus()));
            } catch (RuleViolation refusal) {
                refused.add(Submissions.Refused.of(claim, refusal));
            }
        }
        return new Submissions(submitted, refused);
    }

    public ClaimView changeStatus(HubUser user, long claimId, Long version, ClaimStatus status, BigDecimal approvedAmount,
            String reason) {
        Claim claim = load(user, claimId, version);
        Payer payer = payers.findById(claim.getPayerId()).orElseThrow();
        claim.changeStatus(status, approvedAmount, reason, user.getUsername(), ChangeSource.USER, staleAfter(payer),
                clock.instant());
        return saved(claim);
    }

    public ClaimView recordPayment(HubUser user, long claimId, Long version, String reference, BigDecimal amount,
            LocalDate paidOn) {
        Claim claim = load(user, claimId, version);
        claim.recordPayment(reference.trim(), amount, paidOn == null ? LocalDate.now(clock) : paidOn, user.getUsername(),
                clock.instant());
        return saved(claim);
    }

    public ClaimView writeOff(HubUser user, long claimId, Long version, BigDecimal amount, String reason) {
        Claim claim = load(user, claimId, version);
        claim.writeOffPatientShare(amount, reason, user.getUsername());
        return saved(claim);
    }

    /** Starts the corrected copy of a rejected claim; the copy is a draft to fix and submit. */
    public ClaimView resubmit(HubUser user, long claimId, String providerReference) {
        Claim original = load(user, claimId, null);
        claims.resubmissionNumbers(original.getId()).stream().findFirst().ifPresent(existing -> {
            throw new RuleViolation("already-resubmitted", "Claim " + original.getClaimNumber()
                    + " was already resubmitted as " + existing + "; work on that claim instead.");
        });
        Claim copy = original.resubmission(numbers.next(), providerReference, user.getUsername(), clock.instant());
        if (claims.existsByProviderIdAndProviderReference(copy.getProviderId(), copy.getProviderReference())) {
            throw new RuleViolation("duplicate-provider-reference", "Your practice already has a claim with reference '"
                    + copy.getProviderReference() + "'. Give another providerReference for the resubmission.");
        }
        visits.lockForClaiming(original.getVisitId(), original.getProviderId()).orElseThrow();
        guardAgainstDoubleBilling(copy, copy.getLines().stream().map(ClaimLine::getVisitServiceId).toList());
        return presenter.view(claims.save(copy));
    }

    /** Throws away a draft that should never be sent. Submitted claims are never deleted. */
    public void deleteDraft(HubUser user, long claimId, Long version) {
        Claim claim = load(user, claimId, version);
        if (claim.getStatus() != ClaimStatus.DRAFT) {
            throw new RuleViolation("claim-not-draft", "Claim " + claim.getClaimNumber() + " is " + claim.getStatus()
                    + "; only drafts can be deleted.");
        }
        List<Long> contentIds = claim.getAttachments().stream().map(ClaimAttachment::getContentId).toList();
        claims.delete(claim);
        claims.flush();
        contentIds.stream().filter(id -> claims.countAttachmentReferences(id) == 0).forEach(contents::delete);
    }

    /** A visit service not yet on any claim, with the price the practice's tariff gives it today. */
    public record BillableService(long id, String code, String description, int quantity, LocalDate serviceDate,
            BigDecimal tariffPrice) {
    }

    /** A recent visit of the practice with the services still to bill. */
    public record BillableVisit(long visitId, String enrolleeNumber, String patientName, String payer,
            LocalDate encounterDate, List<BillableService> services) {
    }

    /**
     * The practice's recent visits (at most 100) that still have services on no claim, optionally of
     * patients whose enrollee number or name contains the text. A service on a rejected claim is not
     * billable afresh: it goes to that claim's resubmission.
     */
    @Transactional(readOnly = true)
    public List<BillableVisit> billableVisits(HubUser user, String patient) {
        long providerId = practiceOf(user);
        String wanted = patient == null ? "" : patient.trim().toLowerCase(java.util.Locale.ROOT);
        List<BillableVisit> found = new ArrayList<>();
        for (Visit visit : visits.findTop100ByProviderIdOrderByEncounterDateDescIdDesc(providerId)) {
            Enrollee enrollee = enrollees.findById(visit.getEnrolleeId()).orElseThrow();
            if (!wanted.isEmpty() && !enrollee.getEnrolleeNumber().toLowerCase(java.util.Locale.ROOT).contains(wanted)
                    && !enrollee.fullName().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                continue;
            }
            List<Long> ids = visit.getServices().stream().map(PerformedService::getId).toList();
            Set<Long> claimed = new HashSet<>();
            claims.findHolding(ids, -1).forEach(c -> c.getLines().forEach(l -> claimed.add(l.getVisitServiceId())));
            List<BillableService> open = visit.getServices().stream().filter(s -> !claimed.contains(s.getId()))
                    .map(s -> new BillableService(s.getId(), s.getServiceCode(), s.getDescription(), s.getQuantity(),
                            s.getServiceDate(), tariffs.findInForce(providerId, enrollee.getPayerId(), s.getServiceCode(),
                                    s.getServiceDate()).map(Tariff::getUnitPrice).orElse(null)))
                    .toList();
            if (!open.isEmpty()) {
                String payer = payers.findById(enrollee.getPayerId()).map(Payer::getName).orElse("");
                found.add(new BillableVisit(visit.getId(), enrollee.getEnrolleeNumber(), enrollee.fullName(), payer,
                        visit.getEncounterDate(), open));
            }
        }
        return found;
    }

    @Transactional(readOnly = true)
    public ClaimView find(HubUser user, long claimId) {
        return presenter.view(load(user, claimId, null));
    }

    private void addServices(Claim claim, Visit visit, List<ServiceToBill> services, HubUser user) {
        if (services == null || services.isEmpty()) {
            throw new InvalidInput("services", "Choose at least one service from the visit.");
        }
        Set<Long> seen = new HashSet<>();
        for (ServiceToBill wanted : services) {
            if (!seen.add(wanted.visitServiceId())) {
                throw new InvalidInput("services", "Service " + wanted.visitServiceId() + " is listed twice.");
            }
            PerformedService service = visit.service(wanted.visitServiceId())
                    .orElseThrow(() -> new InvalidInput("services", "Visit " + visit.getId() + " has no service "
                            + wanted.visitServiceId() + "; its services are " + visit.getServices().stream()
                            .map(PerformedService::getId).toList() + "."));
            BigDecimal tariffPrice = tariffs.findInForce(claim.getProviderId(), claim.getPayerId(), service.getServiceCode(),
                            service.getServiceDate())
                    .map(this::priceIn).orElse(null);
            claim.addLine(service.getId(), service.getServiceCode(), service.getDescription(), service.getQuantity(),
                    service.getServiceDate(), tariffPrice, wanted.override(), user.getUsername());
        }
        guardAgainstDoubleBilling(claim, seen);
    }

    /**
     * A visit service may sit on one active claim only. A rejected claim lets its services go only
     * to its own resubmissions, so a rejected service is corrected, not billed afresh. Callers hold
     * the visit's lock, so two requests cannot both pass this check.
     */
    private void guardAgainstDoubleBilling(Claim claim, Collection<Long> serviceIds) {
        long self = claim.getId() == null ? -1 : claim.getId();
        Set<Long> ancestors = ancestorsOf(claim);
        for (Claim holder : claims.findHolding(serviceIds, self)) {
            boolean correctedHere = !holder.isActive() && ancestors.contains(holder.getId());
            if (!correctedHere) {
                List<String> codes = holder.getLines().stream().filter(l -> serviceIds.contains(l.getVisitServiceId()))
                        .map(ClaimLine::getServiceCode).toList();
                throw new RuleViolation("service-already-claimed", "Services " + codes + " are already on claim "
                        + holder.getClaimNumber() + " (" + holder.getStatus() + ")."
                        + (holder.isActive() ? " Remove them from that claim first, or leave them out here."
                        : " That claim was rejected: resubmit it to correct it."));
            }
        }
    }

    private Set<Long> ancestorsOf(Claim claim) {
        Set<Long> ancestors = new HashSet<>();
        Long parent = claim.getResubmissionOfId();
        while (parent != null && ancestors.add(parent)) {
            parent = claims.findById(parent).map(Claim::getResubmissionOfId).orElse(null);
        }
        return ancestors;
    }

    private BigDecimal priceIn(Tariff tariff) {
        if (!tariff.getCurrency().equals(currency)) {
            throw new InvalidInput("services", "The tariff for " + tariff.getServiceCode() + " is in "
                    + tariff.getCurrency() + "; claims are billed in " + currency + ".");
        }
        return tariff.getUnitPrice();
    }

    private Claim load(HubUser user, long claimId, Long expectedVersion) {
        Claim claim = claims.findByIdAndProviderId(claimId, practiceOf(user))
                .orElseThrow(() -> new NotFoundException("Claim", claimId));
        claim.expectVersion(expectedVersion);
        return claim;
    }

    /**
     * The day the contract must run on to bill a claim: its first service's (a claim for care given while the
     * contract ran may be sent after it ended); a claim without lines, which submit refuses anyway, today.
     */
    private LocalDate dayOfCare(Claim claim) {
        return claim.getLines().stream().map(ClaimLine::getServiceDate).filter(Objects::nonNull).min(LocalDate::compareTo)
                .orElse(LocalDate.now(clock));
    }

    private long practiceOf(HubUser user) {
        return hmoModule.requireEnabled(user.requireProviderId()).getId();
    }

    private ClaimView saved(Claim claim) {
        return presenter.view(claims.saveAndFlush(claim));
    }

    private static Duration staleAfter(Payer payer) {
        return Duration.ofDays(payer.getStaleAfterDays());
    }

}
