package com.hmoexchange.hub.tariffs;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.organisations.Contract;
import com.hmoexchange.hub.organisations.Contracts;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's tariff, uploaded as CSV by the practice (OWNER, ADMIN) or the HMO (HMO_ADMIN) of the
 * contract: preview, apply as a new version, history, and the current price list. All or nothing: a file
 * with any refused row changes nothing. Each side sees only its own contracts.
 */
@Service
public class TariffUploads {

    private final Contracts contracts;
    private final TariffVersionRepository versions;
    private final TariffRepository tariffs;
    private final TariffStore store;
    private final String currency;
    private final Clock clock;

    private final AuditLog audit;

    TariffUploads(Contracts contracts, TariffVersionRepository versions, TariffRepository tariffs, TariffStore store,
            TariffSettings settings, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.contracts = contracts;
        this.versions = versions;
        this.tariffs = tariffs;
        this.store = store;
        this.currency = settings.currency();
        this.clock = clock;
    }

    public record Refusal(String at, String reason) {
    }

    /** What an upload does (preview) or did: the version it is, from when, how many rows, and every refused row. */
    public record Report(long contractId, int version, LocalDate takesEffect, int rows, int newCodes, int priceChanges,
            int codesDropped, boolean applied, List<Refusal> refused) {
    }

    public record VersionView(int number, LocalDate takesEffect, String fileName, String uploadedBy, Instant uploadedAt,
            int rows, boolean governsToday) {
    }

    public record Price(String serviceCode, String description, BigDecimal unitPrice, String currency, LocalDate validFrom,
            LocalDate validTo) {
    }

    @Transactional(readOnly = true)
    public List<Contract> contractsOf(HubUser user) {
        if (user.role() == Role.HMO_ADMIN) {
            return contracts.ofPayer(user.requireHmoPayerId());
        }
        return contracts.ofPractice(user.requireProviderId());
    }

    @Transactional(readOnly = true)
    public Report preview(HubUser user, long contractId, byte[] content) {
        Contract contract = visible(user, contractId);
        return check(contract, content, versions.lastNumber(contract.getProviderId(), contract.getPayerId()) + 1, false);
    }

    /** A new version of the contract's tariff, or {@link TariffRefused} (nothing saved) listing every row to fix. */
    @Transactional
    public Report apply(HubUser user, long contractId, String fileName, byte[] content) {
        Contract contract = visible(user, contractId);
        if (user.role() == Role.BILLING_STAFF) {
            throw new Forbidden("Uploading a tariff is for the practice's OWNER or ADMIN, or the HMO; billing staff can see and download it.");
        }
        store.lockContract(contractId);
        int number = versions.lastNumber(contract.getProviderId(), contract.getPayerId()) + 1;
        Report report = check(contract, content, number, true);
        if (!report.refused().isEmpty()) {
            throw new TariffRefused(report);
        }
        TariffCsv.Read read = TariffCsv.read(content);
        TariffVersion version = versions.save(new TariffVersion(contract.getProviderId(), contract.getPayerId(), contractId,
                number, report.takesEffect(), fileName, user.getUsername(), clock.instant(), read.rows().size()));
        store.insert(version, currency, read.rows());
        audit.record(AuditAction.TARIFF_APPLIED, "contract", contractId, "version " + number);
        return report;
    }

    @Transactional(readOnly = true)
    public List<VersionView> history(HubUser user, long contractId) {
        Contract contract = visible(user, contractId);
        Long governing = versions.governing(contract.getProviderId(), contract.getPayerId(), today()).map(TariffVersion::getId).orElse(null);
        return versions.findByProviderIdAndPayerIdOrderByNumberDesc(contract.getProviderId(), contract.getPayerId()).stream()
                .map(v -> new VersionView(v.getNumber(), v.getTakesEffect(), v.getFileName(), v.getUploadedBy(), v.getUploadedAt(),
                        v.getRowCount(), v.getId().equals(governing)))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Price> version(HubUser user, long contractId, int number) {
        Contract contract = visible(user, contractId);
        TariffVersion version = versions.findByProviderIdAndPayerIdOrderByNumberDesc(contract.getProviderId(), contract.getPayerId())
                .stream().filter(v -> v.getNumber() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("Tariff version", number));
        return tariffs.findByVersionIdOrderByServiceCodeAscValidFromAsc(version.getId()).stream().map(TariffUploads::price).toList();
    }

    /** The price list governing today, as CSV in the upload's columns. */
    @Transactional(readOnly = true)
    public String currentCsv(HubUser user, long contractId) {
        Contract contract = visible(user, contractId);
        return TariffCsv.write(current(contract));
    }

    private List<Tariff> current(Contract contract) {
        return versions.governing(contract.getProviderId(), contract.getPayerId(), today())
                .map(v -> tariffs.findByVersionIdOrderByServiceCodeAscValidFromAsc(v.getId()))
                .orElseGet(() -> tariffs.unversionedInForce(contract.getProviderId(), contract.getPayerId(), today()));
    }

    private Report check(Contract contract, byte[] content, int number, boolean applied) {
        TariffCsv.Read read = TariffCsv.read(content);
        List<Refusal> refused = new ArrayList<>();
        read.refusals().forEach(r -> refused.add(new Refusal(r.at(), r.reason())));
        for (TariffCsv.Row row : read.rows()) {
            if (row.validFrom().isBefore(contract.getStartsOn())) {
                refused.add(new Refusal("line " + row.line(), "validFrom " + row.validFrom() + " is before the contract starts ("
                        + contract.getStartsOn() + ")"));
            } else if (contract.getEndsOn() != null && row.validFrom().isAfter(contract.getEndsOn())) {
                refused.add(new Refusal("line " + row.line(), "validFrom " + row.validFrom() + " is after the contract ends ("
                        + contract.getEndsOn() + ")"));
            }
        }
        refused.sort(Comparator.comparingLong(r -> r.at().startsWith("line ") ? Long.parseLong(r.at().substring(5)) : 0));
        LocalDate takesEffect = read.rows().stream().map(TariffCsv.Row::validFrom).min(LocalDate::compareTo).orElse(null);
        Map<String, Tariff> before = new java.util.HashMap<>();
        current(contract).forEach(t -> before.putIfAbsent(t.getServiceCode(), t));
        int added = 0;
        int changed = 0;
        for (TariffCsv.Row row : read.rows()) {
            Tariff old = before.get(row.serviceCode());
            if (old == null) {
                added++;
            } else if (old.getUnitPrice().compareTo(row.unitPrice()) != 0) {
                changed++;
            }
        }
        java.util.Set<String> uploaded = read.rows().stream().map(TariffCsv.Row::serviceCode).collect(java.util.stream.Collectors.toSet());
        long dropped = before.keySet().stream().filter(code -> !uploaded.contains(code)).count();
        return new Report(contract.getId(), number, takesEffect, read.rows().size(), added, changed, (int) dropped,
                applied && refused.isEmpty(), List.copyOf(refused));
    }

    /** The contract, if the user is on one of its sides; anyone else is told it does not exist. */
    private Contract visible(HubUser user, long contractId) {
        Contract contract;
        try {
            contract = contracts.get(contractId);
        } catch (NotFoundException e) {
            throw new NotFoundException("Contract", contractId);
        }
        boolean ours = user.role() == Role.HMO_ADMIN ? contract.getPayerId() == user.requireHmoPayerId()
                : user.role().isProviderSide() && contract.getProviderId() == user.requireProviderId();
        if (!ours) {
            throw new NotFoundException("Contract", contractId);
        }
        return contract;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Price price(Tariff t) {
        return new Price(t.getServiceCode(), t.getDescription(), t.getUnitPrice(), t.getCurrency(), t.getValidFrom(), t.getValidTo());
    }

    /** An upload that cannot be applied as it stands; nothing of it was saved. */
    public static class TariffRefused extends RuleViolation {

        private final transient Report report;

        TariffRefused(Report report) {
            super("tariff-refused", report.refused().size() + " row(s) cannot be taken (listed under 'refused' with the line "
                    + "and why); fix them and upload the whole file again. Nothing was applied.");
            this.report = report;
        }

        public Report report() {
            return report;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("refused", report.refused());
        }
    }
}
