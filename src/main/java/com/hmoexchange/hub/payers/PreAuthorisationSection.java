package com.hmoexchange.hub.payers;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a payer takes pre-authorisation (PA) requests ({@code preauthorisation:} in payer.yaml; docs/pre-authorisation.md).
 *
 * @param mode {@code desk}: the HMO decides at its desk in the hub; {@code channel}: the request goes to the payer as a
 *        FHIR R4 Claim with {@code use = preauthorization} and its ClaimResponse carries the code; {@code none}: no PA
 * @param limit NHIA's limit: without a decision by then the request is deemed authorised and the HMO liable (60m)
 * @param reminder when the HMO is reminded of an undecided request (45m), before the limit
 * @param servicesNeedingCode service codes a claim line may carry only under a valid PA code
 * @param checkApproved what submit does when a claim's lines go beyond the code's approval: refuse or warn
 * @param url where {@code channel} mode posts the FHIR Claim (the payer's PA endpoint)
 * @param token its bearer token, from the environment; blank: none
 * @param email where {@code email} mode mails the FHIR Claim; the payer's ClaimResponse comes back to its answers
 *        mailbox ({@code responses.email}), under the same sender and DKIM/DMARC rules as its claim answers
 */
public record PreAuthorisationSection(Mode mode, Duration limit, Duration reminder, Set<String> servicesNeedingCode,
        Check checkApproved, String url, String token, String email) {

    public enum Mode {
        NONE, DESK, CHANNEL, EMAIL
    }

    public enum Check {
        REFUSE, WARN
    }

    public static final PreAuthorisationSection NONE = new PreAuthorisationSection(Mode.NONE, Duration.ofMinutes(60),
            Duration.ofMinutes(45), Set.of(), Check.REFUSE, "", "", "");

    public PreAuthorisationSection {
        servicesNeedingCode = Set.copyOf(servicesNeedingCode);
    }

    public boolean offered() {
        return mode != Mode.NONE;
    }

    /** Whether requests go to the payer over its own channel (HTTP or email) rather than to the hub's desk. */
    public boolean sentToPayer() {
        return mode == Mode.CHANNEL || mode == Mode.EMAIL;
    }

    public boolean needsCode(String serviceCode) {
        return serviceCode != null && servicesNeedingCode.contains(serviceCode.toUpperCase(Locale.ROOT));
    }

    static PreAuthorisationSection read(PayerYaml.Section section) {
        section.only("mode", "limit", "reminder", "servicesNeedingCode", "checkApproved", "url", "token", "email");
        Mode mode = section.oneOf(Mode.class, "mode", "desk");
        Duration limit = section.duration("limit", Duration.ofMinutes(60));
        Duration reminder = section.duration("reminder", Duration.ofMinutes(45));
        if (reminder.compareTo(limit) >= 0) {
            throw section.problem("reminder " + reminder.toMinutes() + "m must come before limit " + limit.toMinutes() + "m");
        }
        String url = section.text("url", "");
        Set<String> services = section.list("servicesNeedingCode").stream().map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return new PreAuthorisationSection(mode, limit, reminder, services,
                section.oneOf(Check.class, "checkApproved", "refuse"), url, section.text("token", ""), section.text("email", ""));
    }

    @Override
    public String toString() {
        return "PreAuthorisationSection[mode=" + mode + ", limit=" + limit + ", reminder=" + reminder + ", url=" + url + ", email=" + email + "]";
    }

    /** The list as payer.yaml would write it, for messages. */
    public List<String> servicesNeedingCodeSorted() {
        return servicesNeedingCode.stream().sorted().toList();
    }
}
