package com.hmoexchange.hub.preauth;

import com.hmoexchange.hub.claims.Claim;
import com.hmoexchange.hub.claims.ClaimLine;
import com.hmoexchange.hub.claims.PreAuthorisationCheck;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.payers.PreAuthorisationSection;
import com.hmoexchange.hub.web.Display;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims module's question at submit: may these lines go under this code? A line whose service the payer lists
 * under {@code servicesNeedingCode} needs a valid code. A code the hub gave or recorded must be the claim's member's,
 * practice's and payer's, authorising (approved, in part, deemed or emergency) and valid on every line's date; those
 * are always refusals. Lines beyond what the code approved (a service not approved, more quantity or money per
 * service) are refused or only warned about, as the payer's {@code checkApproved} says.
 */
@Component
class PreAuthCodeCheck implements PreAuthorisationCheck {

    private final PreAuthorisationRepository requests;
    private final PayerRepository payers;
    private final PayerCatalog catalog;

    PreAuthCodeCheck(PreAuthorisationRepository requests, PayerRepository payers, PayerCatalog catalog) {
        this.requests = requests;
        this.payers = payers;
        this.catalog = catalog;
    }

    @Override
    @Transactional(readOnly = true)
    public Verdict check(Claim claim) {
        String payerCode = payers.findById(claim.getPayerId()).orElseThrow().getCode();
        PreAuthorisationSection rules = catalog.has(payerCode) ? catalog.settings(payerCode).preauthorisation()
                : PreAuthorisationSection.NONE;
        List<ClaimLine> needing = claim.getLines().stream().filter(l -> rules.needsCode(l.getServiceCode())).toList();
        String code = claim.getPaCode() == null ? "" : claim.getPaCode().trim();
        if (code.isEmpty()) {
            return needing.isEmpty() ? Verdict.OK : new Verdict(List.of(lines(needing) + " need" + (needing.size() == 1 ? "s" : "")
                    + " a pre-authorisation code: ask the HMO for one (Pre-authorisations) and add it to the claim"), List.of());
        }
        Optional<PreAuthorisation> found = requests.findByCode(code);
        if (found.isEmpty()) {
            // A code the hub never saw (given by phone before the hub) cannot be checked: refused only where one is needed.
            return needing.isEmpty() ? Verdict.OK : new Verdict(List.of("pre-authorisation code " + code + " is not one "
                    + "the hub knows, and " + lines(needing) + " need a code: use the code of a request made in the hub"), List.of());
        }
        PreAuthorisation p = found.get();
        List<String> refusals = new ArrayList<>();
        if (!p.getStatus().authorises()) {
            refusals.add("pre-authorisation code " + code + " does not authorise care (request " + p.getReference() + " is "
                    + p.getStatus() + ")");
        }
        if (p.getEnrolleeId() != claim.getEnrolleeId()) {
            refusals.add("pre-authorisation code " + code + " was given for another member");
        }
        if (p.getProviderId() != claim.getProviderId()) {
            refusals.add("pre-authorisation code " + code + " was given to another practice");
        }
        if (p.getPayerId() != claim.getPayerId()) {
            refusals.add("pre-authorisation code " + code + " was given by another payer");
        }
        if (!refusals.isEmpty()) {
            return new Verdict(refusals, List.of());
        }
        List<ClaimLine> outside = claim.getLines().stream().filter(l -> p.getValidFrom() != null && (l.getServiceDate().isBefore(
                p.getValidFrom()) || l.getServiceDate().isAfter(p.getValidUntil()))).toList();
        if (!outside.isEmpty()) {
            refusals.add("pre-authorisation code " + code + " is valid from " + Display.dayOf(p.getValidFrom()) + " to "
                    + Display.dayOf(p.getValidUntil())
                    + ", and " + lines(outside) + (outside.size() == 1 ? " falls" : " fall") + " outside it");
        }
        List<String> beyond = beyondApproval(p, claim, rules);
        if (rules.checkApproved() == PreAuthorisationSection.Check.REFUSE) {
            refusals.addAll(beyond);
            return new Verdict(refusals, List.of());
        }
        return new Verdict(refusals, beyond);
    }

    /** Per service: the claim's lines against what the code approved of it (lines of services neither needing a code nor asked for are not the code's business). */
    private static List<String> beyondApproval(PreAuthorisation p, Claim claim, PreAuthorisationSection rules) {
        Map<String, Integer> approvedQuantity = new LinkedHashMap<>();
        Map<String, BigDecimal> approvedAmount = new LinkedHashMap<>();
        for (RequestedService s : p.getServices()) {
            approvedQuantity.merge(s.getServiceCode(), s.getApprovedQuantity() == null ? 0 : s.getApprovedQuantity(), Integer::sum);
            approvedAmount.merge(s.getServiceCode(), s.getApprovedAmount() == null ? BigDecimal.ZERO : s.getApprovedAmount(),
                    BigDecimal::add);
        }
        Map<String, List<ClaimLine>> byService = claim.getLines().stream()
                .filter(l -> rules.needsCode(l.getServiceCode()) || approvedQuantity.containsKey(key(l)))
                .collect(Collectors.groupingBy(PreAuthCodeCheck::key, LinkedHashMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        byService.forEach((service, lines) -> {
            int quantity = lines.stream().mapToInt(ClaimLine::getQuantity).sum();
            BigDecimal amount = lines.stream().map(ClaimLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            int allowedQuantity = approvedQuantity.getOrDefault(service, 0);
            BigDecimal allowedAmount = approvedAmount.getOrDefault(service, BigDecimal.ZERO);
            if (allowedQuantity == 0) {
                problems.add(lines(lines) + " (" + service + ") " + (lines.size() == 1 ? "is" : "are")
                        + " not approved under code " + p.getCode());
            } else if (quantity > allowedQuantity || amount.compareTo(allowedAmount) > 0) {
                problems.add(lines(lines) + " (" + service + ") bill " + quantity + " for " + amount + ", beyond the "
                        + allowedQuantity + " for " + allowedAmount + " approved under code " + p.getCode());
            }
        });
        return problems;
    }

    private static String key(ClaimLine line) {
        return line.getServiceCode().toUpperCase(java.util.Locale.ROOT);
    }

    private static String lines(List<ClaimLine> lines) {
        return (lines.size() == 1 ? "line " : "lines ") + lines.stream().map(l -> String.valueOf(l.getPosition()))
                .collect(Collectors.joining(", "));
    }
}
