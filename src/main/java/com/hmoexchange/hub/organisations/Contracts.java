package com.hmoexchange.hub.organisations;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.web.Display;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts between practices and payers, and the one question the rest of the hub asks of them: may
 * this practice look up and bill this payer's members on this day? Callers that must refuse use
 * {@link #requireCurrent}; lists of members are narrowed with {@link #contractedPayerIds}.
 */
@Service
public class Contracts {

    /** How contracts are listed: by practice, then payer, then first day. */
    private static final Sort LISTED = Sort.by("providerId", "payerId", "startsOn");

    private final ContractRepository contracts;
    private final ProviderRepository providers;
    private final PayerRepository payers;
    private final Clock clock;

    private final AuditLog audit;

    Contracts(ContractRepository contracts, ProviderRepository providers, PayerRepository payers, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.contracts = contracts;
        this.providers = providers;
        this.payers = payers;
        this.clock = clock;
    }

    /** The contract between the practice and the payer that runs on the day, if any. */
    @Transactional(readOnly = true)
    public Optional<Contract> current(long providerId, long payerId, LocalDate day) {
        return contracts.findByProviderIdAndPayerIdOrderByStartsOn(providerId, payerId).stream()
                .filter(c -> c.runsOn(day)).findFirst();
    }

    /** As {@link #current}, refused with {@link NoCurrentContract} (problem code no-current-contract) when there is none. */
    @Transactional(readOnly = true)
    public Contract requireCurrent(long providerId, long payerId, LocalDate day) {
        return current(providerId, payerId, day).orElseThrow(() -> new NoCurrentContract(
                providers.findById(providerId).map(Provider::getName).orElse("practice " + providerId),
                payerName(payerId), day));
    }

    /** The payers the practice has a contract with on the day. */
    @Transactional(readOnly = true)
    public Set<Long> contractedPayerIds(long providerId, LocalDate day) {
        return contracts.runningOn(providerId, day).stream().map(Contract::getPayerId).collect(Collectors.toSet());
    }

    /** The practice's contracts, read once, to check many payers and days without a query each. */
    @Transactional(readOnly = true)
    public PracticeContracts of(long providerId) {
        String practice = providers.findById(providerId).map(Provider::getName).orElse("practice " + providerId);
        return new PracticeContracts(practice, contracts.findByProviderIdOrderByStartsOnDesc(providerId), this::payerName);
    }

    private String payerName(long payerId) {
        return payers.findById(payerId).map(Payer::getName).orElse("payer " + payerId);
    }

    /** Today in the hub's clock, for callers asking about "now". */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Records a contract from {@code startsOn} to {@code endsOn} (inclusive; null: open-ended). Refused when
     * it would overlap another contract of the same practice and payer: end that one first.
     */
    @Transactional
    public Contract sign(long providerId, long payerId, LocalDate startsOn, LocalDate endsOn, String by) {
        Provider practice = providers.lockById(providerId).orElseThrow(() -> new NotFoundException("Practice", providerId));
        Payer payer = payers.findById(payerId).orElseThrow(() -> new NotFoundException("Payer", payerId));
        Contract contract = new Contract(providerId, payerId, startsOn, endsOn, clock.instant(), by);
        refuseOverlap(practice, payer, null, startsOn, endsOn);
        Contract saved = contracts.save(contract);
        audit.record(AuditAction.CONTRACT_RECORDED, "contract", saved.getId(), "from " + startsOn + " to " + endsOn);
        return saved;
    }

    /** Sets the contract's last day (null reopens it), refused when that would overlap a later contract of the pair. */
    @Transactional
    public Contract endAfter(long contractId, LocalDate lastDay) {
        Contract contract = get(contractId);
        Provider practice = providers.lockById(contract.getProviderId()).orElseThrow();
        Payer payer = payers.findById(contract.getPayerId()).orElseThrow();
        contract.endAfter(lastDay);
        refuseOverlap(practice, payer, contract.getId(), contract.getStartsOn(), lastDay);
        audit.record(AuditAction.CONTRACT_RECORDED, "contract", contractId, "last day " + lastDay);
        return contract;
    }

    @Transactional(readOnly = true)
    public Contract get(long contractId) {
        return contracts.findById(contractId).orElseThrow(() -> new NotFoundException("Contract", contractId));
    }

    @Transactional(readOnly = true)
    public List<Contract> ofPractice(long providerId) {
        return contracts.findByProviderIdOrderByStartsOnDesc(providerId);
    }

    @Transactional(readOnly = true)
    public List<Contract> ofPayer(long payerId) {
        return contracts.findByPayerIdOrderByStartsOnDesc(payerId);
    }

    @Transactional(readOnly = true)
    public List<Contract> all() {
        return contracts.findAll(LISTED);
    }

    /** The contracts of these practices, in the order of {@link #all()}. */
    @Transactional(readOnly = true)
    public List<Contract> ofPractices(Collection<Long> providerIds) {
        return contracts.findByProviderIdIn(providerIds, LISTED);
    }

    private void refuseOverlap(Provider practice, Payer payer, Long except, LocalDate startsOn, LocalDate endsOn) {
        contracts.findByProviderIdAndPayerIdOrderByStartsOn(practice.getId(), payer.getId()).stream()
                .filter(other -> !other.getId().equals(except))
                .filter(other -> other.overlaps(startsOn, endsOn))
                .findFirst()
                .ifPresent(other -> {
                    throw new RuleViolation("contract-overlaps", practice.getName() + " already has a contract with "
                            + payer.getName() + " from " + Display.dayOf(other.getStartsOn()) + " to "
                            + (other.getEndsOn() == null ? "no end date" : Display.dayOf(other.getEndsOn()))
                            + ", which overlaps these dates. End that contract before this one starts, or change the dates.");
                });
    }
}
