package com.hmoexchange.hub.eligibility;

import static com.hmoexchange.hub.common.X12Writing.id;
import static com.hmoexchange.hub.common.X12Writing.pad;
import static com.hmoexchange.hub.common.X12Writing.segment;
import static com.hmoexchange.hub.common.X12Writing.text;

import com.hmoexchange.hub.eligibility.CoverAnswer.Benefit;
import com.hmoexchange.hub.responses.UnreadableResponse;
import com.hmoexchange.hub.responses.x12.Segment;
import com.hmoexchange.hub.responses.x12.SegmentReader;
import com.hmoexchange.hub.web.Display;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Eligibility in X12 5010, as an {@code x12} payer speaks it: the question as a 270 (005010X279A1) naming the member by
 * enrollee number (NM1*IL, MI), the day (DTP*291) and one EQ per service (the hub's code, qualifier ZZ; EQ*30, "health
 * benefit plan coverage", when none is asked), the hub's reference in BHT03 and TRN*1; the answer as a 271, read with
 * StAEDI: TRN*2 must name the hub's reference, AAA says the payer refused the question (in words below), EB says what is
 * covered (EB01 1 active, 6/7/8 inactive), the plan (EB05), limits (EB*F with EB06 a period and EB07 the amount,
 * EB06 29 what is left), co-payments and co-insurance (EB*B/EB*A, EB07 or EB08), and whether a service needs an
 * authorisation (EB11 Y); DTP 291/346/347 give the plan's dates. A 999 or TA1 instead of a 271 is an answer the hub
 * cannot read. All written and read within the interchange: nothing is kept of an answer that fails half way.
 */
final class X12Eligibility {

    private static final EDIOutputFactory FACTORY = EDIOutputFactory.newFactory();
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /** AAA03 reasons about the member: the payer answered, and the answer is "not covered" with the reason in words. */
    private static final Map<String, String> MEMBER_REJECTIONS = Map.ofEntries(
            Map.entry("58", "the payer says the date of birth does not match its records"),
            Map.entry("64", "the payer says the patient's id is invalid or missing"),
            Map.entry("65", "the payer says the patient's name is invalid or missing"),
            Map.entry("67", "the payer has no patient by this number"),
            Map.entry("71", "the payer says the date of birth does not match the member's"),
            Map.entry("72", "the payer says the member number is not valid"),
            Map.entry("73", "the payer says the member's name is invalid or missing"),
            Map.entry("75", "the payer has no member (subscriber) by this number"),
            Map.entry("76", "the payer holds this member number twice and cannot say which is meant"),
            Map.entry("78", "the payer says the member is not in its group or plan"));

    /** AAA03 reasons about the question or the payer itself: it did not answer about the member. */
    private static final Map<String, String> REQUEST_REJECTIONS = Map.ofEntries(
            Map.entry("04", "the hub is not authorised to ask it"),
            Map.entry("15", "it says required data is missing from the question"),
            Map.entry("41", "it refuses the hub's access"),
            Map.entry("42", "it cannot answer at the moment"),
            Map.entry("43", "it does not know the practice's id"),
            Map.entry("50", "it does not know the practice as a provider"),
            Map.entry("51", "it does not know the practice as a provider"),
            Map.entry("57", "it says the date of service is invalid"),
            Map.entry("62", "it says the date of service is too far in the future"),
            Map.entry("63", "it says the date of service is too far in the past"),
            Map.entry("79", "it says the hub's participant id is invalid"),
            Map.entry("80", "it had no response in time and stopped"));

    /** EB03 service types the sandbox and common payers use, in words; other codes are shown as "service type X". */
    private static final Map<String, String> SERVICE_TYPES = Map.ofEntries(
            Map.entry("1", "Medical care"), Map.entry("30", "Health benefit plan coverage"),
            Map.entry("33", "Chiropractic"), Map.entry("35", "Dental care"), Map.entry("47", "Hospital"),
            Map.entry("48", "Hospital inpatient"), Map.entry("50", "Hospital outpatient"), Map.entry("86", "Emergency services"),
            Map.entry("88", "Pharmacy"), Map.entry("98", "Professional (physician) visit"), Map.entry("AL", "Vision (optometry)"),
            Map.entry("BZ", "Physician visit (office, sick)"), Map.entry("MH", "Mental health"), Map.entry("UC", "Urgent care"),
            Map.entry("4", "Diagnostic X-ray"), Map.entry("5", "Diagnostic lab"), Map.entry("69", "Maternity"));

    /** EB06 time periods in words. */
    private static final Map<String, String> PERIODS = Map.of("21", "per year", "22", "per service year", "23",
            "per calendar year", "24", "year to date", "25", "per contract", "26", "per episode", "27", "per visit", "32",
            "lifetime", "7", "per day", "6", "per hour");

    static {
        FACTORY.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    }

    private X12Eligibility() {
    }

    /** The 270 for the question. Control numbers and times come from the question, so the same question makes the same file. */
    static String request(PayerQuestion q, String senderId, String receiverId) {
        ZonedDateTime at = q.created().atZone(ZoneOffset.UTC);
        String control = "%09d".formatted(Math.floorMod(q.reference().hashCode(), 1_000_000_000));
        String group = String.valueOf(Long.parseLong(control) % 1_000_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            EDIStreamWriter w = FACTORY.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name());
            w.startInterchange();
            segment(w, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", pad(senderId, 15), "ZZ", pad(receiverId, 15),
                    at.format(YYMMDD), at.format(HHMM), "^", "00501", control, "0", "P", ":");
            segment(w, "GS", "HS", senderId, receiverId, at.format(CCYYMMDD), at.format(HHMM), group, "X", "005010X279A1");
            int first = w.getLocation().getSegmentPosition();
            segment(w, "ST", "270", "0001", "005010X279A1");
            segment(w, "BHT", "0022", "13", q.reference(), at.format(CCYYMMDD), at.format(HHMM));
            segment(w, "HL", "1", "", "20", "1");
            segment(w, "NM1", "PR", "2", text(q.payerName()), "", "", "", "", "PI", receiverId);
            segment(w, "HL", "2", "1", "21", "1");
            segment(w, "NM1", "1P", "2", text(q.practiceName()), "", "", "", "", "SV", id(q.practiceCode()));
            segment(w, "HL", "3", "2", "22", "0");
            segment(w, "TRN", "1", q.reference(), "9" + senderId.replaceAll("[^A-Za-z0-9]", ""));
            segment(w, "NM1", "IL", "1", "", "", "", "", "", "MI", id(q.enrolleeNumber()));
            segment(w, "DTP", "291", "D8", q.date().format(CCYYMMDD));
            if (q.serviceCodes().isEmpty()) {
                segment(w, "EQ", "30");
            }
            for (String code : q.serviceCodes()) {
                w.writeStartSegment("EQ").writeEmptyElement().writeStartElement().writeComponent("ZZ").writeComponent(code)
                        .endElement().writeEndSegment();
            }
            int count = w.getLocation().getSegmentPosition() - first + 1;
            segment(w, "SE", String.valueOf(count), "0001");
            segment(w, "GE", "1", group);
            segment(w, "IEA", "1", control);
            w.endInterchange();
            w.close();
        } catch (EDIStreamException e) {
            // The payer was not asked: said like the payer's own failures, so the check shows the last known answer.
            throw new PayerUnreachable("the hub could not write its 270: " + e.getMessage());
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the payer's 271 to the question of that reference. {@link PayerUnreachable} when it is not X12, is a 999 or
     * TA1 instead, names another question, or the payer refused the question itself (AAA about the hub or its own state);
     * an AAA about the member is an answer: not covered, with the reason in words.
     */
    static CoverAnswer answer(String body, String reference) {
        List<Segment> segments = segments(body);
        String transaction = segments.stream().filter(s -> s.is("ST")).map(s -> s.element(1)).findFirst().orElse(null);
        if (transaction == null) {
            if (segments.stream().anyMatch(s -> s.is("TA1"))) {
                Segment ta1 = segments.stream().filter(s -> s.is("TA1")).findFirst().orElseThrow();
                throw new PayerUnreachable("it answered with an X12 TA1 (interchange acknowledgement"
                        + ("R".equals(ta1.element(4)) ? ", rejecting the hub's interchange" : "") + ") instead of a 271");
            }
            throw new PayerUnreachable("its answer holds no X12 transaction");
        }
        if ("999".equals(transaction)) {
            boolean rejected = segments.stream().anyMatch(s -> s.is("IK5") && "R".equals(s.element(1)))
                    || segments.stream().anyMatch(s -> s.is("AK9") && "R".equals(s.element(1)));
            throw new PayerUnreachable("it answered with an X12 999 acknowledgement" + (rejected ? " rejecting the hub's 270" : "")
                    + " instead of a 271");
        }
        if (!"271".equals(transaction)) {
            throw new PayerUnreachable("it answered with an X12 " + transaction + " instead of a 271");
        }
        String answered = segments.stream().filter(s -> s.is("TRN") && "2".equals(s.element(1))).map(s -> s.element(2))
                .findFirst().orElse(null);
        if (answered != null && !answered.equals(reference)) {
            throw new PayerUnreachable("its 271 is about another request (" + answered + ")");
        }
        for (Segment s : segments) {
            if (s.is("AAA")) {
                String code = s.element(3);
                if (REQUEST_REJECTIONS.containsKey(code)) {
                    throw new PayerUnreachable(REQUEST_REJECTIONS.get(code));
                }
                String why = MEMBER_REJECTIONS.getOrDefault(code, "the payer refused the question (reason code " + code + ")");
                return new CoverAnswer(false, why, null, null, null, List.of(), List.of());
            }
        }
        return coverage(segments);
    }

    private static CoverAnswer coverage(List<Segment> segments) {
        Boolean active = null;
        String inactive = null;
        String plan = null;
        LocalDate start = null;
        LocalDate end = null;
        Map<String, BigDecimal[]> limits = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Segment s : segments) {
            if (s.is("DTP")) {
                switch (s.element(1)) {
                    case "291", "346", "356" -> {
                        LocalDate[] dates = dates(s);
                        start = dates[0];
                        end = dates[1] != null ? dates[1] : end;
                    }
                    case "347", "357" -> end = dates(s)[0];
                    default -> {
                    }
                }
            }
            if (!s.is("EB")) {
                continue;
            }
            String kind = s.element(1);
            String services = services(s);
            if (!s.element(5).isEmpty() && plan == null) {
                plan = s.element(5);
            }
            switch (kind) {
                case "1", "2", "3", "4", "5" -> active = active == null || active;
                case "6", "7", "8" -> {
                    active = false;
                    inactive = switch (kind) {
                        case "7" -> "the payer says the cover is inactive until it updates its records";
                        case "8" -> "the payer says the cover is inactive while it investigates";
                        default -> "the payer says the cover is inactive";
                    };
                }
                case "F" -> {
                    BigDecimal amount = amount(s, 7);
                    if (amount != null) {
                        BigDecimal[] limit = limits.computeIfAbsent(services, k -> new BigDecimal[2]);
                        if ("29".equals(s.element(6)) || "33".equals(s.element(6))) {
                            limit[1] = amount;
                        } else {
                            limit[0] = amount;
                            String period = PERIODS.get(s.element(6));
                            if (period != null && !"23".equals(s.element(6))) {
                                notes.add(services + ": limit " + money(amount) + " " + period);
                            }
                        }
                    }
                }
                case "A" -> share(s, "co-insurance", services, notes);
                case "B" -> share(s, "co-payment", services, notes);
                case "C" -> notes.add(services + ": deductible " + money(amount(s, 7)));
                case "I" -> notes.add(services + ": not covered by the plan");
                case "V" -> notes.add(services + ": the payer cannot say");
                default -> {
                }
            }
            if ("Y".equals(s.element(11))) {
                notes.add(services + ": needs the payer's authorisation first");
            }
        }
        if (active == null) {
            throw new PayerUnreachable("its 271 does not say whether the member is covered (no EB active or inactive)");
        }
        List<Benefit> benefits = limits.entrySet().stream().filter(e -> e.getValue()[0] != null).map(e -> {
            BigDecimal allowed = e.getValue()[0];
            BigDecimal remaining = e.getValue()[1];
            return new Benefit(e.getKey(), allowed, remaining == null ? null : allowed.subtract(remaining), remaining, "NGN");
        }).toList();
        String reason = active ? null : end == null ? inactive : inactive + " (the plan ended on " + Display.dayOf(end) + ")";
        return new CoverAnswer(active, reason, plan, start, end, benefits, notes);
    }

    /** The services an EB is about, in words: its procedure (EB13, the hub's own code) or its service types (EB03). */
    private static String services(Segment s) {
        if (!s.component(13, 2).isEmpty()) {
            return s.component(13, 2);
        }
        String type = s.element(3);
        if (type.isEmpty()) {
            return "All services";
        }
        return SERVICE_TYPES.getOrDefault(type, "Service type " + type);
    }

    private static void share(Segment s, String what, String services, List<String> notes) {
        BigDecimal percent = amount(s, 8);
        BigDecimal amount = amount(s, 7);
        if (percent != null) {
            notes.add(services + ": " + what + " " + percent.movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % paid by the member");
        } else if (amount != null) {
            notes.add(services + ": " + what + " " + money(amount) + " paid by the member");
        }
    }

    private static BigDecimal amount(Segment s, int position) {
        try {
            return s.amountOrNull(position);
        } catch (UnreadableResponse e) {
            throw new PayerUnreachable("its 271 could not be read: " + e.getMessage());
        }
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "(no amount)" : "NGN " + String.format(Locale.ROOT, "%,.2f", amount);
    }

    /** D8 (one day) or RD8 (a range, from-to) of a DTP. */
    private static LocalDate[] dates(Segment s) {
        try {
            if ("RD8".equals(s.element(2))) {
                String[] range = s.element(3).split("-");
                return new LocalDate[] {LocalDate.parse(range[0], CCYYMMDD), range.length > 1 ? LocalDate.parse(range[1], CCYYMMDD) : null};
            }
            return new LocalDate[] {LocalDate.parse(s.element(3), CCYYMMDD), null};
        } catch (DateTimeParseException e) {
            throw new PayerUnreachable("its 271 could not be read: DTP*" + s.element(1) + " '" + s.element(3) + "' is not a date");
        }
    }

    private static List<Segment> segments(String body) {
        List<Segment> segments = new ArrayList<>();
        try (SegmentReader reader = new SegmentReader(new ByteArrayInputStream(body.strip().getBytes(StandardCharsets.US_ASCII)))) {
            for (Segment s = reader.next(); s != null; s = reader.next()) {
                segments.add(s);
            }
        } catch (UnreadableResponse e) {
            throw new PayerUnreachable("its answer is not readable X12: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new PayerUnreachable("its answer is not readable X12");
        }
        if (segments.isEmpty()) {
            throw new PayerUnreachable("its answer is not readable X12: it is empty");
        }
        return segments;
    }
}
