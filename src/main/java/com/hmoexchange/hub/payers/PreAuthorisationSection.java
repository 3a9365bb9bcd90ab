package com.hmoexchange.hub.payers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a payer takes pre-authorisation (PA) requests ({@code preauthorisation:} in payer.yaml; docs/pre-authorisation.md).
 *
 * @param mode {@code desk}: the HMO decides at its desk in the hub; {@code channel}: the request goes to the payer as a
 *        FHIR R4 Claim with {@code use = preauthorization} and its ClaimResponse carries the code; {@code json}: the
 *        payer's own JSON API, the hub's request through {@code requestMapping} and the payer's answer (at once, or later
 *        as a signed callback) through {@code answerMapping}; {@code email}: the FHIR Claim by mail; {@code none}: no PA
 * @param limit NHIA's limit: without a decision by then the request is deemed authorised and the HMO liable (60m)
 * @param reminder when the HMO is reminded of an undecided request (45m), before the limit
 * @param servicesNeedingCode service codes a claim line may carry only under a valid PA code
 * @param checkApproved what submit does when a claim's lines go beyond the code's approval: refuse or warn
 * @param url where {@code channel} mode posts the FHIR Claim and {@code json} mode the payer's JSON (its PA endpoint)
 * @param token its bearer token, from the environment; blank: none
 * @param email where {@code email} mode mails the FHIR Claim; the payer's ClaimResponse comes back to its answers
 *        mailbox ({@code responses.email}), under the same sender and DKIM/DMARC rules as its claim answers
 * @param requestMapping {@code json}: the hub's request → the payer's (default preauth-request.jsonata)
 * @param answerMapping {@code json}: the payer's answer → the hub's (default preauth-answer.jsonata)
 */
public record PreAuthorisationSection(Mode mode, Duration limit, Duration reminder, Set<String> servicesNeedingCode,
        Check checkApproved, String url, String token, String email, Path requestMapping, Path answerMapping) {

    public enum Mode {
        NONE, DESK, CHANNEL, JSON, EMAIL
    }

    public enum Check {
        REFUSE, WARN
    }

    public static final PreAuthorisationSection NONE = new PreAuthorisationSection(Mode.NONE, Duration.ofMinutes(60),
            Duration.ofMinutes(45), Set.of(), Check.REFUSE, "", "", "", null, null);

    public PreAuthorisationSection {
        servicesNeedingCode = Set.copyOf(servicesNeedingCode);
    }

    public boolean offered() {
        return mode != Mode.NONE;
    }

    /** Whether requests go to the payer over its own channel (HTTP or email) rather than to the hub's desk. */
    public boolean sentToPayer() {
        return mode == Mode.CHANNEL || mode == Mode.JSON || mode == Mode.EMAIL;
    }

    public boolean needsCode(String serviceCode) {
        return serviceCode != null && servicesNeedingCode.contains(serviceCode.toUpperCase(Locale.ROOT));
    }

    static PreAuthorisationSection read(PayerYaml.Section section) {
        section.only("mode", "limit", "reminder", "servicesNeedingCode", "checkApproved", "url", "token", "email",
                "requestMapping", "answerMapping");
        Mode mode = section.oneOf(Mode.class, "mode", "desk");
        Duration limit = section.duration("limit", Duration.ofMinutes(60));
        Duration reminder = section.duration("reminder", Duration.ofMinutes(45));
        if (reminder.compareTo(limit) >= 0) {
            throw section.problem("reminder " + reminder.toMinutes() + "m must come before limit " + limit.toMinutes() + "m");
        }
        String url = section.text("url", "");
        Set<String> services = section.list("servicesNeedingCode").stream().map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        // The mappings are read only when the payer speaks JSON: a payer.yaml may name them while its mode is switched off.
        Path request = mode == Mode.JSON ? section.file("requestMapping", "preauth-request.jsonata") : null;
        Path answer = mode == Mode.JSON ? section.file("answerMapping", "preauth-answer.jsonata") : null;
        return new PreAuthorisationSection(mode, limit, reminder, services,
                section.oneOf(Check.class, "checkApproved", "refuse"), url, section.text("token", ""), section.text("email", ""),
                request, answer);
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
