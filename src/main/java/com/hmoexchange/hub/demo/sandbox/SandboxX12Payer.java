package com.hmoexchange.hub.demo.sandbox;

import com.hmoexchange.hub.responses.UnreadableResponse;
import com.hmoexchange.hub.responses.x12.Segment;
import com.hmoexchange.hub.responses.x12.SegmentReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo's X12 payer (Zenith Care) answering by itself, as a real one would, by dropping files in its
 * outbound SFTP folder for the hub to collect: for each 837P it finds, a 999 (accepted) and a 277CA at
 * once, and an 835 remittance a few seconds later. It decides like the other sandbox payers
 * ({@link SandboxResponder#decide}, by the claim's total): a rejection is a 277CA A7 with the reason and
 * no remittance; what a partial approval does not pay is a contractual adjustment (CAS CO-45) in the 835.
 */
@Component
@Profile("demo")
class SandboxX12Payer {

    private static final Logger log = LoggerFactory.getLogger(SandboxX12Payer.class);

    private final Path claims;
    private final Path outbound;
    private final Path answered;
    private final Clock clock;

    SandboxX12Payer(SandboxSettings settings, Clock clock) {
        Path zenith = settings.dataDir().resolve("sandbox-sftp/root/zenith");
        this.claims = zenith.resolve("claims");
        this.outbound = zenith.resolve("outbound");
        this.answered = zenith.resolve(".sandbox-answered");
        this.clock = clock;
    }

    /** One 837P as the payer reads it: what it needs to answer. */
    record ReceivedClaim(String claimNumber, String setControl, List<ReceivedLine> lines) {

        SandboxResponder.Decision decision() {
            Map<Integer, BigDecimal> charged = new TreeMap<>();
            lines.forEach(line -> charged.put(line.sequence(), line.charged()));
            return SandboxResponder.decide(charged);
        }
    }

    record ReceivedLine(int sequence, String serviceCode, BigDecimal charged, int units) {
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 3000)
    void answer() throws IOException {
        if (!Files.isDirectory(claims)) {
            return;
        }
        Files.createDirectories(outbound);
        Files.createDirectories(answered);
        try (Stream<Path> files = Files.list(claims)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".x12")).sorted().toList()) {
                answer(file);
            }
        }
    }

    private void answer(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path acknowledged = answered.resolve(name + ".acknowledged");
        Path paid = answered.resolve(name + ".paid");
        if (Files.exists(paid)) {
            return;
        }
        ReceivedClaim claim;
        try (InputStream in = Files.newInputStream(file)) {
            claim = read(in);
        } catch (UnreadableResponse | RuntimeException e) {
            log.warn("Sandbox X12 payer cannot read {}: {}", name, e.getMessage());
            Files.writeString(paid, "unreadable");
            return;
        }
        String base = name.replace(".x12", "");
        Instant now = clock.instant();
        SandboxResponder.Decision decision = claim.decision();
        if (!Files.exists(acknowledged)) {
            drop(base + ".1-999.x12", SandboxX12Files.acknowledgement999(claim, now));
            drop(base + ".2-277.x12", SandboxX12Files.claimAcknowledgement277(claim, decision, now));
            Files.writeString(acknowledged, now.toString());
            log.info("Sandbox X12 payer acknowledged {}: {}", claim.claimNumber(), decision.status());
            if ("REJECTED".equals(decision.status())) {
                Files.writeString(paid, "rejected");
            }
            return;
        }
        // The remittance follows the acknowledgement by a few seconds, as payment follows review.
        if (Instant.parse(Files.readString(acknowledged)).plusSeconds(5).isBefore(now)) {
            drop(base + ".3-835.x12", SandboxX12Files.remittance835(claim, decision, LocalDate.ofInstant(now, ZoneOffset.UTC), now));
            Files.writeString(paid, now.toString());
            log.info("Sandbox X12 payer sent the remittance for {}", claim.claimNumber());
        }
    }

    /** Written under a temporary name and renamed, so the hub never collects half a file. */
    private void drop(String name, String content) throws IOException {
        Path temporary = outbound.resolve(".tmp-" + name);
        Files.writeString(temporary, content);
        Files.move(temporary, outbound.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The claim in an 837P, read with the hub's own segment reader (the sandbox payer reads as a payer would). */
    static ReceivedClaim read(InputStream in) throws UnreadableResponse, IOException {
        String claimNumber = null;
        String setControl = null;
        List<ReceivedLine> lines = new ArrayList<>();
        Segment service = null;
        try (SegmentReader segments = new SegmentReader(in)) {
            for (Segment s = segments.next(); s != null; s = segments.next()) {
                switch (s.tag()) {
                    case "ST" -> setControl = s.element(2);
                    case "CLM" -> claimNumber = s.element(1);
                    case "SV1" -> service = s;
                    case "REF" -> {
                        if ("6R".equals(s.element(1)) && service != null) {
                            Integer units = service.wholeNumberOrNull(4);
                            lines.add(new ReceivedLine(Integer.parseInt(s.element(2)), service.component(1, 2),
                                    service.amount(2), units == null ? 1 : units));
                            service = null;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (claimNumber == null) {
            throw new UnreadableResponse(0, "no CLM segment");
        }
        return new ReceivedClaim(claimNumber, setControl, lines);
    }
}
