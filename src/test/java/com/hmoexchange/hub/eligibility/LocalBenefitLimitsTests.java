package com.hmoexchange.hub.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A plan's annual limits, set by the HMO through {@code /api/hmo/plans}, in the answer of a {@code local} eligibility
 * check (Harmony answers from the roster): allowed, what the member's approved claim lines in the plan year used, and
 * what is left; bad limits refused naming the field, nothing changed.
 */
class LocalBenefitLimitsTests extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> limit(String label, String prefix, Object amount) {
        Map<String, Object> limit = new HashMap<>();
        limit.put("label", label);
        limit.put("servicePrefix", prefix);
        limit.put("amount", amount);
        return limit;
    }

    private static Map<String, Object> planChange(List<Map<String, Object>> limits) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Staff plan", "maxSpouses", 1, "maxChildren", 2, "childMaxAge", 18));
        body.put("limits", limits);
        return body;
    }

    /** A decided claim of the member written straight into the tables (set-up): lines of {code, billed, approved}. */
    private void claim(Practice practice, Enrollee member, String status, LocalDate day, Object[]... lines) {
        long provider = practice.provider().getId();
        Long visit = jdbc.queryForObject("insert into visit (provider_id, enrollee_id, encounter_date, created_at, created_by) "
                + "values (?, ?, ?, now(), 'test') returning id", Long.class, provider, member.getId(), day);
        String number = Fixtures.unique("LIM");
        Long claim = jdbc.queryForObject("insert into claim (claim_number, provider_id, payer_id, enrollee_id, visit_id, "
                + "provider_reference, status, payment_status, currency, created_by, created_at, submitted_at, last_activity_at, "
                + "delivery_status) values (?, ?, ?, ?, ?, ?, ?, 'UNPAID', 'NGN', 'test', now(), now(), now(), 'DELIVERED') returning id",
                Long.class, number, provider, member.getPayerId(), member.getId(), visit, number, status);
        for (int i = 0; i < lines.length; i++) {
            Object[] line = lines[i];
            Long service = jdbc.queryForObject("insert into visit_service (visit_id, position, service_code, description, quantity, "
                    + "service_date) values (?, ?, ?, 'service', 1, ?) returning id", Long.class, visit, i + 1, line[0], day);
            jdbc.update("insert into claim_line (claim_id, position, visit_service_id, service_code, description, quantity, "
                    + "service_date, tariff_price, unit_price, approved_quantity, approved_amount) values (?, ?, ?, ?, 'service', 1, ?, ?, ?, ?, ?)",
                    claim, i + 1, service, line[0], day, new BigDecimal((String) line[1]), new BigDecimal((String) line[1]),
                    line[2] == null ? null : 1, line[2] == null ? null : new BigDecimal((String) line[2]));
        }
    }

    private static JsonNode check(Api api, Enrollee member, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("enrolleeNumber", member.getEnrolleeNumber());
        body.put("date", date.toString());
        Api.Response response = api.post("/api/eligibility/checks", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode benefit(JsonNode check, String name) {
        for (JsonNode benefit : check.get("benefits")) {
            if (benefit.get("name").asText().equals(name)) {
                return benefit;
            }
        }
        throw new AssertionError("no benefit " + name + " in " + check);
    }

    @Test
    void the_local_answer_gives_each_limit_with_what_approved_lines_of_the_plan_year_used_and_what_is_left() {
        ClientSetup setup = fixtures.client("harmony-care");
        Api hmo = as(setup.hmoAdmin());
        Api.Response revised = hmo.put("/api/hmo/plans/" + setup.plan().getId(), planChange(List.of(
                limit("Drugs", "drug-", "100000.00"), limit("Laboratory", "LAB-", 50000), limit(null, "SURG-", "250000"))));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("limits").findValuesAsText("servicePrefix")).containsExactly("DRUG-", "LAB-", "SURG-");
        assertThat(revised.json().at("/limits/2/label").asText()).isEqualTo("SURG-");

        Practice practice = fixtures.practice();
        Enrollee member = setup.principal();
        LocalDate today = LocalDate.now(EligibilityChecks.LAGOS);
        LocalDate lastYear = today.withDayOfYear(1).minusDays(1);
        claim(practice, member, "APPROVED", today, new Object[] {"DRUG-ACT", "4500.00", "4000.00"},
                new Object[] {"LAB-MP", "2000.00", "2000.00"}, new Object[] {"CONS-GP", "5000.00", "5000.00"});
        // Part approved: the rejected drug line (approved at nothing) must not count at its billed 4,500.
        claim(practice, member, "PARTIAL", today, new Object[] {"DRUG-ACT", "4500.00", "0.00"},
                new Object[] {"DRUG-AMOX", "3000.00", "3000.00"});
        claim(practice, member, "REJECTED", today, new Object[] {"DRUG-ACT", "4500.00", "0.00"});
        claim(practice, member, "SUBMITTED", today, new Object[] {"DRUG-ACT", "4500.00", null});
        claim(practice, member, "APPROVED", lastYear, new Object[] {"DRUG-ACT", "9000.00", "9000.00"});

        JsonNode check = check(as(practice.billing()), member, today);

        assertThat(check.get("source").asText()).isEqualTo("local");
        assertThat(check.get("plan").asText()).isEqualTo("Staff plan");
        assertThat(check.get("benefits").findValuesAsText("name")).containsExactly("Drugs (DRUG-)", "Laboratory (LAB-)", "SURG- (SURG-)");
        JsonNode drugs = benefit(check, "Drugs (DRUG-)");
        assertThat(drugs.get("allowed").decimalValue()).isEqualByComparingTo("100000");
        assertThat(drugs.get("used").decimalValue()).isEqualByComparingTo("7000");
        assertThat(drugs.get("remaining").decimalValue()).isEqualByComparingTo("93000");
        assertThat(drugs.get("currency").asText()).isEqualTo("NGN");
        JsonNode lab = benefit(check, "Laboratory (LAB-)");
        assertThat(lab.get("used").decimalValue()).isEqualByComparingTo("2000");
        assertThat(lab.get("remaining").decimalValue()).isEqualByComparingTo("48000");
        assertThat(benefit(check, "SURG- (SURG-)").get("used").decimalValue()).isEqualByComparingTo("0");
        assertThat(check.get("payerNotes").get(0).asText()).isEqualTo("Limits are per plan year, 1 Jan " + today.getYear()
                + " to 31 Dec " + today.getYear() + "; used is what the HMO approved on the member's claims "
                + "for services in it.");

        // A check on a day of last year counts last year's claims instead.
        JsonNode before = check(as(practice.billing()), member, lastYear);
        assertThat(benefit(before, "Drugs (DRUG-)").get("used").decimalValue()).isEqualByComparingTo("9000");

        // The HMO sees the limits on its plan; a change without limits keeps them.
        Map<String, Object> rename = planChange(null);
        rename.remove("limits");
        assertThat(hmo.put("/api/hmo/plans/" + setup.plan().getId(), rename).json().get("limits")).hasSize(3);
    }

    @Test
    void a_plan_year_is_the_cover_period_when_it_ends_within_a_year() {
        ClientSetup setup = fixtures.client("harmony-care");
        assertThat(as(setup.hmoAdmin()).put("/api/hmo/plans/" + setup.plan().getId(),
                planChange(List.of(limit("Drugs", "DRUG-", "20000")))).status()).isEqualTo(200);
        LocalDate today = LocalDate.now(EligibilityChecks.LAGOS);
        jdbc.update("update enrollee set cover_start = ?, cover_end = ? where id = ?", today.minusMonths(2),
                today.minusMonths(2).plusYears(1).minusDays(1), setup.principal().getId());
        Practice practice = fixtures.practice();
        claim(practice, setup.principal(), "APPROVED", today.minusMonths(1), new Object[] {"DRUG-ACT", "4500.00", "4500.00"});
        claim(practice, setup.principal(), "APPROVED", today.minusMonths(3), new Object[] {"DRUG-ACT", "9000.00", "9000.00"});

        JsonNode drugs = benefit(check(as(practice.billing()), setup.principal(), today), "Drugs (DRUG-)");

        assertThat(drugs.get("used").decimalValue()).isEqualByComparingTo("4500");
        assertThat(drugs.get("remaining").decimalValue()).isEqualByComparingTo("15500");
    }

    @Test
    void bad_limits_are_refused_naming_the_field_and_nothing_is_changed() {
        ClientSetup setup = fixtures.client("harmony-care");
        Api hmo = as(setup.hmoAdmin());
        String plan = "/api/hmo/plans/" + setup.plan().getId();
        assertThat(hmo.put(plan, planChange(List.of(limit("Drugs", "DRUG-", "50000")))).status()).isEqualTo(200);

        assertRefused(hmo.put(plan, planChange(List.of(limit("Drugs", " ", "100")))), 400, "limits[0].servicePrefix");
        assertRefused(hmo.put(plan, planChange(List.of(limit("Drugs", "DRUG-", null)))), 400, "limits[0].amount");
        assertRefused(hmo.put(plan, planChange(List.of(limit("Drugs", "DRUG-", "0")))), 400, "limits[0].amount");
        assertRefused(hmo.put(plan, planChange(List.of(limit("Drugs", "DRUG-", "-5")))), 400, "limits[0].amount");
        assertRefused(hmo.put(plan, planChange(List.of(limit("Drugs", "DRUG-", "10"), limit("More drugs", "drug-", "20")))),
                422, "limits[1].servicePrefix");
        assertRefused(hmo.put(plan, planChange(List.of(limit("Drugs", "DR UG", "10")))), 422, "limits[0].servicePrefix");

        JsonNode plans = hmo.get("/api/hmo/plans").json();
        for (JsonNode p : plans) {
            if (p.get("id").asLong() == setup.plan().getId()) {
                assertThat(p.get("limits")).hasSize(1);
                assertThat(p.at("/limits/0/amount").decimalValue()).isEqualByComparingTo("50000");
            }
        }

        String code = Fixtures.unique("LIMITED");
        Map<String, Object> newPlan = new HashMap<>(Map.of("code", code, "name", "Limited", "maxSpouses", 1, "maxChildren", 2,
                "childMaxAge", 18));
        newPlan.put("limits", List.of(limit("Drugs", "DRUG-", "10"), limit("Drugs again", "DRUG-", "20")));
        assertRefused(hmo.post("/api/hmo/plans", newPlan), 422, "limits[1].servicePrefix");
        assertThat(hmo.get("/api/hmo/plans").json().findValuesAsText("code")).doesNotContain(code);
    }

    private static void assertRefused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().at("/errors/0/field").asText()).as(response.toString()).isEqualTo(field);
        assertThat(response.json().at("/errors/0/message").asText()).isNotBlank();
    }
}
