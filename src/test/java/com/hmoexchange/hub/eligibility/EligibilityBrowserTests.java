package com.hmoexchange.hub.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.BenefitLimit;
import com.hmoexchange.hub.enrollees.BenefitPlans;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.web.Display;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** "Check cover" in headless Chromium: from a visit on New claim, and the form's own refusals, without JavaScript needed. */
class EligibilityBrowserTests extends BrowserTest {

    @Autowired
    BenefitPlans plans;

    @Test
    void check_cover_on_new_claim_answers_in_words_and_leads_back() {
        Practice practice = fixtures.practice();
        Enrollee member = fixtures.enrollee("harmony-care");
        JsonNode visit = visit(as(practice.billing()), member, "CONS-GP", "DRUG-ACT");
        browser.signIn(practice.billing(), Fixtures.PASSWORD);

        browser.open("/billing/claims/new?patient=" + member.getEnrolleeNumber());
        browser.find(By.id("check-cover-" + visit.get("id").asLong())).click();
        browser.waitForUrl("/billing/eligibility/");

        assertThat(browser.text(By.id("eligibility-summary")))
                .isEqualTo("Covered on " + Display.dayOf(LocalDate.now().minusDays(1)) + ".");
        assertThat(browser.text(By.id("eligibility-services"))).contains("CONS-GP: no PA code needed")
                .contains("DRUG-ACT: no PA code needed; the member pays 10 %");
        assertThat(browser.text(By.id("eligibility-checks"))).contains(member.getEnrolleeNumber());
        browser.find(By.id("back")).click();
        browser.waitForUrl("/billing/claims/new");
    }

    @Test
    void the_form_names_what_is_wrong_next_to_the_field_and_an_ended_cover_is_an_answer() {
        Practice practice = fixtures.practice();
        LocalDate today = LocalDate.now(EligibilityChecks.LAGOS);
        Enrollee ended = fixtures.enrollee("harmony-care", today.minusYears(1), today.minusDays(3));
        browser.signIn(practice.billing(), Fixtures.PASSWORD);

        browser.open("/billing/eligibility");
        browser.type("enrolleeNumber", "NOBODY-1");
        browser.find(By.id("check-cover-button")).click();
        assertThat(browser.text(By.cssSelector("#check-cover .field-error"))).contains("No member has enrollee number 'NOBODY-1'");

        browser.type("enrolleeNumber", ended.getEnrolleeNumber());
        browser.find(By.id("check-cover-button")).click();
        browser.waitForUrl("/billing/eligibility/");
        assertThat(browser.text(By.id("eligibility-summary"))).isEqualTo("Not covered on " + Display.dayOf(today) + ": cover ended on "
                + Display.dayOf(today.minusDays(3)) + ".");
    }

    @Test
    void a_roster_answer_shows_the_plans_limits_with_used_and_left_as_a_payers_benefits_are_shown() {
        ClientSetup setup = fixtures.client("harmony-care");
        plans.revise(setup.plan().getPayerId(), setup.plan().getId(), setup.plan().getName(), setup.plan().dependentsPolicy(),
                List.of(new BenefitLimit("Drugs", "DRUG-", new BigDecimal("100000.00"))));
        Practice practice = fixtures.practice();
        browser.signIn(practice.billing(), Fixtures.PASSWORD);

        browser.open("/billing/eligibility");
        browser.type("enrolleeNumber", setup.principal().getEnrolleeNumber());
        browser.find(By.id("check-cover-button")).click();
        browser.waitForUrl("/billing/eligibility/");

        assertThat(browser.text(By.id("benefits"))).contains("Drugs (DRUG-)").contains("100,000.00");
        assertThat(browser.text(By.id("eligibility-payer-notes"))).contains("Limits are per plan year");
    }
}
