package com.hmoexchange.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.enrollees.Enrollee;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log on PostgreSQL: each audited action leaves one entry saying who, what and from where; the
 * hash chain shows a changed or deleted entry; each reader sees their own tenant's entries; CSV export.
 */
class AuditTests extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_member_look_up_is_recorded_once_with_who_what_and_the_address_a_trusted_proxy_forwarded() throws Exception {
        Fixtures.Practice practice = fixtures.practice();
        Enrollee member = fixtures.enrollee("acme-hmo");
        String body = "{\"enrolleeNumber\":\"" + member.getEnrolleeNumber() + "\",\"dateOfBirth\":\"1990-01-15\"}";

        // From the test (loopback: a trusted proxy), saying which client it forwards for.
        HttpResponse<String> found = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/enrollees/lookups"))
                .header("Authorization", basic(practice.billing())).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.7").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);

        List<JsonNode> entries = entries(fixtures.platformAdmin(), practice.billing(), "MEMBER_LOOKED_UP");
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("actor").asText()).isEqualTo(practice.billing());
        assertThat(entry.get("actorRole").asText()).isEqualTo("BILLING_STAFF");
        assertThat(entry.get("providerId").asLong()).isEqualTo(practice.provider().getId());
        assertThat(entry.get("objectType").asText()).isEqualTo("enrollee");
        assertThat(entry.get("objectId").asText()).isEqualTo(member.getEnrolleeNumber());
        assertThat(entry.get("detail").asText()).isEqualTo("found");
        assertThat(entry.get("address").asText()).isEqualTo("203.0.113.7");
        assertThat(entry.toString()).doesNotContain("Ngozi", "Eze", "1990-01-15");
    }

    @Test
    void payload_views_replays_approvals_declines_and_invitations_each_leave_one_entry_from_the_callers_address() {
        String admin = fixtures.platformAdmin();
        String operator = fixtures.operator();
        long message = jdbc.queryForObject("insert into message_record (direction, channel, payer_code, claim_number, "
                + "enrollee_number, attempt, outcome, payload, started_at, finished_at) values ('OUT', 'http', 'acme-hmo', "
                + "'CLM-AUDIT-1', 'ACM/AUD/0', 1, 'DELIVERED', '{\"diagnosis\":\"B54\"}', now(), now()) returning id", Long.class);
        assertThat(as(operator).get("/api/messages/" + message + "/payload").status()).isEqualTo(200);
        assertThat(as(operator).post("/api/operations/dead-letters/replay?claimNumber=CLM-00999999", "").status()).isEqualTo(200);

        ClientSetup client = fixtures.client("acme-hmo");
        long approved = portalRequest(client, client.child().getEnrolleeNumber(), "Kemisola");
        long declined = portalRequest(client, client.spouse().getEnrolleeNumber(), "Bisola");
        assertThat(as(client.hmoAdmin()).post("/api/hmo/requests/" + approved + "/approve", "").status()).isEqualTo(200);
        assertThat(as(client.hmoAdmin()).post("/api/hmo/requests/" + declined + "/decline",
                Map.of("reason", "Send the certificate")).status()).isEqualTo(200);

        Fixtures.Practice practice = fixtures.practice();
        Api.Response invited = as(practice.owner()).post("/api/people/invitations",
                Map.of("email", Fixtures.unique("new").toLowerCase() + "@clinic.example", "role", "BILLING_STAFF"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);

        assertOne(admin, operator, "PAYLOAD_VIEWED", "message", String.valueOf(message));
        assertOne(admin, operator, "DEAD_LETTER_REPLAYED", "claim", "CLM-00999999");
        assertOne(admin, client.hmoAdmin(), "REQUEST_APPROVED", "change-request", String.valueOf(approved));
        assertOne(admin, client.hmoAdmin(), "REQUEST_DECLINED", "change-request", String.valueOf(declined));
        assertOne(admin, practice.owner(), "USER_INVITED", "user", invited.json().get("user").get("id").asText());
    }

    @Test
    void sign_ins_are_recorded_a_failure_each_time_an_api_sign_in_once_an_hour_and_a_page_sign_in_each_time() throws Exception {
        Fixtures.Practice practice = fixtures.practice();
        String admin = fixtures.platformAdmin();
        assertThat(new Api(port, practice.billing(), "wrong-password").get("/api/claims").status()).isEqualTo(401);
        assertThat(new Api(port, "=HYPERLINK(\"evil.example\")", "x").get("/api/claims").status()).isEqualTo(401);
        assertThat(as(practice.billing()).get("/api/claims").status()).isEqualTo(200);
        assertThat(as(practice.billing()).get("/api/claims").status()).isEqualTo(200);

        List<JsonNode> failed = entries(admin, practice.billing(), "SIGN_IN_FAILED");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("detail").asText()).isEqualTo("wrong username or password");
        // The account tried belongs to the practice: its owner sees the attempt.
        assertThat(failed.get(0).get("providerId").asLong()).isEqualTo(practice.provider().getId());
        assertThat(entries(practice.owner(), practice.billing(), "SIGN_IN_FAILED")).hasSize(1);
        List<JsonNode> apiSignIns = entries(admin, practice.billing(), "SIGNED_IN");
        assertThat(apiSignIns).hasSize(1);
        assertThat(apiSignIns.get(0).get("detail").asText()).startsWith("API");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(signIn(browser, practice.owner()).statusCode()).isEqualTo(302);
        List<JsonNode> pageSignIns = entries(admin, practice.owner(), "SIGNED_IN");
        assertThat(pageSignIns).extracting(e -> e.get("detail").asText()).contains("web pages");

        // A name typed at a failed sign-in can be anything: a spreadsheet opening the export must not run it.
        Api.Response csv = as(admin).get("/api/audit/export.csv?action=SIGN_IN_FAILED&actor="
                + URLEncoder.encode("=HYPERLINK(\"evil.example\")", StandardCharsets.UTF_8));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
    }

    @Test
    void each_reader_sees_their_own_tenants_entries_and_others_are_refused() {
        Fixtures.Practice mine = fixtures.practice();
        Fixtures.Practice theirs = fixtures.practice();
        String hmo = fixtures.hmoAdmin("acme-hmo");
        String otherHmo = fixtures.hmoAdmin("harmony-care");
        for (String user : List.of(mine.billing(), theirs.billing(), hmo, otherHmo)) {
            assertThat(new Api(port, user, "wrong-password").get("/api/notifications").status()).isEqualTo(401);
        }

        assertThat(actors(mine.owner())).contains(mine.billing()).doesNotContain(theirs.billing(), hmo, otherHmo);
        assertThat(actors(hmo)).contains(hmo).doesNotContain(otherHmo, mine.billing(), theirs.billing());
        assertThat(actors(fixtures.platformAdmin())).contains(mine.billing(), theirs.billing(), hmo, otherHmo);
        assertThat(as(mine.billing()).get("/api/audit").status()).isEqualTo(403);
        assertThat(as(mine.admin()).get("/api/audit").status()).isEqualTo(403);
        assertThat(as(fixtures.operator()).get("/api/audit").status()).isEqualTo(403);
        assertThat(as(mine.owner()).get("/api/audit/export.csv").text()).doesNotContain(theirs.billing());
        assertThat(as(mine.owner()).get("/api/audit/verify").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/audit").status()).isEqualTo(401);
    }

    @Test
    void the_csv_export_has_a_header_and_one_row_per_entry_with_its_hashes() {
        Fixtures.Practice practice = fixtures.practice();
        assertThat(new Api(port, practice.admin(), "wrong-password").get("/api/claims").status()).isEqualTo(401);
        assertThat(new Api(port, practice.admin(), "wrong-again").get("/api/claims").status()).isEqualTo(401);

        Api.Response csv = as(practice.owner()).get("/api/audit/export.csv?action=SIGN_IN_FAILED&actor=" + practice.admin());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("audit-log.csv");
        String[] lines = csv.text().split("\r\n");
        // What a person reads first, then the stored values a machine needs to recompute the hashes.
        assertThat(lines[0]).isEqualTo("id,when,who,role,practice or HMO,action,about,detail,address,"
                + "at,actor_role,provider_id,payer_id,action_code,object_type,object_id,previous_hash,hash");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(practice.admin(), ",Sign in failed,", "127.0.0.1", ",SIGN_IN_FAILED,")
                .containsPattern(",\"[0-9]{1,2} [A-Z][a-z]{2,3} [0-9]{4}, [0-9]{2}:[0-9]{2} WAT\",")
                .matches(".*,[0-9a-f]{64},[0-9a-f]{64}$");
        assertThat(entries(fixtures.platformAdmin(), practice.owner(), "AUDIT_EXPORTED")).hasSize(1);
    }

    @Test
    void the_database_refuses_changes_and_a_changed_or_deleted_entry_is_found_by_the_chain_check() {
        String admin = fixtures.platformAdmin();
        Fixtures.Practice practice = fixtures.practice();
        assertThat(new Api(port, practice.billing(), "wrong-password").get("/api/claims").status()).isEqualTo(401);
        long target = entries(admin, practice.billing(), "SIGN_IN_FAILED").get(0).get("id").asLong();
        assertThat(as(practice.billing()).get("/api/claims").status()).isEqualTo(200);
        assertThat(verify(admin).get("intact").asBoolean()).isTrue();

        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone-else' where id = ?", target))
                .rootCause().hasMessageContaining("audit_entry is append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", target))
                .rootCause().hasMessageContaining("audit_entry is append-only: DELETE refused");

        // An attacker who owns the table can switch the trigger off; the chain still tells.
        Map<String, Object> original = jdbc.queryForMap("select * from audit_entry where id = ?", target);
        try {
            asTableOwner("update audit_entry set actor = 'someone-else' where id = " + target);
            JsonNode changed = verify(admin);
            assertThat(changed.get("intact").asBoolean()).isFalse();
            assertThat(changed.get("brokenAt").asLong()).isEqualTo(target);
            assertThat(changed.get("problem").asText()).contains("Entry " + target + " was changed");
            asTableOwner("update audit_entry set actor = '" + original.get("actor") + "' where id = " + target);
            assertThat(verify(admin).get("intact").asBoolean()).isTrue();

            asTableOwner("delete from audit_entry where id = " + target);
            JsonNode deleted = verify(admin);
            assertThat(deleted.get("intact").asBoolean()).isFalse();
            assertThat(deleted.get("brokenAt").asLong()).isEqualTo(target);
            assertThat(deleted.get("problem").asText()).contains("Entry " + target + " is missing");
        } finally {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
            try {
                jdbc.update("delete from audit_entry where id = ?", target);
                jdbc.update("insert into audit_entry (id, at, actor, actor_role, provider_id, payer_id, action, object_type, "
                        + "object_id, detail, address, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        original.get("id"), original.get("at"), original.get("actor"), original.get("actor_role"),
                        original.get("provider_id"), original.get("payer_id"), original.get("action"),
                        original.get("object_type"), original.get("object_id"), original.get("detail"),
                        original.get("address"), original.get("previous_hash"), original.get("hash"));
            } finally {
                jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
        assertThat(verify(admin).get("intact").asBoolean()).isTrue();
    }

    @Test
    void the_page_lists_the_owners_entries_with_the_csv_link() throws Exception {
        Fixtures.Practice practice = fixtures.practice();
        assertThat(new Api(port, practice.billing(), "wrong-password").get("/api/claims").status()).isEqualTo(401);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        signIn(browser, practice.owner());

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/audit?action=SIGN_IN_FAILED")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Audit log", practice.billing(), "wrong username or password", "Download CSV")
                .doesNotContain("Check the chain");
    }

    private void asTableOwner(String sql) {
        jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
        try {
            jdbc.execute(sql);
        } finally {
            jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
        }
    }

    private JsonNode verify(String admin) {
        Api.Response verified = as(admin).get("/api/audit/verify");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.json();
    }

    private void assertOne(String reader, String actor, String action, String objectType, String objectId) {
        List<JsonNode> found = entries(reader, actor, action);
        assertThat(found).as(action).hasSize(1);
        assertThat(found.get(0).get("objectType").asText()).isEqualTo(objectType);
        assertThat(found.get(0).get("objectId").asText()).isEqualTo(objectId);
        assertThat(found.get(0).get("address").asText()).isEqualTo("127.0.0.1");
    }

    private List<JsonNode> entries(String reader, String actor, String action) {
        Api.Response page = as(reader).get("/api/audit?size=200&action=" + action + "&actor="
                + URLEncoder.encode(actor, StandardCharsets.UTF_8));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return iterable(page.json().get("items"));
    }

    private List<String> actors(String reader) {
        Api.Response page = as(reader).get("/api/audit?size=200&action=SIGN_IN_FAILED");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return iterable(page.json().get("items")).stream().map(e -> e.get("actor").asText()).toList();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private long portalRequest(ClientSetup client, String enrolleeNumber, String firstName) {
        Api.Response made = as(client.user()).post("/api/portal/requests", Map.of("kind", "EDIT_DETAILS",
                "enrolleeNumber", enrolleeNumber, "firstName", firstName));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    private HttpResponse<String> signIn(HttpClient browser, String username) throws Exception {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        String body = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + Fixtures.PASSWORD;
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + Fixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
