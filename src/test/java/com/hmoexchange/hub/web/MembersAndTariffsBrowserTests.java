package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The HMO's Members roster page and the practice's Tariffs page in a real browser: preview with refusals, then apply. */
class MembersAndTariffsBrowserTests extends BrowserTest {

    @Test
    void an_hmo_previews_a_roster_with_a_refused_row_then_applies_a_clean_one() throws Exception {
        ClientSetup setup = fixtures.client("acme-hmo");
        String n = Fixtures.unique("WEB");
        String header = "enrolleeNumber,principalNumber,relationship,firstName,lastName,dateOfBirth,plan,coverStart\n";
        String good = n + "/0,,SELF,Amaka,Nwosu,1980-02-02," + setup.plan().getCode() + ",2026-01-01\n"
                + n + "/1," + n + "/0,SPOUSE,Emeka,Nwosu,1979-03-03,,2026-01-01\n";
        Path bad = Files.createTempFile("roster-bad", ".csv");
        Files.writeString(bad, header + good + n + "/2," + n + "/0,CHILD,Ada,Nwosu,2020-13-01,,2026-01-01\n");
        Path clean = Files.createTempFile("roster", ".csv");
        Files.writeString(clean, header + good);

        browser.signIn(setup.hmoAdmin(), Fixtures.PASSWORD);
        browser.click("Members roster");
        browser.find(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.click("Preview");
        browser.waitForText(By.id("refused-count"), "1");
        assertThat(browser.text(By.id("refused-rows"))).contains("line 4", "dateOfBirth '2020-13-01' is not a date");
        browser.screenshot("hmo-roster-preview");

        browser.find(By.id("file")).sendKeys(clean.toAbsolutePath().toString());
        browser.click("Apply");
        browser.waitForText(By.tagName("h2"), "Applied");
        assertThat(browser.text(By.id("roster-counts"))).startsWith("2 added");
        assertThat(browser.text(By.id("roster-files"))).contains(clean.getFileName().toString());
        browser.screenshot("hmo-roster-applied");
        browser.signOut();
    }

    @Test
    void a_practice_previews_a_tariff_with_a_refused_row_then_saves_a_version() throws Exception {
        Fixtures.Practice practice = fixtures.practice();
        LocalDate from = LocalDate.now().minusMonths(1);
        Path bad = Files.createTempFile("tariff-bad", ".csv");
        Files.writeString(bad, "serviceCode,description,unitPrice,validFrom,validTo\nCONS-GP,GP consultation,-5," + from + ",\n");
        Path clean = Files.createTempFile("tariff", ".csv");
        Files.writeString(clean, "serviceCode,description,unitPrice,validFrom,validTo\nCONS-GP,GP consultation,5600.00," + from + ",\n"
                + "LAB-FBC,Full blood count,3000.00," + from + ",\n");

        browser.signIn(practice.owner(), Fixtures.PASSWORD);
        browser.click("Tariffs");
        browser.choose("contract", fixtures.payer("acme-hmo").getName() + " (from " + Display.dayOf(LocalDate.now().minusYears(1)) + ")");
        browser.find(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
        browser.click("Preview");
        browser.waitForText(By.id("refused-count"), "1");
        assertThat(browser.text(By.id("refused-rows"))).contains("line 2", "unitPrice -5 is negative");
        browser.screenshot("practice-tariff-preview");

        browser.find(By.id("file")).sendKeys(clean.toAbsolutePath().toString());
        browser.click("Apply");
        browser.waitForText(By.tagName("h2"), "Version 1 saved");
        assertThat(browser.text(By.id("tariff-counts"))).contains("taking effect " + Display.dayOf(from) + ":");
        assertThat(browser.text(By.id("versions"))).contains(clean.getFileName().toString(), "in force", Display.dayOf(from))
                .doesNotContain(from.toString());
        browser.screenshot("practice-tariffs");
        browser.signOut();
    }
}
