package com.hmoexchange.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The operators' messages page in Chromium: a member's messages page by page, a text search, and a refused search. */
class MessagePagesTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void an_operator_pages_through_a_members_messages_and_finds_one_by_text() {
        String key = Fixtures.unique("PG");
        String member = "ACM/" + key + "/0";
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < MessagePages.PAGE_SIZE + 1; i++) {
            Instant started = now.minus(Duration.ofHours(i));
            rows.add(new Object[] {"CLM-" + key + "-" + i, member, "NM1*IL*1*" + key + "*N" + i + "~",
                    Timestamp.from(started), Timestamp.from(started)});
        }
        jdbc.batchUpdate("insert into message_record (direction, channel, payer_code, claim_number, enrollee_number, attempt, "
                + "outcome, payload, started_at, finished_at) values ('OUT', 'http', 'acme-hmo', ?, ?, 1, 'DELIVERED', ?, ?, ?)", rows);
        String operator = Fixtures.unique("ops");
        users.save(AppUser.operator(operator, encoder.encode(Fixtures.PASSWORD)));

        browser.signIn(operator, Fixtures.PASSWORD);
        browser.type("enrolleeNumber", member);
        browser.click("Search");
        browser.waitForUrl("enrolleeNumber=");
        assertThat(browser.all(By.cssSelector("#messages tbody tr"))).hasSize(MessagePages.PAGE_SIZE);
        assertThat(browser.text(By.cssSelector("#messages tbody tr"))).contains("CLM-" + key + "-0");
        assertThat(browser.text(By.cssSelector("#messages caption"))).contains("older ones follow");
        browser.click("Older");
        browser.waitForUrl("page=1");
        assertThat(browser.all(By.cssSelector("#messages tbody tr"))).hasSize(1);
        assertThat(browser.text(By.id("messages"))).contains("CLM-" + key + "-" + MessagePages.PAGE_SIZE);

        browser.open("/operator/messages");
        browser.type("text", key.toLowerCase() + "*n7~");
        browser.click("Search");
        // The form's results, not the page of all messages before it.
        browser.waitForUrl("text=");
        assertThat(browser.all(By.cssSelector("#messages tbody tr"))).hasSize(1);
        assertThat(browser.text(By.id("messages"))).contains("CLM-" + key + "-7");

        browser.open("/operator/messages?text=ab");
        assertThat(browser.mainText()).contains("at least 3 characters").contains("No messages match.");
    }
}
