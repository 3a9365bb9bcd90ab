package com.hmoexchange.hub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.ingest.Adjustment;
import com.hmoexchange.hub.ingest.PayerDocument;
import com.hmoexchange.hub.ingest.Remittance;
import com.hmoexchange.hub.ingest.x12.X12Documents;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The sandbox X12 payer's answers must be X12 the hub reads, saying what its documented rules say. */
class SandboxX12PayerTests {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private final X12Documents hub = new X12Documents();

    @Test
    void aClaimWithADiagnosisIsAcceptedAndPaidUpToTheUnitLimit() throws Exception {
        SandboxX12Payer.ReceivedClaim claim = received();

        PayerDocument ack = read(SandboxX12Files.acknowledgement999(claim, NOW));
        assertThat(ack.acknowledgements()).singleElement().satisfies(a -> {
            assertThat(a.accepted()).isTrue();
            assertThat(a.claimNumber()).isEqualTo("CLM-00000042");
        });
        assertThat(read(SandboxX12Files.claimAcknowledgement277(claim, NOW)).answers()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ClaimStatus.IN_REVIEW));

        Remittance payment = read(SandboxX12Files.remittance835(claim, LocalDate.of(2026, 11, 21), NOW)).remittances().get(0);
        assertThat(payment.balances()).isTrue();
        assertThat(payment.total()).isEqualByComparingTo("8000"); // 5000 and 4500 charged, 4000 each paid
        assertThat(payment.claims().get(0).lines().get(0).adjustments())
                .containsExactly(new Adjustment("CO", "45", new BigDecimal("1000")));
        assertThat(payment.claims().get(0).lines().get(1).adjustments())
                .containsExactly(new Adjustment("CO", "45", new BigDecimal("500")));
    }

    @Test
    void aClaimWithoutADiagnosisIsRejected() throws Exception {
        SandboxX12Payer.ReceivedClaim claim = received();
        SandboxX12Payer.ReceivedClaim undiagnosed = new SandboxX12Payer.ReceivedClaim(claim.claimNumber(),
                claim.setControl(), false, claim.lines());

        assertThat(read(SandboxX12Files.claimAcknowledgement277(undiagnosed, NOW)).answers()).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ClaimStatus.REJECTED));
    }

    private static SandboxX12Payer.ReceivedClaim received() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("mappings/zenith-care/samples/two-lines.expected.x12"))) {
            SandboxX12Payer.ReceivedClaim claim = SandboxX12Payer.read(in);
            assertThat(claim.claimNumber()).isEqualTo("CLM-00000042");
            assertThat(claim.hasDiagnosis()).isTrue();
            assertThat(claim.lines()).hasSize(2);
            return claim;
        }
    }

    private PayerDocument read(String x12) throws Exception {
        return hub.read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)));
    }
}
