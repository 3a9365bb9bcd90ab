package com.hmoexchange.hub.dispatch;

import static com.hmoexchange.hub.common.X12Writing.pad;
import static com.hmoexchange.hub.common.X12Writing.segment;
import static com.hmoexchange.hub.common.X12Writing.text;

import com.hmoexchange.hub.claims.CanonicalClaim;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The canonical claim as an X12 5010 837P (005010X222A1): one claim per interchange. Every control number
 * is the claim number's digits, so a payer's 999 names the claim it acknowledges (see
 * {@code SetAcknowledgement#claimNumber}) and a re-sent file is recognisably the same. Parties are identified
 * by the codes the payer knows them by (REF*G2 for the provider, MI for the enrollee): Nigerian payers use no
 * NPI. Control numbers, dates and times come from the claim, so the same claim always makes the same file.
 */
final class Claim837 {

    static final String SUBMITTER_ID = "HMOHUB";
    private static final EDIOutputFactory FACTORY = EDIOutputFactory.newFactory();
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    static {
        FACTORY.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    }

    private Claim837() {
    }

    /** The ST02 of the claim's 837: its claim number's digits (at least 4, as X12 wants). */
    static String setControlNumber(String claimNumber) {
        String digits = digits(claimNumber);
        return digits.length() < 4 ? "%04d".formatted(Long.parseLong(digits)) : digits;
    }

    private static String digits(String claimNumber) {
        String digits = claimNumber.replaceAll("\\D", "");
        if (digits.isEmpty() || digits.length() > 9) {
            throw new IllegalArgumentException("Claim number %s cannot number an X12 interchange".formatted(claimNumber));
        }
        return digits;
    }

    static String write(CanonicalClaim c) {
        String digits = digits(c.claimNumber());
        String control = "%09d".formatted(Long.parseLong(digits));
        String setControl = setControlNumber(c.claimNumber());
        ZonedDateTime at = c.submittedAt().atZone(ZoneOffset.UTC);
        String receiver = c.payer().code().toUpperCase(Locale.ROOT);
        boolean self = "SELF".equals(c.patient().relationship());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter w = FACTORY.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name());
            w.startInterchange();
            segment(w, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", pad(SUBMITTER_ID, 15), "ZZ",
                    pad(receiver, 15), at.format(YYMMDD), at.format(HHMM), "^", "00501", control, "0", "P", ":");
            segment(w, "GS", "HC", SUBMITTER_ID, receiver, at.format(CCYYMMDD), at.format(HHMM),
                    String.valueOf(Long.parseLong(digits)), "X", "005010X222A1");
            int first = w.getLocation().getSegmentPosition();
            segment(w, "ST", "837", setControl, "005010X222A1");
            segment(w, "BHT", "0019", "00", c.claimNumber(), at.format(CCYYMMDD), at.format(HHMM), "CH");
            segment(w, "NM1", "41", "2", "HMO EXCHANGE HUB", "", "", "", "", "46", SUBMITTER_ID);
            segment(w, "NM1", "40", "2", text(c.payer().name()), "", "", "", "", "46", receiver);
            segment(w, "HL", "1", "", "20", "1");
            segment(w, "NM1", "85", "2", text(c.provider().name()));
            segment(w, "REF", "G2", c.provider().code());
            segment(w, "HL", "2", "1", "22", self ? "0" : "1");
            segment(w, "SBR", "P", self ? "18" : "", "", "", "", "", "", "", "CI");
            if (self) {
                person(w, "IL", c.patient(), c.patient().enrolleeNumber());
            } else {
                // The hub knows the principal by number only; the patient loop below names the patient.
                segment(w, "NM1", "IL", "1", "", "", "", "", "", "MI", nullToEmpty(c.patient().principalNumber()));
            }
            segment(w, "NM1", "PR", "2", text(c.payer().name()), "", "", "", "", "PI", receiver);
            if (!self) {
                segment(w, "HL", "3", "2", "23", "0");
                segment(w, "PAT", "SPOUSE".equals(c.patient().relationship()) ? "01" : "19");
                person(w, "QC", c.patient(), c.patient().enrolleeNumber());
            }
            w.writeStartSegment("CLM").writeElement(c.claimNumber()).writeElement(amount(c.total()))
                    .writeEmptyElement().writeEmptyElement()
                    .writeStartElement().writeComponent(c.visit().admissionDate() == null ? "11" : "21").writeComponent("B")
                    .writeComponent(c.resubmissionOf() == null ? "1" : "7").endElement()
                    .writeElement("Y").writeElement("A").writeElement("Y").writeElement("Y").writeEndSegment();
            if (c.visit().admissionDate() != null) {
                segment(w, "DTP", "435", "D8", c.visit().admissionDate().format(CCYYMMDD));
            }
            if (c.visit().dischargeDate() != null) {
                segment(w, "DTP", "096", "D8", c.visit().dischargeDate().format(CCYYMMDD));
            }
            if (c.paCode() != null && !c.paCode().isBlank()) {
                segment(w, "REF", "G1", c.paCode());
            }
            if (c.resubmissionOf() != null) {
                segment(w, "REF", "F8", c.resubmissionOf());
            }
            if (c.providerReference() != null && !c.providerReference().isBlank()) {
                segment(w, "REF", "D9", c.providerReference());
            }
            if (!c.diagnoses().isEmpty()) {
                w.writeStartSegment("HI");
                for (int i = 0; i < Math.min(c.diagnoses().size(), 12); i++) {
                    w.writeStartElement().writeComponent(i == 0 ? "ABK" : "ABF")
                            .writeComponent(c.diagnoses().get(i).replace(".", "")).endElement();
                }
                w.writeEndSegment();
            }
            for (CanonicalClaim.Line line : c.lines()) {
                segment(w, "LX", String.valueOf(line.sequence()));
                w.writeStartSegment("SV1").writeStartElement().writeComponent("HC").writeComponent(line.serviceCode())
                        .writeEmptyComponent().writeEmptyComponent().writeEmptyComponent().writeEmptyComponent()
                        .writeComponent(text(line.description())).endElement()
                        .writeElement(amount(line.amount())).writeElement("UN").writeElement(String.valueOf(line.quantity()))
                        .writeEmptyElement().writeEmptyElement().writeElement("1").writeEndSegment();
                segment(w, "DTP", "472", "D8", line.serviceDate().format(CCYYMMDD));
                segment(w, "REF", "6R", String.valueOf(line.sequence()));
            }
            int count = w.getLocation().getSegmentPosition() - first + 1;
            segment(w, "SE", String.valueOf(count), setControl);
            segment(w, "GE", "1", String.valueOf(Long.parseLong(digits)));
            segment(w, "IEA", "1", control);
            w.endInterchange();
            w.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Could not write claim %s as X12: %s".formatted(c.claimNumber(), e.getMessage()), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static void person(EDIStreamWriter w, String role, CanonicalClaim.Patient p, String id) throws EDIStreamException {
        segment(w, "NM1", role, "1", text(p.lastName()), text(p.firstName()), "", "", "", "MI", id);
        if (p.dateOfBirth() != null) {
            segment(w, "DMG", "D8", p.dateOfBirth().format(CCYYMMDD));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
