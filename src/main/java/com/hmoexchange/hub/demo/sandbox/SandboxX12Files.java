package com.hmoexchange.hub.demo.sandbox;

import com.hmoexchange.hub.demo.sandbox.SandboxX12Payer.ReceivedClaim;
import com.hmoexchange.hub.demo.sandbox.SandboxX12Payer.ReceivedLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The sandbox X12 payer's answers as X12 5010 text: 999, 277CA and 835, one claim each. */
final class SandboxX12Files {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private SandboxX12Files() {
    }

    static String acknowledgement999(ReceivedClaim claim, Instant at) {
        Interchange x = new Interchange("FA", "005010X231A1", at, claim.setControl());
        x.set("999", List.of(
                "AK1*HC*" + Long.parseLong(claim.setControl()) + "*005010X222A1",
                "AK2*837*" + claim.setControl() + "*005010X222A1",
                "IK5*A",
                "AK9*A*1*1*1"));
        return x.end();
    }

    /** Accepted into review (A2), or rejected (A7) with the sandbox's reason in STC12. */
    static String claimAcknowledgement277(ReceivedClaim claim, SandboxResponder.Decision decision, Instant at) {
        Interchange x = new Interchange("HN", "005010X214", at, claim.setControl());
        String day = day(at);
        String status = "REJECTED".equals(decision.status())
                ? "STC*A7:21*" + day + "*U*" + amount(charged(claim)) + "********" + decision.reason().replaceAll("[*~:^]", " -")
                : "STC*A2:20*" + day + "*WQ*" + amount(charged(claim));
        x.set("277", List.of(
                "BHT*0085*08*" + claim.claimNumber() + "*" + day + "*" + ZonedDateTime.ofInstant(at, ZoneOffset.UTC).format(HHMM) + "*TH",
                "HL*1**20*1", "NM1*PR*2*ZENITH CARE ASSURANCE*****PI*ZENITH-CARE", "TRN*1*" + claim.setControl(),
                "DTP*050*D8*" + day, "DTP*009*D8*" + day,
                "HL*2*1*21*1", "NM1*41*2*HMO EXCHANGE HUB*****46*HMOHUB", "TRN*2*" + claim.setControl(),
                "STC*A1:19*" + day + "*WQ*" + amount(charged(claim)),
                "HL*3*2*19*1", "NM1*85*2*PROVIDER",
                "HL*4*3*PT", "NM1*QC*1*PATIENT", "TRN*2*" + claim.claimNumber(), status,
                "REF*1K*ZEN-" + claim.setControl()));
        return x.end();
    }

    /**
     * Pays what the decision approved, line by line; of what it did not, a 10 % co-payment of the line's charge
     * is the patient's (PR-3, and CLP05 for the claim) and the rest a contractual adjustment (CO-45), so the
     * demo shows who owes what.
     */
    static String remittance835(ReceivedClaim claim, SandboxResponder.Decision decision, LocalDate paidOn, Instant at) {
        List<String> lines = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal patient = BigDecimal.ZERO;
        for (ReceivedLine line : claim.lines()) {
            BigDecimal linePaid = decision.approved().getOrDefault(line.sequence(), line.charged());
            paid = paid.add(linePaid);
            lines.add("SVC*HC:" + line.serviceCode() + "*" + amount(line.charged()) + "*" + amount(linePaid) + "**" + line.units());
            BigDecimal unpaid = line.charged().subtract(linePaid);
            if (unpaid.signum() > 0) {
                BigDecimal copay = line.charged().multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.HALF_UP).min(unpaid);
                patient = patient.add(copay);
                lines.add("CAS*PR*3*" + amount(copay));
                if (unpaid.compareTo(copay) > 0) {
                    lines.add("CAS*CO*45*" + amount(unpaid.subtract(copay)));
                }
            }
            lines.add("REF*6R*" + line.sequence());
        }
        BigDecimal charged = charged(claim);
        List<String> body = new ArrayList<>(List.of(
                "BPR*I*" + amount(paid) + "*C*ACH*CCP*01*999999999*DA*123456*1999999999**01*888888888*DA*654321*"
                        + paidOn.format(CCYYMMDD),
                "TRN*1*ZEN-PAY-" + claim.setControl() + "*1999999999",
                "DTM*405*" + paidOn.format(CCYYMMDD),
                "N1*PR*ZENITH CARE ASSURANCE", "N1*PE*PROVIDER", "LX*1",
                "CLP*" + claim.claimNumber() + "*1*" + amount(charged) + "*" + amount(paid) + "*"
                        + (patient.signum() > 0 ? amount(patient) : "") + "*MC*ZEN-" + claim.setControl()));
        body.addAll(lines);
        Interchange x = new Interchange("HP", "005010X221A1", at, claim.setControl());
        x.set("835", body);
        return x.end();
    }

    private static BigDecimal charged(ReceivedClaim claim) {
        return claim.lines().stream().map(ReceivedLine::charged).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).format(CCYYMMDD);
    }

    /** One interchange holding one transaction set, with the counts and control numbers X12 wants. */
    private static final class Interchange {
        private final StringBuilder text = new StringBuilder();
        private final long control;
        private final String version;

        Interchange(String functionalGroup, String version, Instant at, String setControl) {
            ZonedDateTime time = ZonedDateTime.ofInstant(at, ZoneOffset.UTC);
            this.control = Long.parseLong(setControl);
            add("ISA*00*          *00*          *ZZ*ZENITH-CARE    *ZZ*HMOHUB         *" + time.format(YYMMDD) + "*"
                    + time.format(HHMM) + "*^*00501*" + "%09d".formatted(control) + "*0*P*:");
            add("GS*" + functionalGroup + "*ZENITH-CARE*HMOHUB*" + time.format(CCYYMMDD) + "*" + time.format(HHMM) + "*"
                    + control + "*X*" + version);
            this.version = version;
        }

        void set(String type, List<String> body) {
            String setControl = "%04d".formatted(1);
            add("ST*" + type + "*" + setControl + "*" + version);
            body.forEach(this::add);
            add("SE*" + (body.size() + 2) + "*" + setControl);
        }

        String end() {
            add("GE*1*" + control);
            add("IEA*1*" + "%09d".formatted(control));
            return text.toString();
        }

        private void add(String segment) {
            text.append(segment).append("~\n");
        }
    }
}
