package com.hmoexchange.hub.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.responses.CallbackSignatures;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A hub whose API takes API tokens only (hub.security.basic-auth=false), while Acme rotates its callback secret
 * (previous-secret set). One application context for both, as each setting needs a context of its own.
 */
@TestPropertySource(properties = {"hub.security.basic-auth=false",
        "ACME_CALLBACK_PREVIOUS_SECRET=" + TokensOnlyHubTests.ACME_OLD_SECRET})
class TokensOnlyHubTests extends ApiTest {

    static final String ACME_OLD_SECRET = "acme-secret-before-rotation";

    @Autowired
    ApiTokens tokens;
    @Autowired
    AppUserRepository users;

    @Test
    void a_persons_basic_sign_in_is_refused_with_a_pointer_to_tokens_and_a_token_works() {
        Fixtures.Practice practice = fixtures.practice();

        Api.Response refused = as(practice.billing()).get("/api/claims");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("hub.security.basic-auth").contains("Authorization: Bearer");
        AppUser owner = users.findByUsername(practice.owner()).orElseThrow();
        String token = tokens.create(new HubUser(owner.getId(), owner.getUsername(), "", owner.getRole(), owner.getProviderId(),
                null, null, true), "practice-system", List.of("claims:read"), 30).token();
        assertThat(Api.withToken(port, token).get("/api/claims").status()).isEqualTo(200);
    }

    @Test
    void the_api_description_offers_tokens_only() {
        JsonNode schemes = anonymous().get("/v3/api-docs").json().at("/components/securitySchemes");

        assertThat(schemes.has("apiToken")).isTrue();
        assertThat(schemes.has("basicAuth")).isFalse();
    }

    @Test
    void during_a_rotation_a_callback_signed_with_the_new_or_the_old_secret_is_taken() throws Exception {
        String body = "{\"event\":\"claim.status\",\"claim\":{\"ref\":\"CLM-" + Fixtures.unique("ROT") + "\","
                + "\"reference\":\"ACME-ROT\",\"state\":\"RECEIVED\"}}";
        String now = Long.toString(Instant.now().getEpochSecond());

        HttpResponse<String> newKey = callback(body, now, CallbackSignatures.header(PayerSandboxes.ACME_CALLBACK_SECRET, now,
                body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> oldKey = callback(body, now, CallbackSignatures.header(ACME_OLD_SECRET, now,
                body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> other = callback(body, now, CallbackSignatures.header("someone-elses-secret", now,
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(newKey.statusCode()).as(newKey.body()).isNotEqualTo(401);
        assertThat(oldKey.statusCode()).as(oldKey.body()).isNotEqualTo(401);
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(other.body()).contains("does not match");
    }

    private HttpResponse<String> callback(String body, String timestamp, String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/payers/acme-hmo/callbacks")).header("Content-Type", "application/json")
                .header(CallbackSignatures.TIMESTAMP, timestamp).header(CallbackSignatures.SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
