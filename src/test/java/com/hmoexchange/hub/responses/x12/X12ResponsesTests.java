package com.hmoexchange.hub.responses.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.responses.Adjustment;
import com.hmoexchange.hub.responses.ClaimAdjudication;
import com.hmoexchange.hub.responses.PayerResponse;
import com.hmoexchange.hub.responses.RemittedClaim;
import com.hmoexchange.hub.responses.RemittedLine;
import com.hmoexchange.hub.responses.Remittance;
import com.hmoexchange.hub.responses.SetAcknowledgement;
import com.hmoexchange.hub.responses.UnreadableResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class X12ResponsesTests {

    private final X12Responses reader = new X12Responses();

    @Test
    void anRemittanceWithAPaidADeniedAndAPartPaidClaimReadsIntoItsPayment() throws Exception {
        Remittance payment = read("835-paid-denied-partial.x12").remittances().get(0);

        assertThat(payment.paymentReference()).isEqualTo("ACME-PAY-2026-0042");
        assertThat(payment.paymentDate()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(payment.total()).isEqualByComparingTo("26500");
        assertThat(payment.providerAdjustments()).isEqualByComparingTo("500");
        assertThat(payment.balances()).isTrue();
        assertThat(payment.claims()).extracting(RemittedClaim::claimNumber)
                .containsExactly("CLM-00000001", "CLM-00000002", "CLM-00000003");

        RemittedClaim paid = payment.claims().get(0);
        assertThat(paid.kind()).isEqualTo(RemittedClaim.Kind.PROCESSED);
        assertThat(paid.paid()).isEqualByComparingTo("15000");
        assertThat(paid.payerReference()).isEqualTo("ACME-A1");
        assertThat(paid.lines()).extracting(RemittedLine::sequence, RemittedLine::serviceCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "99213"),
                        org.assertj.core.groups.Tuple.tuple(2, "85025"));

        RemittedClaim denied = payment.claims().get(1);
        assertThat(denied.kind()).isEqualTo(RemittedClaim.Kind.DENIED);
        assertThat(denied.paid()).isEqualByComparingTo("0");
        assertThat(denied.adjustments()).containsExactly(new Adjustment(Adjustment.Group.CO, "50", new BigDecimal("8000")));

        RemittedClaim partial = payment.claims().get(2);
        assertThat(partial.paid()).isEqualByComparingTo("12000");
        assertThat(partial.patientResponsibility()).isEqualByComparingTo("3000");
        RemittedLine secondLine = partial.lines().get(1);
        assertThat(secondLine.units()).isEqualTo(2);
        assertThat(secondLine.paid()).isEqualByComparingTo("3000");
        assertThat(secondLine.adjustments()).containsExactly(new Adjustment(Adjustment.Group.PR, "1", new BigDecimal("3000")),
                new Adjustment(Adjustment.Group.CO, "45", new BigDecimal("2000")));
    }

    @Test
    void aReversalCarriesNegativeAmounts() throws Exception {
        RemittedClaim reversed = read("835-reversal.x12").remittances().get(0).claims().get(0);

        assertThat(reversed.kind()).isEqualTo(RemittedClaim.Kind.REVERSAL);
        assertThat(reversed.paid()).isEqualByComparingTo("-15000");
    }

    @Test
    void claimAcknowledgementsMoveClaimsToReceivedInReviewOrRejectedWithTheReason() throws Exception {
        PayerResponse document = read("277ca-mixed.x12");

        assertThat(document.adjudications()).extracting(ClaimAdjudication::claimNumber, ClaimAdjudication::status, ClaimAdjudication::payerReference)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CLM-00000011", ClaimStatus.IN_REVIEW, "ACME-277-11"),
                        org.assertj.core.groups.Tuple.tuple("CLM-00000012", ClaimStatus.REJECTED, "ACME-277-12"),
                        org.assertj.core.groups.Tuple.tuple("CLM-00000013", ClaimStatus.RECEIVED, "ACME-277-13"));
        assertThat(document.adjudications().get(1).reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo("A7:562");
            assertThat(reason.text()).isEqualTo(
                    "Rejected for invalid information: Entity's National Provider Identifier (NPI) (billing provider)");
        });
    }

    @Test
    void anAcknowledgementSaysWhichTransactionSetsWereAcceptedAndWhatWasWrongWithTheOthers() throws Exception {
        PayerResponse document = read("999-partly-rejected.x12");

        assertThat(document.acknowledgements()).extracting(SetAcknowledgement::setControlNumber, SetAcknowledgement::accepted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("00000021", true),
                        org.assertj.core.groups.Tuple.tuple("00000022", false));
        assertThat(document.acknowledgements().get(1).errors()).extracting(r -> r.text()).containsExactly(
                "segment NM1 (number 8 in the set): segment has data element errors",
                "segment NM1 (number 8 in the set) element 9: invalid code value (value 'ZZ')",
                "one or more segments in error");
    }

    @Test
    void aBadAmountIsReportedWithItsSegment() {
        assertThatThrownBy(() -> read("835-bad-amount.x12"))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("CLP04 '15OOO' is not an amount");
                    assertThat(e.line()).isPositive();
                });
    }

    @Test
    void aCutOffInterchangeIsUnreadable() throws IOException {
        String whole = new String(resource("835-paid-denied-partial.x12").readAllBytes(), StandardCharsets.US_ASCII);
        String cut = whole.substring(0, whole.indexOf("CLP*CLM-00000003"));

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(cut.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(UnreadableResponse.class);
    }

    @Test
    void aBatchRefusedWithoutNamingItsClaimsGoesToAPersonWithTheReason() throws Exception {
        String whole = new String(resource("277ca-mixed.x12").readAllBytes(), StandardCharsets.US_ASCII);
        String header = whole.substring(0, whole.indexOf("HL*3*2*19*1"));
        String refused = header.replace("STC*A1:19*20261120*WQ*48000", "STC*A3:21*20261120*U*48000********Submitter not enrolled");
        int segments = (int) refused.lines().filter(l -> !l.startsWith("ISA") && !l.startsWith("GS")).count() + 1;
        String x12 = refused + "SE*" + segments + "*0001~\nGE*1*77~\nIEA*1*000000077~\n";

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "The payer refused the whole batch (Returned as unprocessable: Missing or invalid information. "
                                + "Submitter not enrolled) without naming its claims; find the claims it carried and resubmit them"));
    }

    @Test
    void somethingThatIsNotX12IsUnreadable() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("CLAIM_REF,STATUS\nCLM-1,APPROVED\n"
                .getBytes(StandardCharsets.US_ASCII)))).isInstanceOf(UnreadableResponse.class);
    }

    private PayerResponse read(String fixture) throws Exception {
        try (InputStream in = resource(fixture)) {
            return reader.read(in);
        }
    }

    private static InputStream resource(String fixture) {
        return X12ResponsesTests.class.getResourceAsStream("/x12/" + fixture);
    }
}
