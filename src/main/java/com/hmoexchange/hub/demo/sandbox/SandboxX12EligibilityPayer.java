package com.hmoexchange.hub.demo.sandbox;

import static com.hmoexchange.hub.common.X12Writing.pad;
import static com.hmoexchange.hub.common.X12Writing.segment;

import com.hmoexchange.hub.eligibility.CoreEnvelope;
import com.hmoexchange.hub.payers.EligibilitySection;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.responses.UnreadableResponse;
import com.hmoexchange.hub.responses.x12.Segment;
import com.hmoexchange.hub.responses.x12.SegmentReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zenith's real-time eligibility endpoint in the sandbox: a CAQH CORE envelope (HTTP MIME multipart) carrying an X12
 * 270, answered by a 271 in the same envelope, to Zenith's bearer token. Covered on "ZENITH CLASSIC" for the calendar
 * year of the asked day (hospital outpatient limit 400,000 with 362,500 left, 10 % co-insurance on pharmacy, an MRI
 * needs Zenith's authorisation) unless the member number ends in 9: then inactive, the plan having ended last year.
 * Demo profile only.
 */
@RestController
@RequestMapping("/sandbox/payers/zenith-care")
@Profile("demo")
@Tag(name = "Sandbox (demo only)")
class SandboxX12EligibilityPayer {

    private static final EDIOutputFactory FACTORY = EDIOutputFactory.newFactory();
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    static {
        FACTORY.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    }

    private final EligibilitySection zenith;

    SandboxX12EligibilityPayer(PayerCatalog payers) {
        this.zenith = payers.settings("zenith-care").eligibility();
    }

    @PostMapping(value = "/eligibility", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Zenith's CORE real-time endpoint: a 270 in, a 271 out; covered unless the member number ends in 9")
    ResponseEntity<byte[]> answer(@RequestHeader(value = "Authorization", required = false) String authorization,
            @RequestParam("PayloadType") String payloadType, @RequestParam("PayloadID") String payloadId,
            @RequestParam("Payload") String payload) {
        if (!zenith.token().isBlank() && !("Bearer " + zenith.token()).equals(authorization)) {
            return envelope(HttpStatus.UNAUTHORIZED, "SenderIDNotAuthorized", "bad or missing bearer token", payloadId, "");
        }
        if (!CoreEnvelope.REQUEST_270.equals(payloadType)) {
            return envelope(HttpStatus.BAD_REQUEST, "PayloadTypeNotSupported", "this endpoint answers " + CoreEnvelope.REQUEST_270,
                    payloadId, "");
        }
        try {
            return envelope(HttpStatus.OK, CoreEnvelope.SUCCESS, "", payloadId,
                    answer271(read(payload), zenith.receiverId(), zenith.senderId(), ZonedDateTime.now(ZoneOffset.UTC)));
        } catch (UnreadableResponse | EDIStreamException | RuntimeException e) {
            return envelope(HttpStatus.BAD_REQUEST, "Receiver", "the 270 could not be read: " + e.getMessage(), payloadId, "");
        }
    }

    private ResponseEntity<byte[]> envelope(HttpStatus status, String errorCode, String message, String payloadId, String x12) {
        CoreEnvelope.Written written = new CoreEnvelope(CoreEnvelope.RESPONSE_271, "ZEN-" + UUID.randomUUID(), Instant.now(),
                zenith.receiverId(), zenith.senderId(), errorCode, message.isEmpty() ? "request " + payloadId : message, x12).write();
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(written.contentType())).body(written.body());
    }

    static List<Segment> read(String x12) throws UnreadableResponse {
        List<Segment> segments = new ArrayList<>();
        try (SegmentReader reader = new SegmentReader(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)))) {
            for (Segment s = reader.next(); s != null; s = reader.next()) {
                segments.add(s);
            }
        } catch (IOException e) {
            throw new UnreadableResponse(0, "could not be read", e);
        }
        return segments;
    }

    /** The 271 to a 270, from Zenith ({@code payerId}) to the hub ({@code hubId}), written at {@code now}. */
    static String answer271(List<Segment> request, String payerId, String hubId, ZonedDateTime now) throws EDIStreamException {
        String reference = find(request, "TRN", 2);
        String member = request.stream().filter(s -> s.is("NM1") && "IL".equals(s.element(1))).map(s -> s.element(9))
                .findFirst().orElse("");
        String on = request.stream().filter(s -> s.is("DTP") && "291".equals(s.element(1))).map(s -> s.element(3)).findFirst()
                .orElse(null);
        LocalDate day = on == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(on, CCYYMMDD);
        String control = "%09d".formatted(Math.floorMod(reference.hashCode(), 1_000_000_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIStreamWriter w = FACTORY.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name());
        w.startInterchange();
        segment(w, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ", pad(payerId, 15), "ZZ", pad(hubId, 15),
                now.format(DateTimeFormatter.ofPattern("yyMMdd")), now.format(DateTimeFormatter.ofPattern("HHmm")), "^", "00501",
                control, "0", "P", ":");
        segment(w, "GS", "HB", payerId, hubId, now.format(CCYYMMDD),
                now.format(DateTimeFormatter.ofPattern("HHmm")), "1", "X", "005010X279A1");
        int first = w.getLocation().getSegmentPosition();
        segment(w, "ST", "271", "0001", "005010X279A1");
        segment(w, "BHT", "0022", "11", find(request, "BHT", 3), now.format(CCYYMMDD), now.format(DateTimeFormatter.ofPattern("HHmm")));
        segment(w, "HL", "1", "", "20", "1");
        segment(w, "NM1", "PR", "2", "ZENITH CARE ASSURANCE", "", "", "", "", "PI", payerId);
        segment(w, "HL", "2", "1", "21", "1");
        segment(w, "HL", "3", "2", "22", "0");
        segment(w, "TRN", "2", reference, "9ZENITH");
        segment(w, "NM1", "IL", "1", "", "", "", "", "", "MI", member);
        if (member.endsWith("9")) {
            segment(w, "DTP", "346", "D8", day.minusYears(1).withDayOfYear(1).format(CCYYMMDD));
            segment(w, "DTP", "347", "D8", day.minusYears(1).withDayOfYear(day.minusYears(1).lengthOfYear()).format(CCYYMMDD));
            segment(w, "EB", "6", "", "30", "", "ZENITH CLASSIC");
        } else {
            segment(w, "DTP", "346", "D8", day.withDayOfYear(1).format(CCYYMMDD));
            segment(w, "DTP", "347", "D8", day.withDayOfYear(day.lengthOfYear()).format(CCYYMMDD));
            segment(w, "EB", "1", "", "30", "", "ZENITH CLASSIC");
            segment(w, "EB", "F", "", "50", "", "", "23", "400000");
            segment(w, "EB", "F", "", "50", "", "", "29", "362500");
            segment(w, "EB", "A", "", "88", "", "", "27", "", "0.1");
            w.writeStartSegment("EB").writeElement("1").writeEmptyElement().writeElement("1");
            for (int i = 4; i <= 10; i++) {
                w.writeEmptyElement();
            }
            w.writeElement("Y").writeEmptyElement().writeStartElement().writeComponent("ZZ").writeComponent("IMG-MRI").endElement()
                    .writeEndSegment();
        }
        segment(w, "SE", String.valueOf(w.getLocation().getSegmentPosition() - first + 1), "0001");
        segment(w, "GE", "1", "1");
        segment(w, "IEA", "1", control);
        w.endInterchange();
        w.close();
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String find(List<Segment> segments, String tag, int element) {
        return segments.stream().filter(s -> s.is(tag)).map(s -> s.element(element)).findFirst().orElse("");
    }
}
