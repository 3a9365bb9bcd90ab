package com.hmoexchange.hub.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.TestMail;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The platform administrator records practices and contracts and invites first administrators (issue 14, item 2). */
class AdminApiTests extends ApiTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/set-password\\?token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "copper-kettle-morning-7";

    @Test
    void a_practice_recorded_with_a_contract_gets_an_owner_who_looks_up_only_the_contracted_payers_members() {
        Api admin = as(fixtures.platformAdmin());
        String code = Fixtures.unique("practice").toLowerCase();
        Api.Response practice = admin.post("/api/admin/practices", Map.of("code", code, "name", "Practice " + code, "hmoModule", true));
        assertThat(practice.status()).as(practice.toString()).isEqualTo(201);
        long practiceId = practice.json().get("id").asLong();
        long acme = fixtures.payer("acme-hmo").getId();
        Api.Response contract = admin.post("/api/admin/contracts", Map.of("practiceId", practiceId, "payerId", acme,
                "startsOn", LocalDate.now().minusMonths(1).toString()));
        assertThat(contract.status()).as(contract.toString()).isEqualTo(201);
        assertThat(contract.json().get("current").asBoolean()).isTrue();

        String owner = Fixtures.unique("owner").toLowerCase() + "@practice.example";
        assertThat(admin.post("/api/admin/practices/" + practiceId + "/invitations", Map.of("email", owner)).status()).isEqualTo(201);
        String token = token(TestMail.awaitMail(owner, "You are invited to Practice " + code));
        assertThat(anonymous().post("/api/credentials/password", Map.of("token", token, "password", PASSWORD)).status()).isEqualTo(200);
        Api ownerApi = new Api(port, owner, PASSWORD);

        assertThat(ownerApi.get("/api/providers/me").json().get("code").asText()).isEqualTo(code);
        assertThat(ownerApi.get("/api/enrollees/" + fixtures.enrollee("acme-hmo").getEnrolleeNumber()).status()).isEqualTo(200);
        Api.Response harmony = ownerApi.get("/api/enrollees/" + fixtures.enrollee("harmony-care").getEnrolleeNumber());
        assertThat(harmony.status()).isEqualTo(409);
        assertThat(harmony.json().get("code").asText()).isEqualTo("no-current-contract");
    }

    @Test
    void an_overlapping_contract_or_one_ending_before_it_starts_is_refused() {
        Api admin = as(fixtures.platformAdmin());
        long practiceId = fixtures.practice().provider().getId();
        long acme = fixtures.payer("acme-hmo").getId();

        Api.Response overlapping = admin.post("/api/admin/contracts", contract(practiceId, acme, LocalDate.now(), null));
        Api.Response backwards = admin.post("/api/admin/contracts",
                contract(practiceId, acme, LocalDate.now().plusYears(2), LocalDate.now().plusYears(1)));

        assertThat(overlapping.status()).as(overlapping.toString()).isEqualTo(409);
        assertThat(overlapping.json().get("code").asText()).isEqualTo("contract-overlaps");
        assertThat(overlapping.json().get("detail").asText()).contains("End that contract before this one starts");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().at("/errors/0/field").asText()).isEqualTo("endsOn");
        long contracts = admin.get("/api/admin/contracts").json().findValues("practiceId").stream()
                .filter(id -> id.asLong() == practiceId).count();
        assertThat(contracts).isEqualTo(admin.get("/api/admin/payers").json().size());
    }

    @Test
    void an_hmo_owns_its_payers_and_its_invited_administrator_manages_its_colleagues() {
        Api admin = as(fixtures.platformAdmin());
        String code = Fixtures.unique("hmo").toLowerCase();
        // Payers are shared by the tests: the HMO takes a payer only this test uses, when one is free.
        Api.Response hmo = admin.post("/api/admin/hmos", Map.of("code", code, "name", "HMO " + code, "payerCodes", List.of("no-such-payer")));
        assertThat(hmo.status()).isEqualTo(422);
        assertThat(hmo.json().get("detail").asText()).contains("No payer has code 'no-such-payer'").contains("acme-hmo");
        assertThat(admin.get("/api/admin/hmos").json().findValuesAsText("code")).doesNotContain(code);

        // The payers come from mappings/ and outlive a test run: zenith-care gets its HMO once, later runs reuse it.
        JsonNode zenith = admin.get("/api/admin/payers").json().findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("zenith-care")).findFirst().orElseThrow();
        long hmoId;
        String hmoName;
        if (zenith.get("hmoId").isNull()) {
            Api.Response created = admin.post("/api/admin/hmos", Map.of("code", code, "name", "HMO " + code, "payerCodes", List.of("zenith-care")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            hmoId = created.json().get("id").asLong();
        } else {
            hmoId = zenith.get("hmoId").asLong();
        }
        JsonNode recorded = admin.get("/api/admin/hmos").json().findParents("id").stream()
                .filter(h -> h.get("id").asLong() == hmoId).findFirst().orElseThrow();
        hmoName = recorded.get("name").asText();
        assertThat(recorded.get("payerCodes").get(0).asText()).isEqualTo("zenith-care");

        String first = Fixtures.unique("hmo-admin").toLowerCase() + "@hmo.example";
        assertThat(admin.post("/api/admin/hmos/" + hmoId + "/invitations", Map.of("email", first)).status()).isEqualTo(201);
        String token = token(TestMail.awaitMail(first, "You are invited to " + hmoName));
        anonymous().post("/api/credentials/password", Map.of("token", token, "password", PASSWORD));
        Api hmoAdmin = new Api(port, first, PASSWORD);
        String colleague = Fixtures.unique("colleague").toLowerCase() + "@hmo.example";
        assertThat(hmoAdmin.post("/api/people/invitations", Map.of("email", colleague, "role", "HMO_ADMIN")).status()).isEqualTo(201);
        assertThat(hmoAdmin.get("/api/people").json().findValuesAsText("username")).contains(first, colleague);
        assertThat(hmoAdmin.get("/api/people").json().findValuesAsText("username")).doesNotContain(fixtures.hmoAdmin("acme-hmo"));
        Api.Response taken = admin.post("/api/admin/hmos", Map.of("code", code + "-b", "name", "Other", "payerCodes", List.of("zenith-care")));
        assertThat(taken.json().get("code").asText()).isEqualTo("payer-owned");
        assertThat(admin.get("/api/admin/hmos").json().findValuesAsText("code")).doesNotContain(code + "-b");
    }

    @Test
    void only_a_platform_admin_reaches_the_administration_api() {
        assertThat(as(fixtures.practice().owner()).get("/api/admin/practices").status()).isEqualTo(403);
        assertThat(as(fixtures.hmoAdmin("acme-hmo")).post("/api/admin/practices", Map.of("code", "x", "name", "X")).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/admin/contracts").status()).isEqualTo(401);
        JsonNode paths = anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/admin/contracts")).isTrue();
        assertThat(paths.has("/api/people/invitations")).isTrue();
        assertThat(paths.has("/api/account/password-reset")).isTrue();
    }

    private static Map<String, Object> contract(long practiceId, long payerId, LocalDate startsOn, LocalDate endsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("practiceId", practiceId);
        body.put("payerId", payerId);
        body.put("startsOn", startsOn.toString());
        body.put("endsOn", endsOn == null ? null : endsOn.toString());
        return body;
    }

    private static String token(TestMail.Mail mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as(mail.body()).isTrue();
        return m.group(1);
    }
}
