package com.hmoexchange.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operators' message search over {@code bench.messages} messages (default 1,000,000) on PostgreSQL, through
 * MessageSearch (in the hub's process: the query and its mapping) and GET /api/messages (over HTTP with Basic
 * sign-in, as operators' tools call it). The store is filled in the database itself (generate_series, not through the hub), spread
 * over the last 12 months (one partition each), every message with an X12-like payload of about 2-4 KB, its
 * indexes dropped during the fill and built again after it (the fill and the index build are timed: the baseline).
 * A store already holding that many messages is kept ({@code -Dbench.refill=true} fills it again). Then, one client
 * thread, {@code bench.queries} queries of each kind (after as many not timed): each business key, text inside
 * payloads (rare: a claim number; a member's name, some hundreds of matches; common: a segment every payload has),
 * and page 200 (offset 9,950) of a payer and of a text search. Not part of the test suite: see docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=${HUB_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/hub_bench_messages}")
class MessageSearchBenchmark extends ApiTest {

    static final int MESSAGES = Integer.getInteger("bench.messages", 1_000_000);
    static final int QUERIES = Integer.getInteger("bench.queries", 200);
    static final boolean REFILL = Boolean.getBoolean("bench.refill");
    static final int MONTHS = 12;
    static final int PAYERS = 4;
    static final int MEMBERS = 50_000;
    static final int CLAIMS_PER_PAYMENT = 20;
    static final String[] FIRST = {"CHIDI", "AMAKA", "TUNDE", "NGOZI", "EMEKA", "BOLA", "FUNMI", "IFEOMA", "SEGUN", "HAUWA"};
    static final String[] LAST = {"OKAFOR", "ADEYEMI", "BELLO", "NWOSU", "OGUNDIPE", "ABUBAKAR", "EZE", "LAWAL", "OKONKWO",
            "ADEBAYO", "IBRAHIM", "OKORO", "BALOGUN", "UCHE", "DANJUMA", "OSAGIE", "EKWUEME", "FASHOLA", "YUSUF", "AKINDELE"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageStoreRetention store;
    @Autowired
    MessageSearch search;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void searches_by_each_key_and_by_text_among_a_million_messages() throws Exception {
        Instant now = Instant.now();
        long present = jdbc.queryForObject("select count(*) from message_record", Long.class);
        if (REFILL || present != MESSAGES) {
            fill(now);
        } else {
            System.out.printf("%nmessage store already holds %,d messages: kept (-Dbench.refill=true fills it again)%n", present);
        }
        Map<String, Object> sizes = jdbc.queryForMap("select pg_size_pretty(sum(pg_total_relation_size(c.oid))) as total, "
                + "pg_size_pretty(sum(pg_indexes_size(c.oid))) as indexes, count(*) as partitions from pg_inherits i "
                + "join pg_class c on c.oid = i.inhrelid where i.inhparent = 'message_record'::regclass");
        System.out.printf("store: %s in %s partitions (indexes %s)%n", sizes.get("total"), sizes.get("partitions"), sizes.get("indexes"));

        String operatorName = Fixtures.unique("bench-ops");
        users.save(AppUser.operator(operatorName, encoder.encode(Fixtures.PASSWORD)));
        Api operator = as(operatorName);
        Random random = new Random(17);
        int claims = MESSAGES / 2;

        int members = Math.min(MEMBERS, claims);
        System.out.printf("one client thread, %d queries of each kind after %d not timed; page size 50:%n", QUERIES, QUERIES);
        System.out.printf("  %-14s %-31s %s%n", "", "MessageSearch (in the hub)", "GET /api/messages (HTTP, Basic)");
        time(operator, "claimNumber", () -> "claimNumber=" + claim(random.nextInt(claims)));
        time(operator, "providerRef", () -> "providerReference=" + providerReference(random.nextInt(claims)));
        time(operator, "payerRef", () -> "payerReference=" + payerReference(random.nextInt(claims)));
        time(operator, "paymentRef", () -> "paymentReference=" + paymentReference(random.nextInt(claims) / CLAIMS_PER_PAYMENT));
        time(operator, "enrolleeNumber", () -> "enrolleeNumber=" + enrollee(random.nextInt(members)));
        time(operator, "text rare", () -> "text=" + claim(random.nextInt(claims)));
        time(operator, "text name", () -> "text=" + LAST[random.nextInt(LAST.length)] + "*" + FIRST[random.nextInt(FIRST.length)]);
        time(operator, "text common", () -> "text=" + "SV1*HC:");
        time(operator, "payer page200", () -> "payer=payer-" + random.nextInt(PAYERS) + "&page=199");
        time(operator, "text page200", () -> "text=" + LAST[random.nextInt(LAST.length)] + "&page=199");
    }

    /** Times each query in the hub's process and over HTTP, after one round of each not timed. */
    private void time(Api operator, String kind, Supplier<String> queries) {
        long[] inHub = new long[QUERIES];
        long[] overHttp = new long[QUERIES];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < QUERIES; i++) {
                String query = queries.get();
                Map<String, String> params = new HashMap<>();
                for (String pair : query.split("&")) {
                    params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
                MessageSearch.Keys keys = new MessageSearch.Keys(params.get("claimNumber"), params.get("providerReference"),
                        params.get("payerReference"), params.get("paymentReference"), params.get("enrolleeNumber"),
                        params.get("payer"), null, params.get("text"));
                int page = Integer.parseInt(params.getOrDefault("page", "0"));
                long t0 = System.nanoTime();
                MessageSearch.Found found = search.search(keys, page, 50);
                inHub[i] = (System.nanoTime() - t0) / 1000;
                assertThat(found.items()).as(query).isNotEmpty();

                String path = "/api/messages?size=50&" + encode(query);
                t0 = System.nanoTime();
                Api.Response answer = operator.get(path);
                overHttp[i] = (System.nanoTime() - t0) / 1000;
                assertThat(answer.status()).as(path + " " + answer).isEqualTo(200);
                assertThat(answer.json().get("items").size()).as(path).isEqualTo(found.items().size());
            }
        }
        System.out.printf("  %-14s %-31s %s%n", kind, percentiles(inHub), percentiles(overHttp));
    }

    private static String percentiles(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        return String.format("p50 %7.1f ms  p99 %7.1f ms", sorted[sorted.length / 2] / 1000.0,
                sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1000.0);
    }

    private void fill(Instant now) {
        YearMonth last = YearMonth.from(now.atZone(ZoneOffset.UTC));
        store.prepareMonths(last.minusMonths(MONTHS - 1), last.plusMonths(1));
        List<Map<String, Object>> indexes = jdbc.queryForList("select indexname, indexdef from pg_indexes "
                + "where tablename = 'message_record' and indexname <> 'message_record_pkey'");
        jdbc.execute("truncate message_record");
        indexes.forEach(index -> jdbc.execute("drop index " + index.get("indexname")));
        // One message every `step` seconds, back from now over the last 12 months (within the partitions made above).
        long spanSeconds = now.getEpochSecond() - last.minusMonths(MONTHS - 1).atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        double step = (double) spanSeconds / MESSAGES;
        long started = System.nanoTime();
        int chunk = 100_000;
        for (int from = 0; from < MESSAGES; from += chunk) {
            jdbc.update(FILL, java.sql.Timestamp.from(now), step, from, Math.min(from + chunk, MESSAGES) - 1);
        }
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        long indexed = System.nanoTime();
        // pg_indexes gives a partitioned index as made ON ONLY the parent; made again on the parent, it covers every month.
        indexes.forEach(index -> jdbc.execute("set maintenance_work_mem = '256MB'; "
                + ((String) index.get("indexdef")).replace(" ON ONLY ", " ON ")));
        double indexSeconds = (System.nanoTime() - indexed) / 1e9;
        long analysed = System.nanoTime();
        jdbc.execute("vacuum analyze message_record");
        System.out.printf("%nfill: %,d messages in %.1f s (%.0f messages/s); indexes built again in %.1f s; vacuum analyze %.1f s%n",
                MESSAGES, fillSeconds, MESSAGES / fillSeconds, indexSeconds, (System.nanoTime() - analysed) / 1e9);
    }

    // Message i: claim i/2 (two attempts each: FAILED, then DELIVERED, newest first), payer i%4, member (i/2)%50,000, payment of
    // 20 claims; an 837-like payload with the claim's numbers and the member's name, 10 to 30 service lines.
    private static final String FILL = """
            insert into message_record (direction, channel, payer_code, claim_number, provider_reference, payer_reference,
                payment_reference, enrollee_number, idempotency_key, attempt, outcome, error, target, payload,
                started_at, finished_at, duration_ms)
            select 'OUT', case when c % 2 = 0 then 'http' else 'sftp' end, 'payer-' || (c % 4),
                'CLM-' || lpad(c::text, 8, '0'), 'PRV-' || lpad((c::bigint * 7919 % 1000003)::text, 7, '0'),
                case when attempt = 2 then 'PAY-' || lpad(c::text, 8, '0') end,
                case when attempt = 2 then 'PMT-' || lpad((c / 20)::text, 7, '0') end,
                'ACM/' || (10000 + c % 50000) || '/0', 'CLM-' || lpad(c::text, 8, '0') || '-' || attempt, attempt,
                case when attempt = 2 then 'DELIVERED' else 'FAILED' end,
                case when attempt = 1 then 'payer answered 503 Service Unavailable' end, 'https://payer.example/claims',
                'ISA*00*          *00*          *ZZ*HMOHUB         *ZZ*PAYER' || (c % 4) || '         *'
                    || to_char(at, 'YYMMDD*HH24MI') || '*^*00501*' || lpad(i::text, 9, '0') || '*0*P*:~GS*HC*HMOHUB*PAYER'
                    || (c % 4) || '*' || to_char(at, 'YYYYMMDD*HH24MI') || '*' || i || '*X*005010X222A1~ST*837*'
                    || lpad((i % 10000)::text, 4, '0') || '*005010X222A1~BHT*0019*00*CLM-' || lpad(c::text, 8, '0') || '*'
                    || to_char(at, 'YYYYMMDD*HH24MI') || '*CH~NM1*41*2*GENERAL HOSPITAL LAGOS*****46*PRV'
                    || lpad((c % 900)::text, 5, '0') || '~PER*IC*BILLING OFFICE*TE*2348012345678~NM1*40*2*PAYER '
                    || (c % 4) || '*****46*PAYER' || (c % 4) || '~HL*1**20*1~NM1*85*2*GENERAL HOSPITAL LAGOS*****XX*'
                    || (1000000000 + c % 900) || '~N3*12 HOSPITAL ROAD~N4*LAGOS*LA*100001~REF*EI*' || (100000000 + c % 900)
                    || '~HL*2*1*22*0~SBR*P*18*ACM-GROUP-' || (c % 300) || '******CI~NM1*IL*1*'
                    || (array['OKAFOR','ADEYEMI','BELLO','NWOSU','OGUNDIPE','ABUBAKAR','EZE','LAWAL','OKONKWO','ADEBAYO',
                              'IBRAHIM','OKORO','BALOGUN','UCHE','DANJUMA','OSAGIE','EKWUEME','FASHOLA','YUSUF','AKINDELE'])[1 + (c % 50000) % 20]
                    || '*' || (array['CHIDI','AMAKA','TUNDE','NGOZI','EMEKA','BOLA','FUNMI','IFEOMA','SEGUN','HAUWA'])[1 + (c % 50000) / 20 % 10]
                    || '****MI*ACM/' || (10000 + c % 50000) || '/0~DMG*D8*' || (19500101 + c % 500000 % 9999) || '*F~CLM*CLM-'
                    || lpad(c::text, 8, '0') || '*' || (c % 100000) || '.00***11:B:1*Y*A*Y*Y~HI*ABK:' || chr(65 + c % 26) || (c % 90 + 10)
                    || '~' || repeat('LX*1~SV1*HC:' || (99201 + c % 13) || '*' || (c % 7000 + 500) || '.00*UN*1***1~DTP*472*D8*'
                    || to_char(at, 'YYYYMMDD') || '~REF*6R*CLM-' || lpad(c::text, 8, '0') || '-L~', 10 + c % 21)
                    || 'SE*' || (40 + c % 21 * 4) || '*' || lpad((i % 10000)::text, 4, '0') || '~GE*1*' || i || '~IEA*1*'
                    || lpad(i::text, 9, '0') || '~',
                at, at + interval '180 milliseconds', 180
            from (select i, i / 2 as c, 2 - i % 2 as attempt, ?::timestamptz - (i + 1) * ?::float8 * interval '1 second' as at
                  from generate_series(?::int, ?::int) as i) g
            """;

    private static String claim(int c) {
        return "CLM-" + String.format("%08d", c);
    }

    private static String providerReference(int c) {
        return "PRV-" + String.format("%07d", (long) c * 7919 % 1000003);
    }

    private static String payerReference(int c) {
        return "PAY-" + String.format("%08d", c);
    }

    private static String paymentReference(int p) {
        return "PMT-" + String.format("%07d", p);
    }

    private static String enrollee(int m) {
        return "ACM/" + (10000 + m) + "/0";
    }

    private static String encode(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            encoded.append(encoded.isEmpty() ? "" : "&").append(pair, 0, eq + 1)
                    .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }
}
