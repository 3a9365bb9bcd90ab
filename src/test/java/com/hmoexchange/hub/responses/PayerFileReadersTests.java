package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.claims.BilledLines.Billed;
import com.hmoexchange.hub.claims.ClaimStatus;
import com.hmoexchange.hub.claims.PayerSplit;
import com.hmoexchange.hub.payers.PayerSettings;
import com.hmoexchange.hub.responses.x12.X12Responses;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Payers' files as they really come (the project's own fixtures, shaped like payers' files and HL7's published
 * R4 examples): who owes what in each format, lines without the hub's line number, spreadsheet CSV, amounts the
 * store cannot hold. No Spring: the readers and the matching are plain code.
 */
class PayerFileReadersTests {

    static final String REMITTANCE_HEADER = "PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,LINE_NO,BILLED,PAID,PATIENT_OWES,REASON_CODE,REASON";

    final CsvResponses csv = new CsvResponses(harmonyColumns());

    // ---- X12 835: the patient's share is PR and CLP05, CO is the provider's ----------------------------

    @Test
    void an_835_says_per_claim_what_the_patient_owes_and_what_the_provider_writes_off() throws Exception {
        Remittance payment = new X12Responses().read(fixture("/x12/835-no-line-numbers.x12")).remittances().get(0);

        RemittedClaim paid = payment.claims().get(0);
        assertThat(paid.split()).isNull(); // no group, no CLP05: the payer said nothing of who owes what (nothing is owed)
        assertThat(paid.lines()).extracting(RemittedLine::sequence).containsOnlyNulls();
        assertThat(paid.lines()).extracting(RemittedLine::serviceDate).containsOnly(LocalDate.of(2026, 11, 18));

        PayerSplit denied = payment.claims().get(1).split();
        assertThat(denied.patient()).isEqualByComparingTo("0");
        assertThat(denied.contractual()).isEqualByComparingTo("18000");

        RemittedClaim part = payment.claims().get(2);
        PayerSplit split = part.split();
        assertThat(split.patient()).isEqualByComparingTo("10000");
        assertThat(split.contractual()).isEqualByComparingTo("2000");
        assertThat(part.lines().get(0).adjustments().get(0).describe()).isEqualTo("PR-1 10000: deductible (patient's to pay)");
    }

    @Test
    void an_835_with_an_adjustment_group_the_hub_does_not_know_is_refused_on_its_segment() {
        String x12 = text("/x12/835-no-line-numbers.x12").replace("CAS*CO*29*18000", "CAS*XX*29*18000");
        assertThatThrownBy(() -> new X12Responses().read(bytes(x12)))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> {
                    assertThat(e.line()).isEqualTo(16);
                    assertThat(e.getMessage()).contains("CAS01 'XX' is not an adjustment group");
                });
    }

    @Test
    void an_835_amount_the_store_cannot_hold_is_refused_on_its_segment() {
        String x12 = text("/x12/835-no-line-numbers.x12").replace("CLP*CLM-00000101*1*14000*14000", "CLP*CLM-00000101*1*14000*1234567890123");
        assertThatThrownBy(() -> new X12Responses().read(bytes(x12)))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> {
                    assertThat(e.line()).isEqualTo(10);
                    assertThat(e.getMessage()).isEqualTo("CLP04 '1234567890123' is too large: the hub holds amounts up to 999,999,999,999.99");
                });
        String kobo = text("/x12/835-no-line-numbers.x12").replace("SVC*HC:CONS-GP*5000*5000", "SVC*HC:CONS-GP*5000*4999.999");
        assertThatThrownBy(() -> new X12Responses().read(bytes(kobo)))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> assertThat(e.getMessage()).contains("more than two decimal places"));
    }

    // ---- line matching without REF*6R -----------------------------------------------------------------

    @Test
    void lines_without_a_line_number_are_matched_by_code_date_and_amount_in_order() {
        List<Billed> billed = List.of(new Billed(1, "LAB-MP", LocalDate.of(2026, 11, 18), new BigDecimal("2000.00")),
                new Billed(2, "CONS-GP", LocalDate.of(2026, 11, 18), new BigDecimal("5000.00")),
                new Billed(3, "LAB-MP", LocalDate.of(2026, 11, 18), new BigDecimal("2000.00")));
        RemittedClaim claim = new RemittedClaim("CLM-1", null, RemittedClaim.Kind.PROCESSED, new BigDecimal("9000"),
                new BigDecimal("9000"), null, List.of(), List.of(
                        line("CONS-GP", List.of(), LocalDate.of(2026, 11, 18), "5000"),
                        line("LAB-MP", List.of(), null, "2000"),
                        line("LAB-MP", List.of(), LocalDate.of(2026, 11, 18), "2000")));

        LineMatching.Matched matched = LineMatching.match(claim, billed);

        assertThat(matched.unmatched()).isEmpty();
        assertThat(matched.claim().lines()).extracting(RemittedLine::sequence).containsExactly(2, 1, 3);
    }

    @Test
    void a_line_that_fits_no_billed_line_is_left_unmatched_with_the_reason() {
        List<Billed> billed = List.of(new Billed(1, "XRAY-CHEST", LocalDate.of(2026, 11, 19), new BigDecimal("12000.00")),
                new Billed(2, "CONS-GP", LocalDate.of(2026, 11, 19), new BigDecimal("5000.00")));
        RemittedClaim claim = new RemittedClaim("CLM-2", null, RemittedClaim.Kind.PROCESSED, null, new BigDecimal("17000"),
                null, List.of(), List.of(line("XRAY-CHEST", List.of("RT"), null, "12000"),
                        line("CONS-GP", List.of(), null, "4000"), line("DRUG-ACT", List.of(), null, "1000")));

        LineMatching.Matched matched = LineMatching.match(claim, billed);

        assertThat(matched.claim().lines()).extracting(RemittedLine::sequence).containsOnlyNulls();
        assertThat(matched.unmatched()).extracting(LineMatching.Unmatched::why).satisfiesExactly(
                why -> assertThat(why).contains("XRAY-CHEST with modifiers RT").contains("billed it without modifiers"),
                why -> assertThat(why).contains("CONS-GP charged 4000").contains("[5000.00 on 19 Nov 2026]"),
                why -> assertThat(why).contains("DRUG-ACT").contains("no line with that service code"));
    }

    // ---- CSV as spreadsheets and payers' systems write it ----------------------------------------------

    @Test
    void a_csv_with_a_byte_order_mark_crlf_a_quoted_line_break_and_a_trailing_empty_line_is_read() throws Exception {
        String content = REMITTANCE_HEADER + "\r\n"
                + "HCI-PAY-1,2026-11-21,9000.00,CLM-1,1,5000.00,4500.00,500.00,CP,\"Co-payment,\r\n10 %\"\r\n"
                + "HCI-PAY-1,2026-11-21,9000.00,CLM-1,2,7000.00,4500.00,,45,Agreed fee\r\n"
                + "\r\n";
        byte[] utf8 = withBom(content.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        byte[] utf16 = withBom(content.getBytes(StandardCharsets.UTF_16LE), new byte[] {(byte) 0xFF, (byte) 0xFE});

        for (byte[] file : List.of(utf8, utf16)) {
            RemittedClaim claim = csv.read(new ByteArrayInputStream(file)).remittances().get(0).claims().get(0);
            assertThat(claim.paid()).isEqualByComparingTo("9000");
            assertThat(claim.lines()).extracting(RemittedLine::sequence).containsExactly(1, 2);
            assertThat(claim.lines().get(0).patientResponsibility()).isEqualByComparingTo("500");
            // The payer named the patient's part on a line: only that is the patient's, the rest says no group.
            assertThat(claim.split().patient()).isEqualByComparingTo("500");
            assertThat(claim.split().contractual()).isEqualByComparingTo("0");
        }
    }

    @Test
    void a_csv_reason_code_written_with_its_adjustment_group_says_who_bears_what_the_row_did_not_pay() throws Exception {
        RemittedClaim claim = csv.read(stream(REMITTANCE_HEADER + "\n"
                + "HCI-PAY-1,2026-11-21,4000.00,CLM-1,1,5000.00,3500.00,,PR-3,Co-payment\n"
                + "HCI-PAY-1,2026-11-21,4000.00,CLM-1,2,2000.00,500.00,,co-45,Agreed fee\n"
                + "HCI-PAY-1,2026-11-21,4000.00,CLM-2,,7000.00,0.00,,R07,Not covered\n"))
                .remittances().get(0).claims().get(0);

        assertThat(claim.lines().get(0).adjustments()).containsExactly(new Adjustment(Adjustment.Group.PR, "3", new BigDecimal("1500.00")));
        assertThat(claim.lines().get(1).adjustments()).containsExactly(new Adjustment(Adjustment.Group.CO, "45", new BigDecimal("1500.00")));
        assertThat(claim.split().patient()).isEqualByComparingTo("1500");
        assertThat(claim.split().contractual()).isEqualByComparingTo("1500");
    }

    @Test
    void a_status_csv_gives_the_patients_part_per_line() throws Exception {
        CsvResponses status = new CsvResponses(harmonyColumns());
        ClaimAdjudication answer = status.read(new ByteArrayInputStream(("CLAIM_REF,STATUS,LINE_NO,APPROVED_AMOUNT,PATIENT_OWES\n"
                + "CLM-3,PART_APPROVED,1,4000,1000\n").getBytes(StandardCharsets.UTF_8))).adjudications().get(0);
        assertThat(answer.status()).isEqualTo(ClaimStatus.PARTIAL);
        assertThat(answer.split().patient()).isEqualByComparingTo("1000");
        assertThat(answer.split().lines()).extracting(PayerSplit.Line::position).containsExactly(1);
    }

    @Test
    void a_malformed_csv_is_reported_with_its_line_in_words() {
        assertThatThrownBy(() -> csv.read(stream(REMITTANCE_HEADER + "\nHCI-PAY-1,2026-11-21,5000,CLM-1,,5000,5000,,,\"unclosed\n")))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo("Line 2: a quoted field opens (\") but is never closed; close the quote, "
                            + "or double a quote that belongs to the text (\"\").");
                });
        assertThatThrownBy(() -> csv.read(stream(REMITTANCE_HEADER + "\nHCI-PAY-1,2026-11-21,5000,CLM-1,,5000,5000,,,\"Paid\" in full\n")))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("Line 2, character ").contains("text follows a closing quote")
                            .doesNotContain("Exception").doesNotContain("org.apache");
                });
    }

    @Test
    void a_csv_amount_the_store_cannot_hold_is_refused_on_its_line() {
        assertThatThrownBy(() -> csv.read(stream(REMITTANCE_HEADER + "\nHCI-PAY-1,2026-11-21,5000,CLM-1,,5000,5000,,,\n"
                + "HCI-PAY-1,2026-11-21,5000,CLM-2,,5000,99999999999999,,,\n")))
                .isInstanceOfSatisfying(UnreadableResponse.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("Column PAID: '99999999999999' is too large: the hub holds amounts up to "
                            + "999,999,999,999.99.");
                });
    }

    // ---- what a person reads of an unreadable document -------------------------------------------------

    @Test
    void an_unreadable_document_is_described_in_words_without_java_class_names() throws Exception {
        JsonResponses acme = new JsonResponses(new ObjectMapper(), java.nio.file.Path.of("mappings/acme-hmo/response-in.jsonata"));
        List<ThrowingRead> odd = List.of(
                () -> new FhirResponses().read(stream("this is not a claim response")),
                () -> new FhirResponses().read(stream("{\"resourceType\": \"ClaimResponse\", \"request\": {\"reference\": \"Claim/CLM-1\"}, \"outcome\": {\"x\": 1}}")),
                () -> new FhirResponses().read(stream("{\"resourceType\": \"ClaimResponse\", \"item\": [{\"itemSequence\": \"two\"}]}")),
                () -> new FhirResponses().read(stream("{\"resourceType\": \"ClaimResponse\"")),
                () -> new X12Responses().read(stream("hello")),
                () -> new X12Responses().read(stream("ISA*00*          *00*     ~")),
                () -> acme.read(stream("{\"event\": \"claim.status\", \"claim\": {\"ref\": [1, 2], \"state\": {\"a\": 1}}}")),
                () -> acme.read(stream("{\"event\": \"payment\", \"payment\": {\"id\": \"P\", \"amount\": \"lots\", \"claims\": 7}}")),
                () -> acme.read(stream("[1, 2")),
                () -> acme.read(stream("{\"event\": \"payment\", \"payment\": {\"id\": \"P\", \"amount\": {\"a\": 1}, \"claims\": [{\"ref\": {\"x\": [1]}, \"paid\": \"x\"}]}}")),
                () -> csv.read(stream("CLAIM_REF,CLAIM_REF\nA,B\n")));
        for (ThrowingRead read : odd) {
            String what = "document " + (odd.indexOf(read) + 1);
            try {
                read.read();
                throw new AssertionError(what + " was read, not refused");
            } catch (UnreadableResponse e) {
                assertThat(e.getMessage()).as(what).doesNotContainPattern("\\b(java|javax|jakarta|com|org|ca)\\.[a-z]+\\.")
                        .doesNotContainIgnoringCase("exception").doesNotContain("HAPI-").doesNotContain("`");
            }
        }
    }

    @Test
    void a_json_document_in_which_the_mapping_finds_nothing_is_refused_not_answered_as_applied() {
        JsonResponses acme = new JsonResponses(new ObjectMapper(), java.nio.file.Path.of("mappings/acme-hmo/response-in.jsonata"));
        // Two events sent as a list, where Acme's mapping reads one event per document; and an event kind it does not know.
        for (String document : List.of(
                "[{\"event\": \"claim.status\", \"claim\": {\"ref\": \"CLM-1\", \"state\": \"APPROVED\"}},"
                        + " {\"event\": \"claim.status\", \"claim\": {\"ref\": \"CLM-2\", \"state\": \"APPROVED\"}}]",
                "{\"event\": \"claim.viewed\", \"claim\": {\"ref\": \"CLM-1\"}}")) {
            assertThatThrownBy(() -> acme.read(stream(document))).as(document).isInstanceOf(UnreadableResponse.class)
                    .hasMessageContaining("found no claim answer, payment or acknowledgement");
        }
    }

    interface ThrowingRead {
        PayerResponse read() throws Exception;
    }

    // ---- JSON mappings: the normalised document --------------------------------------------------------

    @Test
    void a_mapped_json_document_gives_the_patients_part_and_groups_and_its_amounts_are_checked() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PayerResponse document = NormalisedJson.read(json.readTree("""
                {"remittances": [{"paymentReference": "P-1", "total": 36000, "claims": [{"claimNumber": "CLM-9",
                  "charged": 48000, "paid": 36000, "patientResponsibility": 10000,
                  "adjustments": [{"group": "PR", "reason": "1", "amount": 10000}, {"group": "CO", "reason": "45", "amount": 2000}]}]}]}
                """));
        PayerSplit split = document.remittances().get(0).claims().get(0).split();
        assertThat(split.patient()).isEqualByComparingTo("10000");
        assertThat(split.contractual()).isEqualByComparingTo("2000");

        assertThatThrownBy(() -> NormalisedJson.read(json.readTree("""
                {"answers": [{"claimNumber": "CLM-9", "status": "APPROVED", "patientResponsibility": 1e15}]}""")))
                .hasMessage("answers[0].patientResponsibility '1.0E15' is too large: the hub holds amounts up to 999,999,999,999.99.");
        assertThatThrownBy(() -> NormalisedJson.read(json.readTree("""
                {"remittances": [{"paymentReference": "P-1", "total": 1, "claims": [{"claimNumber": "C", "paid": 1,
                  "adjustments": [{"group": "ZZ", "amount": 1}]}]}]}""")))
                .hasMessageContaining("remittances[0].claims[0].adjustments[0].group 'ZZ' is not one of CO");
    }

    // ---- FHIR R4 as it is defined ----------------------------------------------------------------------

    @Test
    void a_claim_response_gives_copay_deductible_added_items_and_process_notes() throws Exception {
        PayerResponse document = new FhirResponses().read(fixture("/fhir/claim-response-copay-additem.json"));

        ClaimAdjudication answer = document.adjudications().get(0);
        assertThat(answer.claimNumber()).isEqualTo("CLM-FHIR-1");
        assertThat(answer.status()).isEqualTo(ClaimStatus.PARTIAL);
        assertThat(answer.patientResponsibility()).isEqualByComparingTo("1500");
        assertThat(answer.lines().get(0).approvedAmount()).isEqualByComparingTo("4500");
        assertThat(answer.lines().get(0).patientResponsibility()).isEqualByComparingTo("500");
        // The added basic panel replaces the rejected lipid panel: its benefit and deductible count on line 2.
        LineAdjudication replaced = answer.lines().get(1);
        assertThat(replaced.approvedAmount()).isEqualByComparingTo("1000");
        assertThat(replaced.patientResponsibility()).isEqualByComparingTo("1000");
        assertThat(replaced.reasons()).extracting(Reason::text).contains("Plan Limit Reached", "the payer added LAB-BASIC (1000.00) in its place");
        assertThat(answer.reasons()).extracting(Reason::text).contains("Co-payment of 10 % applies to consultations.");
        assertThat(answer.split().patient()).isEqualByComparingTo("1500");
    }

    @Test
    void a_pre_authorisation_answer_and_an_answer_naming_no_claim_are_kept_without_effect() throws Exception {
        PayerResponse document = new FhirResponses().read(fixture("/fhir/claim-response-preauthorization.json"));

        assertThat(document.adjudications()).isEmpty();
        assertThat(document.setAside()).extracting(PayerResponse.SetAside::part)
                .containsExactly("ClaimResponse PA-3301", "ClaimResponse UNSOLICITED-7");
        assertThat(document.setAside().get(0).why()).contains("preauthorization answer");
        assertThat(document.setAside().get(0).claimNumber()).isEqualTo("CLM-FHIR-1");
        assertThat(document.setAside().get(1).why()).contains("names no claim");
    }

    @Test
    void payment_reconciliation_details_are_typed_and_a_payment_naming_no_claim_stays_in_the_balance() throws Exception {
        Remittance payment = new FhirResponses().read(fixture("/fhir/payment-reconciliation-typed.json")).remittances().get(0);

        assertThat(payment.paymentReference()).isEqualTo("CHP-PAY-4401");
        // The advance (2,000) and the adjustment (-500) are the provider's, as X12 PLB: 1,500 more paid in all.
        assertThat(payment.providerAdjustments()).isEqualByComparingTo("-1500");
        assertThat(payment.claims()).extracting(RemittedClaim::claimNumber).containsExactly("CLM-FHIR-1", null);
        assertThat(payment.balances()).isTrue();
    }

    @Test
    void a_fhir_amount_the_store_cannot_hold_is_refused_naming_the_resource_by_its_id() {
        String oversized = text("/fhir/payment-reconciliation-typed.json").replace("\"value\": 5500.00", "\"value\": 5500000000000.00");
        assertThatThrownBy(() -> new FhirResponses().read(bytes(oversized)))
                .hasMessage("PaymentReconciliation PR-4401 detail 1 amount 5500000000000.00 is too large: the hub holds amounts "
                        + "up to 999,999,999,999.99.");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static RemittedLine line(String code, List<String> modifiers, LocalDate date, String charged) {
        return new RemittedLine(null, code, modifiers, date, new BigDecimal(charged), new BigDecimal(charged), 1, null, List.of());
    }

    private static PayerSettings.CsvAnswers harmonyColumns() {
        return new PayerSettings.CsvAnswers(Map.ofEntries(Map.entry("claimNumber", "CLAIM_REF"), Map.entry("status", "STATUS"),
                Map.entry("line", "LINE_NO"), Map.entry("approvedAmount", "APPROVED_AMOUNT"), Map.entry("reasonCode", "REASON_CODE"),
                Map.entry("reasonText", "REASON"), Map.entry("paymentReference", "PAYMENT_REF"),
                Map.entry("paymentDate", "PAYMENT_DATE"), Map.entry("paymentTotal", "PAYMENT_TOTAL"), Map.entry("charged", "BILLED"),
                Map.entry("paid", "PAID"), Map.entry("patientResponsibility", "PATIENT_OWES")), Map.of("PART_APPROVED", "PARTIAL"));
    }

    private static byte[] withBom(byte[] content, byte[] bom) {
        byte[] file = new byte[bom.length + content.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(content, 0, file, bom.length, content.length);
        return file;
    }

    private static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream bytes(String content) {
        return stream(content);
    }

    private static InputStream fixture(String path) {
        return PayerFileReadersTests.class.getResourceAsStream(path);
    }

    private static String text(String path) {
        try (InputStream in = fixture(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
