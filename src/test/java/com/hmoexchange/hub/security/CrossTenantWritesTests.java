package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes across tenants, which the role rules alone cannot stop (AuthorizationMatrixTests lets every HMO admin
 * reach the approve endpoint): another HMO's admin approving, declining or disabling, another practice's staff
 * taking an attachment. Each is answered "not found" and changes nothing.
 */
class CrossTenantWritesTests extends ApiTest {

    @Test
    void another_hmo_can_neither_approve_nor_decline_a_clients_request() {
        ClientSetup client = fixtures.client("acme-hmo");
        JsonNode request = as(client.user()).post("/api/portal/requests", Map.of("kind", "EDIT_DETAILS",
                "enrolleeNumber", client.child().getEnrolleeNumber(), "firstName", "Kemisola")).json();
        Api otherHmo = as(fixtures.hmoAdmin("harmony-care"));
        String path = "/api/hmo/requests/" + request.get("id").asLong();

        assertThat(otherHmo.post(path + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(otherHmo.post(path + "/decline", Map.of("reason", "Not ours")).status()).isEqualTo(404);

        assertThat(as(client.hmoAdmin()).get(path).json().get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void another_hmo_cannot_disable_a_clients_user() {
        ClientSetup client = fixtures.client("acme-hmo");
        long userId = as(client.hmoAdmin()).get("/api/hmo/client-users?clientId=" + client.client().getId()).json()
                .get(0).get("id").asLong();

        Api.Response refused = as(fixtures.hmoAdmin("harmony-care")).post("/api/hmo/client-users/" + userId + "/disable", "");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(as(client.user()).get("/api/portal/principals").status()).isEqualTo(200);
    }

    @Test
    void another_practice_can_neither_download_nor_remove_an_attachment() {
        Api mine = as(fixtures.practice().billing());
        JsonNode claim = draft(mine, visit(mine, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        Api.Response uploaded = mine.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "type", "REFERRAL_LETTER");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        String attachment = claimPath(claim) + "/attachments/" + uploaded.json().at("/attachments/0/id").asLong();
        Api theirs = as(fixtures.practice().owner());

        assertThat(theirs.get(attachment).status()).isEqualTo(404);
        assertThat(theirs.delete(attachment).status()).isEqualTo(404);

        Api.Response still = mine.get(attachment);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.text()).startsWith("%PDF");
    }

    @Test
    void a_practice_cannot_record_a_payment_or_write_off_on_another_practices_claim() {
        Api mine = as(fixtures.practice().billing());
        JsonNode claim = draft(mine, visit(mine, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        Api theirs = as(fixtures.practice().billing());

        assertThat(theirs.post(claimPath(claim) + "/payments", Map.of("amount", "100.00", "reference", Fixtures.unique("PAY")))
                .status()).isEqualTo(404);
        assertThat(theirs.post(claimPath(claim) + "/write-off", Map.of("amount", "100.00", "reason", "Not ours"))
                .status()).isEqualTo(404);
        assertThat(theirs.put(claimPath(claim) + "/lines/1/price", Map.of("unitPrice", "1.00", "reason", "Not ours"))
                .status()).isEqualTo(404);

        assertThat(mine.get(claimPath(claim)).json().get("status").asText()).isEqualTo("DRAFT");
    }
}
