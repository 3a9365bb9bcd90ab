package com.hmoexchange.hub.demo.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.responses.Adjustment;
import com.hmoexchange.hub.responses.PayerResponse;
import com.hmoexchange.hub.responses.Remittance;
import com.hmoexchange.hub.responses.x12.X12Responses;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox X12 payer's adjudications must be X12 the hub reads, saying what the sandbox rule decided. */
class SandboxX12PayerTests {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private final X12Responses hub = new X12Responses();

    @Test
    void aClaimBetween6000And12000IsAcceptedThenPaidWithItsDearestLineAtHalf() throws Exception {
        SandboxX12Payer.ReceivedClaim claim = received(); // 5,000 and 4,500
        SandboxResponder.Decision decision = claim.decision();
        assertThat(decision.status()).isEqualTo("PARTIAL");

        PayerResponse ack = read(SandboxX12Files.acknowledgement999(claim, NOW));
        assertThat(ack.acknowledgements()).singleElement().satisfies(a -> {
            assertThat(a.accepted()).isTrue();
            assertThat(a.setControlNumber()).isEqualTo("00000042");
        });
        assertThat(read(SandboxX12Files.claimAcknowledgement277(claim, decision, NOW)).adjudications()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ClaimStatus.IN_REVIEW));

        Remittance payment = read(SandboxX12Files.remittance835(claim, decision, LocalDate.of(2026, 11, 21), NOW))
                .remittances().get(0);
        assertThat(payment.balances()).isTrue();
        assertThat(payment.total()).isEqualByComparingTo("7000");
        assertThat(payment.claims().get(0).lines().get(0).adjustments())
                .containsExactly(new Adjustment(Adjustment.Group.PR, "3", new BigDecimal("500")),
                        new Adjustment(Adjustment.Group.CO, "45", new BigDecimal("2000")));
        assertThat(payment.claims().get(0).patientResponsibility()).isEqualByComparingTo("500");
        assertThat(payment.claims().get(0).lines().get(1).adjustments()).isEmpty();
    }

    @Test
    void aClaimOf12000OrMoreIsRejectedWithTheSandboxsReason() throws Exception {
        SandboxX12Payer.ReceivedClaim claim = received();
        SandboxX12Payer.ReceivedClaim dear = new SandboxX12Payer.ReceivedClaim(claim.claimNumber(), claim.setControl(),
                List.of(new SandboxX12Payer.ReceivedLine(1, "XRAY-CHEST", new BigDecimal("12000"), 1)));

        assertThat(read(SandboxX12Files.claimAcknowledgement277(dear, dear.decision(), NOW)).adjudications()).singleElement()
                .satisfies(a -> {
                    assertThat(a.status()).isEqualTo(ClaimStatus.REJECTED);
                    assertThat(a.reasons().get(0).text()).endsWith("claims of NGN 12,000 or more are declined");
                });
    }

    private static SandboxX12Payer.ReceivedClaim received() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("mappings/zenith-care/samples/two-lines.expected.x12"))) {
            SandboxX12Payer.ReceivedClaim claim = SandboxX12Payer.read(in);
            assertThat(claim.claimNumber()).isEqualTo("CLM-00000042");
            assertThat(claim.lines()).hasSize(2);
            return claim;
        }
    }

    private PayerResponse read(String x12) throws Exception {
        return hub.read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)));
    }
}
