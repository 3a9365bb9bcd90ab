package com.hmoexchange.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operators' message search over the API on PostgreSQL, against messages of several months (several
 * partitions): each business key finds its messages and only them, text is found inside payloads whatever its
 * case, results come newest first and page without counting, and a search it cannot serve is refused with
 * problem details saying what to change.
 */
class MessageSearchTests extends ApiTest {

    private final Map<String, Integer> attempts = new HashMap<>();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageStoreRetention store;
    @Autowired
    Clock clock;

    Api operator;
    Instant now;

    @BeforeEach
    void operatorAndMonths() {
        String name = fixtures.operator();
        operator = as(name);
        now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        store.prepareMonths(current.minusMonths(6), current);
    }

    @Test
    void each_business_key_finds_its_messages_and_no_other() {
        String key = Fixtures.unique("K");
        long target = message(key, now.minus(Duration.ofDays(40)), "payload");
        message(Fixtures.unique("K"), now.minus(Duration.ofDays(40)), "payload");

        for (String filter : List.of("claimNumber=CLM-" + key, "providerReference=PRV-" + key, "payerReference=PAY-" + key,
                "paymentReference=PMT-" + key, "enrolleeNumber=" + enc("ACM/" + key + "/0"))) {
            JsonNode found = search(filter);
            assertThat(found.get("items")).as(filter).hasSize(1);
            JsonNode message = found.get("items").get(0);
            assertThat(message.get("id").asLong()).as(filter).isEqualTo(target);
            assertThat(message.get("claimNumber").asText()).isEqualTo("CLM-" + key);
            assertThat(message.get("paymentReference").asText()).isEqualTo("PMT-" + key);
            assertThat(message.get("enrolleeNumber").asText()).isEqualTo("ACM/" + key + "/0");
            assertThat(found.get("hasMore").asBoolean()).isFalse();
        }
        assertThat(search("claimNumber=CLM-" + key + "&outcome=FAILED").get("items")).isEmpty();
        assertThat(search("claimNumber=CLM-" + key + "&payer=acme-hmo&outcome=DELIVERED").get("items")).hasSize(1);
    }

    @Test
    void text_is_found_inside_payloads_whatever_its_case_and_wildcards_are_plain_characters() {
        String word = Fixtures.unique("Okafor").replace("-", "");
        long named = message(Fixtures.unique("T"), now.minus(Duration.ofDays(3)), "NM1*IL*1*" + word.toUpperCase() + "*CHIDI~");
        long percent = message(Fixtures.unique("T"), now.minus(Duration.ofDays(70)), "NOTE*" + word + " 100%_PAID~");
        message(Fixtures.unique("T"), now.minus(Duration.ofDays(70)), "NOTE*" + word + " 100xxPAID~");

        assertThat(ids(search("text=" + enc(word.toLowerCase() + "*chidi")))).containsExactly(named);
        assertThat(ids(search("text=" + enc(word)))).hasSize(3);
        assertThat(ids(search("text=" + enc(word + " 100%_")))).containsExactly(percent);
        assertThat(ids(search("text=" + enc(word + "-none")))).isEmpty();
    }

    @Test
    void messages_come_newest_first_across_months_page_by_page() {
        String key = Fixtures.unique("P");
        List<Long> newestFirst = new ArrayList<>();
        for (int daysAgo : new int[] {1, 20, 45, 80, 130}) {
            newestFirst.add(message(key, now.minus(Duration.ofDays(daysAgo)), "payload"));
        }
        String member = "enrolleeNumber=" + enc("ACM/" + key + "/0");

        JsonNode first = search(member + "&size=2");
        JsonNode second = search(member + "&size=2&page=1");
        JsonNode third = search(member + "&size=2&page=2");

        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(second.get("hasMore").asBoolean()).isTrue();
        assertThat(ids(third)).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(third.get("hasMore").asBoolean()).isFalse();
        assertThat(ids(search(member + "&text=payload"))).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void a_text_search_goes_month_by_month_yet_keeps_time_order_with_messages_waiting_in_the_default_partition() {
        String key = Fixtures.unique("D");
        long old = message(key, now.minus(Duration.ofDays(100)), "payload " + key);
        long recent = message(key, now.minus(Duration.ofDays(1)), "payload " + key);
        // No partition is made that far ahead (one left by an earlier run is dropped): the message waits in the default one.
        Instant farAhead = now.plus(Duration.ofDays(1000));
        YearMonth aheadMonth = YearMonth.from(farAhead.atZone(ZoneOffset.UTC));
        jdbc.execute(String.format("drop table if exists message_record_y%04dm%02d", aheadMonth.getYear(), aheadMonth.getMonthValue()));
        long ahead = message(key, farAhead, "payload " + key);
        assertThat(jdbc.queryForObject("select tableoid::regclass::text from message_record where id = ?", String.class, ahead))
                .isEqualTo("message_record_default");

        assertThat(ids(search("text=" + key + "&size=2"))).containsExactly(ahead, recent);
        assertThat(ids(search("text=" + key + "&size=2&page=1"))).containsExactly(old);
        assertThat(search("text=" + key + "&size=2&page=1").get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void a_search_too_wide_to_serve_is_refused_with_what_to_change() {
        Api.Response tooShort = operator.get("/api/messages?text=ab");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooShort.json().at("/errors/0/field").asText()).isEqualTo("text");
        assertThat(tooShort.json().get("detail").asText()).contains("at least 3 characters");

        Api.Response tooDeep = operator.get("/api/messages?payer=acme-hmo&size=50&page=200");
        assertThat(tooDeep.status()).isEqualTo(422);
        assertThat(tooDeep.json().at("/errors/0/field").asText()).isEqualTo("page");
        assertThat(tooDeep.json().get("detail").asText()).contains("newest 10000 messages").doesNotContain("Exception");
        assertThat(operator.get("/api/messages?payer=acme-hmo&size=50&page=199").status()).isEqualTo(200);
    }

    /** One more attempt of the claim named by {@code key}: (idempotency key, attempt) is unique in the store. */
    private long message(String key, Instant started, String payload) {
        int attempt = attempts.merge(key, 1, Integer::sum);
        return jdbc.queryForObject("""
                insert into message_record (direction, channel, payer_code, claim_number, provider_reference, payer_reference,
                    payment_reference, enrollee_number, idempotency_key, attempt, outcome, payload, started_at, finished_at, duration_ms)
                values ('OUT', 'http', 'acme-hmo', ?, ?, ?, ?, ?, ?, ?, 'DELIVERED', ?, ?, ?, 20) returning id""", Long.class,
                "CLM-" + key, "PRV-" + key, "PAY-" + key, "PMT-" + key, "ACM/" + key + "/0", key + "-1", attempt, payload,
                Timestamp.from(started), Timestamp.from(started.plusMillis(20)));
    }

    private JsonNode search(String query) {
        Api.Response found = operator.get("/api/messages?" + query);
        assertThat(found.status()).as(query + ": " + found).isEqualTo(200);
        return found.json();
    }

    private static List<Long> ids(JsonNode found) {
        List<Long> ids = new ArrayList<>();
        found.get("items").forEach(m -> ids.add(m.get("id").asLong()));
        return ids;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
