package com.hmoexchange.hub.receivables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.receivables.Figures.Party;
import com.hmoexchange.hub.receivables.Figures.Summary;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money owed on PostgreSQL, from claims made, submitted, decided and paid as a practice and a payer would (the
 * payer answers by its signed callback): ages at their boundaries, medians, first-pass acceptance, rejection
 * reasons, payments below today's tariff, tenants kept apart, and the statement as JSON, CSV and PDF.
 */
class ReceivablesTests extends PracticeApiTest {

    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");

    @Autowired
    Receivables receivables;
    @Autowired
    EnrolleeRepository enrollees;
    @Autowired
    JdbcTemplate jdbc;

    private final PayerCallbacks acme = new PayerCallbacks();

    @Test
    void an_unpaid_claim_moves_to_the_next_age_the_day_after_30_60_and_90_days() {
        JsonNode claim = submitted("CONS-GP");
        LocalDate submittedOn = LocalDate.ofInstant(Instant.parse(claim.get("submittedAt").asText()), LAGOS);

        assertThat(owedOn(submittedOn).upTo30()).isEqualByComparingTo("5000");
        assertThat(owedOn(submittedOn.plusDays(30)).upTo30()).isEqualByComparingTo("5000");
        assertThat(owedOn(submittedOn.plusDays(31)).upTo30()).isEqualByComparingTo("0");
        assertThat(owedOn(submittedOn.plusDays(31)).upTo60()).isEqualByComparingTo("5000");
        assertThat(owedOn(submittedOn.plusDays(60)).upTo60()).isEqualByComparingTo("5000");
        assertThat(owedOn(submittedOn.plusDays(61)).upTo90()).isEqualByComparingTo("5000");
        assertThat(owedOn(submittedOn.plusDays(90)).upTo90()).isEqualByComparingTo("5000");
        Figures.Aging late = owedOn(submittedOn.plusDays(91));
        assertThat(late.over90()).isEqualByComparingTo("5000");
        assertThat(late.total()).isEqualByComparingTo("5000");
    }

    @Test
    void medians_first_pass_acceptance_and_rejection_reasons_come_from_the_claims_history() {
        LocalDate today = LocalDate.now(LAGOS);
        paidOn(submitted("CONS-GP"), today.plusDays(10));
        paidOn(submitted("CONS-GP"), today.plusDays(20));
        paidOn(submitted("CONS-GP"), today.plusDays(40));
        JsonNode refused = submitted("CONS-GP");
        acme.send(port, "{\"event\":\"claim.status\",\"claim\":{\"ref\":\"" + refused.get("claimNumber").asText()
                + "\",\"state\":\"REJECTED\",\"reason\":{\"code\":\"R1\",\"message\":\"Not a covered service\"}}}");
        Api.Response copy = billing.post(claimPath(refused) + "/resubmission", "");
        assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
        submitAndAwaitDelivery(billing, copy.json());

        Party payer = acmeRow(billing.get("/api/receivables").json());
        assertThat(payer.medianDaysToPayment()).isEqualByComparingTo("20.0");
        assertThat(payer.medianDaysToDecision()).isEqualByComparingTo("0.0");
        // Four first submissions decided (three paid, one rejected); the resubmission is not a first pass.
        assertThat(payer.firstSubmissionsDecided()).isEqualTo(4);
        assertThat(payer.acceptedFirstTime()).isEqualTo(3);
        assertThat(payer.firstPassRate()).isEqualByComparingTo("0.75");
        assertThat(payer.topRejectionReasons()).extracting(Figures.ReasonCount::reason, Figures.ReasonCount::claims)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R1: Not a covered service", 1L));
        // Only the resubmission, not yet decided, is still owed.
        assertThat(payer.claimsOwed()).isEqualTo(1);
        assertThat(payer.owed().upTo30()).isEqualByComparingTo("5000");
    }

    @Test
    void a_line_paid_at_the_old_price_is_flagged_once_the_tariff_rises() {
        JsonNode claim = submitted("CONS-GP", "LAB-MP");
        paidOn(claim, LocalDate.now(LAGOS));
        assertThat(acmeRow(billing.get("/api/receivables").json()).claimsBelowTariff()).isZero();

        fixtures.tariff(practice.provider(), fixtures.payer("acme-hmo"), "CONS-GP", "GP consultation", "6500.00",
                LocalDate.now(LAGOS).minusDays(1), null);

        JsonNode summary = billing.get("/api/receivables").json();
        Party payer = acmeRow(summary);
        assertThat(payer.claimsBelowTariff()).isEqualTo(1);
        assertThat(payer.belowTariffShortfall()).isEqualByComparingTo("1500");
        assertThat(summary.get("belowTariff")).hasSize(1);
        JsonNode line = summary.at("/belowTariff/0");
        assertThat(line.get("claimNumber").asText()).isEqualTo(claim.get("claimNumber").asText());
        assertThat(line.get("serviceCode").asText()).isEqualTo("CONS-GP");
        assertThat(line.get("paid").decimalValue()).isEqualByComparingTo("5000");
        assertThat(line.get("atCurrentTariff").decimalValue()).isEqualByComparingTo("6500");
    }

    @Test
    void a_practice_sees_only_its_claims_and_an_hmo_only_its_payers() {
        JsonNode claim = submitted("CONS-GP");
        String practiceCode = practice.provider().getCode();
        Api otherPractice = as(fixtures.practice().billing());
        Api acmeAdmin = as(fixtures.hmoAdmin("acme-hmo"));
        Api harmonyAdmin = as(fixtures.hmoAdmin("harmony-care"));

        assertThat(otherPractice.get("/api/receivables").json().get("parties")).isEmpty();
        assertThat(otherPractice.get("/api/receivables/statements/acme-hmo").json().at("/totals/claims").asInt()).isZero();
        JsonNode acmeSide = acmeAdmin.get("/api/hmo/receivables").json();
        assertThat(acmeSide.get("parties").findValuesAsText("code")).contains(practiceCode);
        JsonNode fromAcme = acmeAdmin.get("/api/hmo/receivables/statements/" + practiceCode).json();
        assertThat(fromAcme.get("lines").findValuesAsText("claimNumber")).containsExactly(claim.get("claimNumber").asText());
        assertThat(harmonyAdmin.get("/api/hmo/receivables").json().get("parties").findValuesAsText("code")).doesNotContain(practiceCode);
        assertThat(harmonyAdmin.get("/api/hmo/receivables/statements/" + practiceCode).json().at("/totals/claims").asInt()).isZero();

        assertThat(billing.get("/api/hmo/receivables").status()).isEqualTo(403);
        assertThat(acmeAdmin.get("/api/receivables").status()).isEqualTo(403);
        assertThat(billing.get("/api/receivables/statements/no-such-payer").status()).isEqualTo(404);
        Api.Response backwards = billing.get("/api/receivables/statements/acme-hmo?from=2026-02-01&to=2026-01-01");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().get("detail").asText()).contains("starts (2026-02-01) after it ends (2026-01-01)");
    }

    @Test
    void the_statement_csv_lists_each_claim_with_totals_defuses_formulas_and_is_audited() throws Exception {
        Enrollee formula = enrollees.save(Enrollee.principal("=" + Fixtures.unique("SUM"), fixtures.payer("acme-hmo").getId(),
                "Ada", "Obi", LocalDate.of(1985, 3, 1), LocalDate.now().minusYears(1), null, null));
        JsonNode first = submitted(formula, "CONS-GP");
        JsonNode second = submitted("CONS-GP", "LAB-MP");
        paidOn(second, LocalDate.now(LAGOS));

        Api.Response csv = billing.get("/api/receivables/statements/acme-hmo.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("statement-acme-hmo-" + practice.provider().getCode());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.text())).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("claim number")).isEqualTo(first.get("claimNumber").asText());
        assertThat(rows.get(0).get("patient (enrollee number)")).isEqualTo("'" + formula.getEnrolleeNumber());
        assertThat(rows.get(0).get("billed (NGN)")).isEqualTo("5000.00");
        assertThat(rows.get(0).get("outstanding (NGN)")).isEqualTo("5000.00");
        assertThat(rows.get(0).get("age (days)")).isEqualTo("0");
        assertThat(rows.get(0).get("status")).isEqualTo("Received by the payer, not paid");
        assertThat(rows.get(1).get("paid (NGN)")).isEqualTo("7000.00");
        assertThat(rows.get(1).get("status")).isEqualTo("Approved, paid");
        assertThat(rows.get(2).get("claim number")).isEqualTo("Total (2 claims)");
        assertThat(rows.get(2).get("billed (NGN)")).isEqualTo("12000.00");
        assertThat(rows.get(2).get("paid (NGN)")).isEqualTo("7000.00");
        assertThat(rows.get(2).get("outstanding (NGN)")).isEqualTo("5000.00");

        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'STATEMENT_DOWNLOADED' and object_id = ?"
                + " and actor = ? and detail like 'csv,%'", Long.class, practice.provider().getCode() + "/acme-hmo", practice.billing()))
                .isEqualTo(1);
    }

    @Test
    void the_statement_pdf_names_practice_payer_period_and_date_and_its_totals_read_back() throws Exception {
        JsonNode unpaid = submitted("CONS-GP");
        JsonNode paid = submitted("CONS-GP", "DRUG-ACT");
        paidOn(paid, LocalDate.now(LAGOS));
        LocalDate today = LocalDate.now(LAGOS);

        Api.Response pdf = billing.get("/api/receivables/statements/acme-hmo.pdf?from=" + today.minusDays(7));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        String text = textOf(pdf.body());
        assertThat(text).contains("Statement of account", "Practice: " + practice.provider().getName(),
                "Payer: " + fixtures.payer("acme-hmo").getName(), "Claims submitted " + Presentation.date(today.minusDays(7))
                        + " to " + Presentation.date(today), "Generated " + Presentation.date(today),
                unpaid.get("claimNumber").asText(), paid.get("claimNumber").asText());
        assertThat(text).contains("Total 2 claims ₦14,500.00", "₦9,500.00", "Outstanding: ₦5,000.00");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'STATEMENT_DOWNLOADED' and object_id = ?"
                + " and detail like 'pdf,%'", Long.class, practice.provider().getCode() + "/acme-hmo")).isEqualTo(1);
    }

    static String textOf(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private Figures.Aging owedOn(LocalDate day) {
        Instant noon = day.atTime(12, 0).atZone(LAGOS).toInstant();
        Summary summary = receivables.summary(Side.PRACTICE, practice.provider().getId(), noon);
        return summary.parties().stream().filter(p -> p.code().equals("acme-hmo")).findFirst().orElseThrow().owed();
    }

    private JsonNode submitted(String... codes) {
        return submitted(patient, codes);
    }

    private JsonNode submitted(Enrollee who, String... codes) {
        return submitAndAwaitDelivery(billing, draft(billing, visit(billing, who, codes)));
    }

    /** The payer pays the claim in full, dating its payment as given. */
    private void paidOn(JsonNode claim, LocalDate date) {
        String number = claim.get("claimNumber").asText();
        String billed = claim.at("/balance/billed").decimalValue().toPlainString();
        String reference = Fixtures.unique("ACME-TRF");
        acme.send(port, "{\"event\":\"payment\",\"payment\":{\"id\":\"" + reference + "\",\"date\":\"" + date + "\",\"amount\":"
                + billed + ",\"claims\":[{\"ref\":\"" + number + "\",\"billed\":" + billed + ",\"paid\":" + billed + ",\"status\":\"PAID\"}]}}");
    }

    private static Party acmeRow(JsonNode summary) {
        for (JsonNode p : summary.get("parties")) {
            if (p.get("code").asText().equals("acme-hmo")) {
                return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().convertValue(p, Party.class);
            }
        }
        throw new AssertionError("no acme-hmo row in " + summary);
    }
}
