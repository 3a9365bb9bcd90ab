package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.RawHttp;
import com.hmoexchange.hub.support.TestMail;
import jakarta.mail.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The walk of issue 15's "done when", as an attacker would try it, against the hub with production sign-in rules, real
 * PostgreSQL, GreenMail and HTTP: forged payer and client mail, password guessing, token misuse, oversized bodies, the
 * demo profile on a public address. Each step checks the refusal, that nothing changed, and the audit entry (with the
 * address the attempt came from: each step comes from its own, forwarded by the trusted proxy).
 */
class PenetrationWalkTests extends SecurityRulesTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 20_000));

    private Fixtures.Practice practice;
    private Api billing;
    private long auditBefore;

    @BeforeEach
    void practiceAndAFreshStart() {
        jdbc.update("delete from sign_in_throttle where kind = 'ADDRESS' and subject like '203.0.%'");
        practice = fixtures.practice();
        billing = as(practice.billing());
        auditBefore = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
    }

    @Test
    void a_forged_payer_answer_is_held_applies_nothing_and_is_audited() throws Exception {
        String claimNumber = deliveredToCrestline();
        String subject = "Forged " + Fixtures.unique("walk");

        // A lookalike domain, even vouched for by the hub's own mail server: not one of Crestline's senders.
        Transport.send(TestMail.authenticated(TestMail.crestlineAnswer("adjudication@crestline-payments.test", subject, claimNumber)));

        Map<String, Object> held = awaitHeld(subject);
        assertThat((String) held.get("problems")).contains("not among the allowed senders");
        assertThat(claim(claimNumber).get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from inbound_document where name like ?", Long.class, "%" + subject + "%"))
                .isZero();
        Map<String, Object> entry = audited("MAIL_HELD", null, "held-mail", held.get("id").toString());
        assertThat(entry.get("actor")).isEqualTo("system");
        assertThat((String) entry.get("detail")).contains("PAYER_RESPONSES crestline-health from adjudication@crestline-payments.test");
    }

    @Test
    void a_forged_client_bulk_mail_is_held_requests_nothing_and_is_audited() throws Exception {
        ClientSetup s = fixtures.client("acme-hmo");
        String subject = "Changes " + Fixtures.unique("walk");
        String csv = "kind,enrolleeNumber,firstName\nEDIT_DETAILS," + s.child().getEnrolleeNumber() + ",Forged\n";

        Transport.send(TestMail.toIntakeWithCsv("hr@not-a-client.test", subject, "Attached.", "forged.csv", csv, null));

        Map<String, Object> held = awaitHeld(subject);
        assertThat((String) held.get("problems")).contains("hr@not-a-client.test is not among the hub's enabled client users");
        assertThat(as(s.user()).get("/api/portal/requests").json().get("totalItems").asLong()).isZero();
        assertThat((String) audited("MAIL_HELD", null, "held-mail", held.get("id").toString()).get("detail"))
                .contains("BULK_REQUESTS");
    }

    @Test
    void guessing_a_password_waits_then_locks_out_tells_the_owner_and_every_attempt_is_audited() {
        String owner = fixtures.ownerWithEmail(practice.provider());
        String from = newAddress();
        Api guess = new Api(port, owner, "guess").from(from);
        Api right = new Api(port, owner, Fixtures.PASSWORD).from(from);

        assertThat(guess.get("/api/account").status()).isEqualTo(401);
        assertThat(guess.get("/api/account").status()).isEqualTo(401);
        Api.Response tooSoon = right.get("/api/account");
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.json().get("code").asText()).isEqualTo("sign-in-locked");
        for (int attempt = 3; attempt <= 5; attempt++) {
            clock.advance(Duration.ofSeconds(10));
            guess.get("/api/account");
        }
        Api.Response locked = right.get("/api/account");

        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isGreaterThan(60);
        assertThat(TestMail.awaitMail(owner, "locked").body()).contains(owner).contains(from);
        // Nothing served to the right password while locked: no sign-in recorded, every attempt recorded with its address.
        List<String> actions = jdbc.queryForList("select action from audit_entry where id > ? and actor = ? and address = ? order by id",
                String.class, auditBefore, owner, from);
        assertThat(actions).doesNotContain("SIGNED_IN");
        assertThat(actions).containsSubsequence("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "ACCOUNT_LOCKED", "SIGN_IN_FAILED");
        assertThat(jdbc.queryForList("select detail from audit_entry where id > ? and actor = ? and address = ?", String.class,
                auditBefore, owner, from)).anyMatch(d -> d.startsWith("refused unheard (too many failures) until "));
    }

    @Test
    void the_right_password_by_http_basic_is_refused_to_a_two_factor_user_and_audited() {
        String operator = fixtures.operator();
        String from = newAddress();

        Api.Response refused = as(operator).from(from).get("/api/operations/incidents");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("two-factor-required");
        Map<String, Object> entry = audited("SIGN_IN_FAILED", from, "user", operator);
        assertThat((String) entry.get("detail")).contains("HTTP Basic is refused to a user who signs in with a second factor");
    }

    @Test
    void revoked_expired_unknown_and_out_of_scope_tokens_are_refused_change_nothing_and_are_audited() {
        String revoked = token("claims:read", "visits:write");
        long revokedId = tokenId(revoked);
        assertThat(as(practice.owner()).post("/api/tokens/" + revokedId + "/revoke", "").status()).isEqualTo(200);
        String expired = token("claims:read", "visits:write");
        jdbc.update("update api_token set expires_at = ? where id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(3600)),
                tokenId(expired));
        String readOnly = token("claims:read");
        String unknown = "hubt_" + "A".repeat(43);
        long visitsBefore = visits();

        String fromRevoked = newAddress();
        Api.Response byRevoked = Api.withToken(port, revoked).from(fromRevoked).post("/api/visits", visitBody());
        String fromExpired = newAddress();
        Api.Response byExpired = Api.withToken(port, expired).from(fromExpired).post("/api/visits", visitBody());
        String fromUnknown = newAddress();
        Api.Response byUnknown = Api.withToken(port, unknown).from(fromUnknown).get("/api/claims");
        String fromOutOfScope = newAddress();
        Api.Response outOfScope = Api.withToken(port, readOnly).from(fromOutOfScope).post("/api/visits", visitBody());
        // A practice's token at an HMO's desk: no scope of a practice opens it.
        String fromOtherSide = newAddress();
        Api.Response otherSide = Api.withToken(port, readOnly).from(fromOtherSide).get("/api/hmo/requests");

        assertThat(byRevoked.status()).isEqualTo(401);
        assertThat(byRevoked.json().get("detail").asText()).contains("was revoked");
        assertThat(byExpired.status()).isEqualTo(401);
        assertThat(byExpired.json().get("detail").asText()).contains("expired");
        assertThat(byUnknown.status()).isEqualTo(401);
        assertThat(outOfScope.status()).isEqualTo(403);
        assertThat(outOfScope.json().get("code").asText()).isEqualTo("token-scope");
        assertThat(otherSide.status()).isEqualTo(403);
        assertThat(visits()).isEqualTo(visitsBefore);

        assertThat((String) audited("TOKEN_REFUSED", fromRevoked, "api-token", String.valueOf(revokedId)).get("detail"))
                .isEqualTo("revoked: POST /api/visits");
        assertThat((String) audited("TOKEN_REFUSED", fromExpired, "api-token", String.valueOf(tokenId(expired))).get("detail"))
                .isEqualTo("expired: POST /api/visits");
        Map<String, Object> byDigest = audited("TOKEN_REFUSED", fromUnknown, "api-token", null);
        assertThat((String) byDigest.get("object_id")).matches("sha256:[0-9a-f]{8}");
        assertThat(byDigest.get("actor")).isEqualTo("(not signed in)");
        Map<String, Object> scope = audited("TOKEN_REFUSED", fromOutOfScope, "api-token", String.valueOf(tokenId(readOnly)));
        assertThat((String) scope.get("detail")).isEqualTo("outside its scopes: POST /api/visits");
        assertThat(((Number) scope.get("provider_id")).longValue()).isEqualTo(practice.provider().getId());
        assertThat((String) audited("TOKEN_REFUSED", fromOtherSide, "api-token", String.valueOf(tokenId(readOnly))).get("detail"))
                .isEqualTo("outside its scopes: GET /api/hmo/requests");
        // The tokens themselves are nowhere in the log.
        for (String token : List.of(revoked, expired, readOnly, unknown)) {
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where id > ? and (detail like ? or object_id like ?)",
                    Long.class, auditBefore, "%" + token.substring(5, 20) + "%", "%" + token.substring(5, 20) + "%")).isZero();
        }
    }

    @Test
    void a_token_of_another_practice_finds_nothing_of_this_one() {
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        Fixtures.Practice other = fixtures.practice();
        Api.Response made = as(other.owner()).post("/api/tokens", Map.of("name", "other-system", "scopes",
                List.of("claims:read", "claims:submit"), "expiresInDays", 7));
        Api otherToken = Api.withToken(port, made.json().get("token").asText());

        String from = newAddress();
        assertThat(otherToken.from(from).get(claimPath(claim)).status()).isEqualTo(404);
        assertThat(otherToken.from(from).delete(claimPath(claim)).status()).isEqualTo(404);
        assertThat(billing.get(claimPath(claim)).json().get("status").asText()).isEqualTo("DRAFT");

        // The 404 tells the other practice nothing, and the audit shows both attempts, by its token, from its address.
        List<String> attempts = jdbc.queryForList("select actor || ' ' || detail from audit_entry where id > ? and action = 'NOT_FOUND' "
                + "and address = ? order by id", String.class, auditBefore, from);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0)).contains("other-system").contains("GET " + claimPath(claim));
        assertThat(attempts.get(1)).contains("DELETE " + claimPath(claim));
    }

    @Test
    void a_flood_of_bad_tokens_from_one_address_is_audited_a_bounded_number_of_times() {
        String from = newAddress();
        for (int i = 0; i < 25; i++) {
            assertThat(Api.withToken(port, "hubt_" + Fixtures.unique("flood").replace('-', '_') + "x".repeat(30)).from(from)
                    .get("/api/claims").status()).isEqualTo(401);
        }

        List<String> details = jdbc.queryForList("select detail from audit_entry where id > ? and action = 'TOKEN_REFUSED' "
                + "and address = ? order by id", String.class, auditBefore, from);
        assertThat(details).hasSize(10);
        assertThat(details.get(9)).contains("more refusals from this address are not recorded until");
    }

    @Test
    void an_oversized_callback_is_refused_unread_applies_nothing_and_is_audited() throws Exception {
        String from = newAddress();
        long documents = jdbc.queryForObject("select count(*) from inbound_document where payer_code = 'acme-hmo'", Long.class);

        // 50 MB announced, one byte sent: an answer can only come if the hub did not wait for the rest.
        String answer = RawHttp.send(port, "POST /api/payers/acme-hmo/callbacks HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nX-Forwarded-For: " + from + "\r\nX-Hub-Timestamp: "
                + Instant.now().getEpochSecond() + "\r\nX-Hub-Signature: sha256=00\r\nContent-Length: 52428800",
                "{".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 413").contains("callback-too-large");
        assertThat(jdbc.queryForObject("select count(*) from inbound_document where payer_code = 'acme-hmo'", Long.class))
                .isEqualTo(documents);
        assertThat((String) audited("BODY_TOO_LARGE", from, "callback", "acme-hmo").get("detail"))
                .isEqualTo("POST /api/payers/acme-hmo/callbacks: body over 1048576 bytes, refused");
    }

    @Test
    void an_api_body_over_the_limit_is_refused_by_its_length_or_as_it_comes_and_is_audited() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((practice.billing() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        long visitsBefore = visits();
        String byLength = newAddress();
        String chunked = newAddress();

        // 50 MB announced, one byte sent; then 6.4 MB in chunks with no end (the API takes 5 MB), well-formed JSON so far
        // (one long string), so that only its size can stop it.
        String announced = RawHttp.send(port, "POST /api/visits HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + basic + "\r\nX-Forwarded-For: " + byLength + "\r\nContent-Length: 52428800",
                "{".getBytes(StandardCharsets.US_ASCII));
        String streamed = RawHttp.sendChunked(port, "POST /api/visits HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: " + basic + "\r\nX-Forwarded-For: " + chunked, "{\"services\": [], \"note\": \"", 100);

        assertThat(announced).startsWith("HTTP/1.1 413").contains("body-too-large");
        assertThat(streamed).startsWith("HTTP/1.1 413").contains("body-too-large");
        assertThat(visits()).isEqualTo(visitsBefore);
        assertThat((String) audited("BODY_TOO_LARGE", byLength, "request-body", null).get("detail"))
                .isEqualTo("POST /api/visits: body over 5242880 bytes, refused");
        assertThat(audited("BODY_TOO_LARGE", chunked, "request-body", null).get("actor")).isEqualTo(practice.billing());
    }

    @Test
    void an_upload_over_the_limit_is_refused_attaches_nothing_and_is_audited() {
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        String from = newAddress();
        byte[] big = new byte[11 * 1024 * 1024];
        byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(pdf, 0, big, 0, pdf.length);

        Api.Response refused = billing.from(from).upload(claimPath(claim) + "/attachments", "big.pdf", "application/pdf", big,
                "type", "LAB_RESULT");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("code").asText()).isEqualTo("file-too-large");
        assertThat(billing.get(claimPath(claim)).json().get("attachments")).isEmpty();
        Map<String, Object> entry = audited("BODY_TOO_LARGE", from, "upload", null);
        assertThat(entry.get("actor")).isEqualTo(practice.billing());
        assertThat((String) entry.get("detail")).startsWith("POST " + claimPath(claim) + "/attachments: ").endsWith(", refused");
    }

    @Test
    void the_demo_profile_on_a_public_address_does_not_start() {
        // Refused before anything is made: the database named (nothing listens there) is never reached.
        FailureAnalysis refused = StartupChecksTests.refusedStart(StartupChecksTests.POSTGRES, "spring.profiles.active=demo",
                "hub.public-url=https://hub.example.ng");

        assertThat(refused.getDescription()).contains("The demo profile is on");
        assertThat(refused.getAction()).contains("SPRING_PROFILES_ACTIVE").contains("HUB_ALLOW_DEMO_ON_PUBLIC_ADDRESS=true");
    }

    /** The one audit entry of this test with that action, address (or any, when null), object type and id (or any). */
    private Map<String, Object> audited(String action, String address, String objectType, String objectId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("select * from audit_entry where id > ? "
                        + "and action = ? and object_type = ? and (cast(? as varchar) is null or address = ?) and (cast(? as varchar) is null or object_id = ?) order by id",
                auditBefore, action, objectType, address, address, objectId, objectId), rows -> rows.size() == 1).get(0);
    }

    private Map<String, Object> awaitHeld(String subject) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "select id, problems, status from held_mail where subject = ?", subject), rows -> rows.size() == 1).get(0);
    }

    private String token(String... scopes) {
        Api.Response made = as(practice.owner()).post("/api/tokens", Map.of("name", Fixtures.unique("walk"),
                "scopes", List.of(scopes), "expiresInDays", 7));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().get("token").asText();
    }

    private long tokenId(String token) {
        return jdbc.queryForObject("select id from api_token where digest = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                Long.class, token);
    }

    private Map<String, Object> visitBody() {
        return Map.of("enrolleeNumber", fixtures.enrollee("acme-hmo").getEnrolleeNumber(), "encounterDate",
                java.time.LocalDate.now().minusDays(1).toString(), "services", List.of(Map.of("code", "CONS-GP",
                        "description", "Consultation", "quantity", 1)));
    }

    private long visits() {
        return jdbc.queryForObject("select count(*) from visit where provider_id = ?", Long.class, practice.provider().getId());
    }

    /** A claim sent to Crestline, which answers by email (waited for long: a loaded machine has taken over 30 s). */
    private String deliveredToCrestline() {
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("crestline-health"), "CONS-GP", "LAB-MP"));
        assertThat(billing.post(claimPath(claim) + "/submit", "").status()).isEqualTo(200);
        return await().atMost(Duration.ofSeconds(90)).until(() -> billing.get(claimPath(claim)).json(),
                c -> "DELIVERED".equals(c.at("/delivery/status").asText())).get("claimNumber").asText();
    }

    private JsonNode claim(String claimNumber) {
        long id = billing.get("/api/claims?claimNumber=" + claimNumber).json().at("/items/0/id").asLong();
        return billing.get("/api/claims/" + id).json();
    }

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250 % 250) + "." + (n % 250 + 1);
    }
}
