package com.hmoexchange.hub.sandbox;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo's X12 payer (Zenith Care) answering by itself, as a real one would, by dropping files in its
 * outbound SFTP folder for the hub to collect: for each 837P it finds, a 999 (accepted) and a 277CA at
 * once, and an 835 remittance a few seconds later. Its rules, so a newcomer can predict them: a claim
 * without a diagnosis is rejected (277CA A7); otherwise each service is paid up to 4,000 a unit and the
 * rest is a contractual adjustment (CAS CO-45), so a claim with a dearer service comes back PARTIAL.
 */
@Component
@Profile("demo")
class SandboxX12Payer {

    static final BigDecimal UNIT_LIMIT = new BigDecimal("4000");
    private static final Logger log = LoggerFactory.getLogger(SandboxX12Payer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Path claims;
    private final Path outbound;
    private final Path answered;
    private final Clock clock;

    SandboxX12Payer(@Value("${HUB_DATA_DIR:./data}") Path dataDir, Clock clock) {
        Path zenith = dataDir.resolve("sandbox-sftp/root/zenith");
        this.claims = zenith.resolve("claims");
        this.outbound = zenith.resolve("outbound");
        this.answered = zenith.resolve(".sandbox-answered");
        this.clock = clock;
    }

    /** One 837P as the payer reads it: what it needs to answer. */
    record ReceivedClaim(String claimNumber, String setControl, boolean hasDiagnosis, List<ReceivedLine> lines) {
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
        } catch (EDIStreamException | RuntimeException e) {
            log.warn("Sandbox X12 payer cannot read {}: {}", name, e.getMessage());
            Files.writeString(paid, "unreadable");
            return;
        }
        String base = name.replace(".x12", "");
        Instant now = clock.instant();
        if (!Files.exists(acknowledged)) {
            drop(base + ".999.x12", SandboxX12Files.acknowledgement999(claim, now));
            drop(base + ".277.x12", SandboxX12Files.claimAcknowledgement277(claim, now));
            Files.writeString(acknowledged, now.toString());
            log.info("Sandbox X12 payer acknowledged {} ({})", claim.claimNumber(),
                    claim.hasDiagnosis() ? "accepted" : "rejected: no diagnosis");
            if (!claim.hasDiagnosis()) {
                Files.writeString(paid, "rejected");
            }
            return;
        }
        // The remittance follows the acknowledgement by a few seconds, as payment follows review.
        if (Instant.parse(Files.readString(acknowledged)).plusSeconds(5).isBefore(now)) {
            drop(base + ".835.x12", SandboxX12Files.remittance835(claim, LocalDate.ofInstant(now, ZoneOffset.UTC), now));
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

    static ReceivedClaim read(InputStream in) throws EDIStreamException {
        EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in);
        String claimNumber = null;
        String setControl = null;
        boolean diagnosis = false;
        List<ReceivedLine> lines = new ArrayList<>();
        List<String> segment = new ArrayList<>();
        String tag = null;
        String pendingCode = null;
        BigDecimal pendingAmount = null;
        int pendingUnits = 1;
        while (reader.hasNext()) {
            EDIStreamEvent event = reader.next();
            switch (event) {
                case START_SEGMENT -> {
                    tag = reader.getText();
                    segment.clear();
                }
                case ELEMENT_DATA -> {
                    int position = reader.getLocation().getElementPosition();
                    int component = reader.getLocation().getComponentPosition();
                    if (component <= 1) {
                        while (segment.size() < position) {
                            segment.add("");
                        }
                        // SV101's second component is the service code; the rest of a composite is not needed.
                        boolean serviceCode = "SV1".equals(tag) && position == 1 && component == 1;
                        segment.set(position - 1, serviceCode ? "" : reader.getText());
                    } else if ("SV1".equals(tag) && position == 1 && component == 2) {
                        segment.set(0, reader.getText());
                    }
                }
                case END_SEGMENT -> {
                    switch (tag) {
                        case "ST" -> setControl = segment.get(1);
                        case "CLM" -> claimNumber = segment.get(0);
                        case "HI" -> diagnosis = true;
                        case "SV1" -> {
                            pendingCode = segment.get(0);
                            pendingAmount = new BigDecimal(segment.get(1));
                            pendingUnits = segment.size() > 3 ? Integer.parseInt(segment.get(3)) : 1;
                        }
                        case "REF" -> {
                            if ("6R".equals(segment.get(0)) && pendingCode != null) {
                                lines.add(new ReceivedLine(Integer.parseInt(segment.get(1)), pendingCode, pendingAmount,
                                        pendingUnits));
                                pendingCode = null;
                            }
                        }
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (claimNumber == null) {
            throw new IllegalArgumentException("no CLM segment");
        }
        return new ReceivedClaim(claimNumber, setControl, diagnosis, lines);
    }
}
