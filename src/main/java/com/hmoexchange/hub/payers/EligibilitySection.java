package com.hmoexchange.hub.payers;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the hub answers "is this member covered, and for what" for a payer ({@code eligibility:} in payer.yaml;
 * docs/eligibility.md).
 *
 * @param source {@code local}: from the hub's roster, contracts and plans; {@code fhir}: a FHIR R4
 *        CoverageEligibilityRequest POSTed to {@code url}, answered by a CoverageEligibilityResponse; {@code jsonata}:
 *        the payer's own JSON POSTed to {@code url}, shaped by {@code requestMapping} and read by {@code answerMapping}
 * @param cacheFor how long a payer's answer is reused for the same member, date and services (a local answer is
 *        never cached: the roster is here)
 * @param coPayments the member's share per service, as percent, by service-code prefix ({@code DRUG-: 10} is NHIA's
 *        10 % on drugs); the longest matching prefix wins
 * @param url where {@code fhir} and {@code jsonata} post their request
 * @param token its bearer token, from the environment; blank: none
 * @param requestMapping {@code jsonata}: the hub's question → the payer's request (default eligibility-request.jsonata)
 * @param answerMapping {@code jsonata}: the payer's answer → the hub's (default eligibility-answer.jsonata)
 * @param senderId {@code x12}: the hub's id at the payer (ISA06, GS02, the CORE envelope's SenderID; default HMOHUB)
 * @param receiverId {@code x12}: the payer's id (ISA08, GS03, NM1*PR, ReceiverID; default its code in capitals)
 */
public record EligibilitySection(Source source, Duration cacheFor, Map<String, BigDecimal> coPayments, String url,
        String token, Path requestMapping, Path answerMapping, String senderId, String receiverId) {

    public enum Source {
        LOCAL, FHIR, JSONATA,
        /** An X12 270 in a CAQH CORE envelope POSTed to {@code url}, answered by a 271 in the same envelope. */
        X12
    }

    /** A payer whose payer.yaml has no {@code eligibility:} section is answered from the hub's roster. */
    public static final EligibilitySection LOCAL = new EligibilitySection(Source.LOCAL, Duration.ofMinutes(15), Map.of(), "", "",
            null, null, "", "");

    public EligibilitySection {
        coPayments = Map.copyOf(coPayments);
    }

    /** The member's share of a service, in percent; empty when the payer names none for it. */
    public Optional<BigDecimal> coPaymentPercent(String serviceCode) {
        String code = serviceCode.toUpperCase(Locale.ROOT);
        return coPayments.entrySet().stream().filter(e -> code.startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    static EligibilitySection read(PayerYaml.Section section, String payerCode) {
        section.only("source", "cacheFor", "coPayments", "url", "token", "requestMapping", "answerMapping", "senderId",
                "receiverId");
        Source source = section.oneOf(Source.class, "source", "local");
        String url = section.text("url", "");
        if (source == Source.LOCAL && !url.isEmpty()) {
            throw section.problem("url is only for a payer asked over its channel (source fhir, jsonata or x12); source local "
                    + "reads the hub's roster");
        }
        String senderId = section.text("senderId", "");
        String receiverId = section.text("receiverId", "");
        if (source != Source.X12 && !(senderId.isEmpty() && receiverId.isEmpty())) {
            throw section.problem("senderId and receiverId are only for source x12");
        }
        if (source == Source.X12) {
            senderId = x12Id(section, "senderId", senderId.isEmpty() ? "HMOHUB" : senderId);
            receiverId = x12Id(section, "receiverId", receiverId.isEmpty() ? payerCode.toUpperCase(Locale.ROOT) : receiverId);
        }
        Path request = null;
        Path answer = null;
        if (source == Source.JSONATA) {
            request = section.file("requestMapping", "eligibility-request.jsonata");
            answer = section.file("answerMapping", "eligibility-answer.jsonata");
        } else if (!section.text("requestMapping", "").isEmpty() || !section.text("answerMapping", "").isEmpty()) {
            throw section.problem("requestMapping and answerMapping are only for source jsonata");
        }
        Map<String, BigDecimal> coPayments = new LinkedHashMap<>();
        section.map("coPayments").forEach((prefix, percent) -> {
            BigDecimal value;
            try {
                value = new BigDecimal(percent.replace("%", "").trim());
            } catch (NumberFormatException e) {
                value = null;
            }
            if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw section.problem("coPayments." + prefix + " '" + percent + "' is not a percentage from 0 to 100");
            }
            coPayments.put(prefix.toUpperCase(Locale.ROOT), value);
        });
        return new EligibilitySection(source, section.duration("cacheFor", Duration.ofMinutes(15)), coPayments, url,
                section.text("token", ""), request, answer, senderId, receiverId);
    }

    /** An interchange id: up to 15 letters, digits, dots or dashes (ISA06/08 are 15 wide), none of X12's delimiters. */
    private static String x12Id(PayerYaml.Section section, String field, String id) {
        if (!id.matches("[A-Za-z0-9.-]{1,15}")) {
            throw section.problem(field + " '" + id + "' is not an X12 interchange id: up to 15 letters, digits, dots or dashes");
        }
        return id;
    }

    @Override
    public String toString() {
        return "EligibilitySection[source=" + source + ", cacheFor=" + cacheFor + ", url=" + url + "]";
    }
}
