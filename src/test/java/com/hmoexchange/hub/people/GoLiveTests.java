package com.hmoexchange.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.EmptyDatabase;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.SmtpGate;
import com.hmoexchange.hub.support.TestMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 14, item 10: a hub started on an empty PostgreSQL database without the demo profile reaches a paid
 * claim through HTTP calls and emails only, the steps docs/going-live.md gives an operator. Nothing here reads
 * or writes the database after the start: every fact is asked of the API, every link taken from an email.
 */
@ExtendWith(EmptyDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class GoLiveTests {

    static final String PLATFORM_ADMIN = "go-live.admin-" + System.currentTimeMillis() + "@hub.example";
    static final String PASSWORD = "amber-river-compass-81";

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        String url = EmptyDatabase.create("hub_go_live_");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SmtpGate::port);
        registry.add("hub.people.admin-email", () -> PLATFORM_ADMIN);
        PayerSandboxes.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void from_the_first_start_to_a_paid_claim_through_the_api_and_emails_only() {
        // 1. First start: the platform administrator chooses a password with the emailed link.
        Api admin = accept(PLATFORM_ADMIN, "You are invited to HMO Exchange Hub");

        // 2. The HMO (owning the payer set up in mappings/acme-hmo), the practice and their contract.
        JsonNode acme = admin.get("/api/admin/payers").json().findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("acme-hmo")).findFirst().orElseThrow();
        Api.Response hmo = admin.post("/api/admin/hmos", Map.of("code", "acme", "name", "Acme Health", "payerCodes", List.of("acme-hmo")));
        assertThat(hmo.status()).as(hmo.toString()).isEqualTo(201);
        Api.Response practice = admin.post("/api/admin/practices", Map.of("code", "lekki-family", "name", "Lekki Family Clinic", "hmoModule", true));
        assertThat(practice.status()).as(practice.toString()).isEqualTo(201);
        long practiceId = practice.json().get("id").asLong();
        Api.Response contract = admin.post("/api/admin/contracts", Map.of("practiceId", practiceId,
                "payerId", acme.get("id").asLong(), "startsOn", LocalDate.now().minusMonths(1).toString()));
        assertThat(contract.status()).as(contract.toString()).isEqualTo(201);
        long contractId = contract.json().get("id").asLong();
        LocalDate contractStart = LocalDate.parse(contract.json().get("startsOn").asText());

        // 3. Invitations: the HMO's first administrator, the practice's first owner, and the owner's billing clerk.
        String hmoAdminEmail = "claims.lead@acme-health.example";
        assertThat(admin.post("/api/admin/hmos/" + hmo.json().get("id").asLong() + "/invitations",
                Map.of("email", hmoAdminEmail)).status()).isEqualTo(201);
        Api hmoAdmin = accept(hmoAdminEmail, "You are invited to Acme Health");
        String ownerEmail = "owner@lekki-family.example";
        assertThat(admin.post("/api/admin/practices/" + practiceId + "/invitations", Map.of("email", ownerEmail)).status())
                .isEqualTo(201);
        Api owner = accept(ownerEmail, "You are invited to Lekki Family Clinic");
        String clerkEmail = "billing@lekki-family.example";
        Api.Response invited = owner.post("/api/people/invitations", Map.of("email", clerkEmail, "role", "BILLING_STAFF"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        Api billing = accept(clerkEmail, "You are invited to Lekki Family Clinic");

        // 4. The HMO's tariff for the contract, as CSV: preview, then apply.
        byte[] tariff = ("serviceCode,description,unitPrice,validFrom,validTo\n"
                + "CONS-GP,GP consultation,6500.00," + contractStart + ",\n"
                + "LAB-MP,Malaria parasite test,2500.00," + contractStart + ",\n").getBytes(StandardCharsets.UTF_8);
        String tariffs = "/api/hmo/tariffs/contracts/" + contractId;
        Api.Response tariffPreview = hmoAdmin.upload(tariffs + "/preview", "acme-2026.csv", "text/csv", tariff);
        assertThat(tariffPreview.status()).as(tariffPreview.toString()).isEqualTo(200);
        Api.Response tariffApplied = hmoAdmin.upload(tariffs + "/versions", "acme-2026.csv", "text/csv", tariff);
        assertThat(tariffApplied.status()).as(tariffApplied.toString()).isEqualTo(201);

        // 5. A benefit plan and the members, as an X12 834: a subscriber and a dependant.
        Api.Response plan = hmoAdmin.post("/api/hmo/plans", Map.of("code", "GOLD", "name", "Gold", "maxSpouses", 1,
                "maxChildren", 4, "childMaxAge", 21));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        byte[] roster = x834(List.of(
                "INS*Y*18*021*XN*A*C**FT", "REF*0F*ACM-1001/0", "DTP*356*D8*20260101", "NM1*IL*1*OKAFOR*ADAEZE",
                "DMG*D8*19850301*F", "HD*021**HLT*GOLD*FAM", "DTP*348*D8*20260101",
                "INS*N*01*021*XN*A", "REF*0F*ACM-1001/0", "NM1*IL*1*OKAFOR*CHIDI****MI*ACM-1001/1", "DMG*D8*19840709*M",
                "HD*021**HLT", "DTP*348*D8*20260101"));
        Api.Response rosterPreview = hmoAdmin.upload("/api/hmo/rosters/preview", "enrol.834", "application/edi-x12", roster);
        assertThat(rosterPreview.status()).as(rosterPreview.toString()).isEqualTo(200);
        assertThat(rosterPreview.json().get("added").asLong()).isEqualTo(2);
        Api.Response rosterApplied = hmoAdmin.upload("/api/hmo/rosters", "enrol.834", "application/edi-x12", roster);
        assertThat(rosterApplied.status()).as(rosterApplied.toString()).isEqualTo(200);
        assertThat(rosterApplied.json().get("added").asLong()).isEqualTo(2);

        // 6. The practice looks the member up, records a visit and bills it at the tariff's prices.
        Api.Response member = billing.post("/api/enrollees/lookups", Map.of("enrolleeNumber", "ACM-1001/0", "dateOfBirth", "1985-03-01"));
        assertThat(member.status()).as(member.toString()).isEqualTo(200);
        assertThat(member.json().get("coveredToday").asBoolean()).isTrue();
        Api.Response visit = billing.post("/api/visits", Map.of("enrolleeNumber", "ACM-1001/0",
                "encounterDate", LocalDate.now().minusDays(1).toString(), "services", List.of(
                        Map.of("code", "CONS-GP", "description", "GP consultation", "quantity", 1),
                        Map.of("code", "LAB-MP", "description", "Malaria parasite test", "quantity", 1))));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        List<Map<String, Object>> services = visit.json().get("services").findValues("id").stream()
                .map(id -> Map.<String, Object>of("visitServiceId", id.asLong())).toList();
        Api.Response draft = billing.post("/api/claims", Map.of("visitId", visit.json().get("id").asLong(),
                "services", services, "diagnoses", List.of("B54")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        String claimPath = "/api/claims/" + draft.json().get("id").asLong();
        assertThat(draft.json().at("/balance/billed").decimalValue()).isEqualByComparingTo("9000");

        // 7. Submitted, it is delivered to the payer's HTTP API...
        Api.Response submitted = billing.post(claimPath + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode delivered = await().atMost(Duration.ofSeconds(30)).until(() -> billing.get(claimPath).json(),
                c -> "DELIVERED".equals(c.at("/delivery/status").asText()));
        String claimNumber = delivered.get("claimNumber").asText();
        // The stand-in payer serves the whole run, and other tests' databases number their claims from 1 too: count
        // only this practice's deliveries.
        assertThat(PayerSandboxes.HTTP.accepted(claimNumber)).filteredOn(r -> r.body().contains("\"lekki-family\""))
                .hasSize(1);

        // 8. ...which pays it and says so by its signed callback: the claim is paid.
        String payment = "{\"event\":\"payment\",\"payment\":{\"id\":\"ACME-TRF-" + claimNumber + "\",\"date\":\""
                + LocalDate.now() + "\",\"amount\":9000,\"claims\":[{\"ref\":\"" + claimNumber
                + "\",\"billed\":9000,\"paid\":9000,\"status\":\"PAID\"}]}}";
        HttpResponse<String> callback = callback("acme-hmo", payment);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(202);
        JsonNode paid = billing.get(claimPath).json();
        assertThat(paid.get("status").asText()).isEqualTo("APPROVED");
        assertThat(paid.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(paid.at("/balance/paid").decimalValue()).isEqualByComparingTo("9000");
        assertThat(billing.get("/api/notifications").json().findValuesAsText("kind")).contains("CLAIM_PAID");
    }

    /** Takes the set-password link from the user's email, chooses the password, and answers their API client. */
    private Api accept(String email, String subject) {
        TestMail.Mail invitation = TestMail.awaitMail(email, subject);
        Matcher link = PeopleApiTests.LINK.matcher(invitation.body());
        assertThat(link.find()).as(invitation.body()).isTrue();
        Api.Response chosen = new Api(port, null, null).post("/api/credentials/password",
                Map.of("token", link.group(1), "password", PASSWORD));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        return new Api(port, email, PASSWORD);
    }

    private HttpResponse<String> callback(String payer, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PayerSandboxes.ACME_CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/payers/" + payer + "/callbacks"))
                    .header("Content-Type", "application/json").header("X-Hub-Timestamp", timestamp)
                    .header("X-Hub-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One interchange with one 834 transaction set, its counts and control numbers right. */
    private static byte[] x834(List<String> body) {
        List<String> segments = new java.util.ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*ACMECORP       *ZZ*HMOHUB         *260401*1200*^*00501*000000001*0*T*:");
        segments.add("GS*BE*ACMECORP*HMOHUB*20260401*1200*1*X*005010X220A1");
        segments.add("ST*834*0001*005010X220A1");
        segments.add("BGN*00*REF1*20260401*1200****2");
        segments.addAll(body);
        segments.add("SE*" + (body.size() + 3) + "*0001");
        segments.add("GE*1*1");
        segments.add("IEA*1*000000001");
        return (String.join("~\n", segments) + "~\n").getBytes(StandardCharsets.UTF_8);
    }
}
