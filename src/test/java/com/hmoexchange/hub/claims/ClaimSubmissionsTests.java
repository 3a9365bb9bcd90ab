package com.hmoexchange.hub.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.outbox.OutboxRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.PracticeApiTest;
import com.hmoexchange.hub.support.SqlCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Submitting many claims at once (POST /api/claims/submissions), on PostgreSQL: each claim on its own. */
class ClaimSubmissionsTests extends PracticeApiTest {

    @Autowired
    OutboxRepository outbox;
    @Autowired
    ClaimService service;
    @Autowired
    UserDetailsService users;


    @Test
    void the_good_drafts_are_submitted_and_each_refusal_says_why_leaving_that_claim_as_it_was() {
        JsonNode first = draft(billing, visit(billing, patient, "CONS-GP"));
        JsonNode second = draft(billing, visit(billing, patient, "CONS-GP", "LAB-MP"));
        JsonNode noReferral = draft(billing, visit(billing, fixtures.enrollee("harmony-care"), "CONS-GP"));
        JsonNode alreadySent = draft(billing, visit(billing, patient, "LAB-MP"));
        submitAndAwaitDelivery(billing, alreadySent);
        Practice other = fixtures.practice();
        JsonNode theirs = draft(as(other.billing()), visit(as(other.billing()), fixtures.enrollee("acme-hmo"), "CONS-GP"));

        Api.Response response = billing.post("/api/claims/submissions", Map.of("claimIds", List.of(id(first),
                id(noReferral), id(alreadySent), id(theirs), id(second), id(first))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode submitted = response.json().get("submitted");
        assertThat(submitted.findValuesAsText("claimNumber")).containsExactly(number(first), number(second));
        assertThat(submitted.findValuesAsText("status")).containsExactly("SUBMITTED", "SUBMITTED");
        for (JsonNode claim : List.of(first, second)) {
            assertThat(outbox.findByAggregateTypeAndAggregateIdOrderByIdAsc("Claim", number(claim))).hasSize(1);
            JsonNode now = billing.get(claimPath(claim)).json();
            assertThat(now.get("status").asText()).isIn("SUBMITTED", "RECEIVED");
            assertThat(now.get("history").get(1).get("by").asText()).isEqualTo(practice.billing());
        }

        JsonNode refused = response.json().get("refused");
        assertThat(refused.findValuesAsText("claimId")).containsExactly(String.valueOf(id(noReferral)),
                String.valueOf(id(alreadySent)), String.valueOf(id(theirs)));
        assertThat(refused.findValuesAsText("code")).containsExactly("claim-not-submittable", "claim-not-draft", "not-found");
        assertThat(refused.get(0).get("type").asText()).isEqualTo("urn:hmo-hub:problem:claim-not-submittable");
        assertThat(refused.get(0).get("missingAttachments").get(0).asText()).isEqualTo("REFERRAL_LETTER");
        assertThat(refused.get(1).get("detail").asText()).contains("only a draft can submit it");
        assertThat(refused.get(2).get("claimNumber").isNull()).as("nothing of another practice's claim").isTrue();

        // The same words as submitting each alone.
        Api.Response alone = billing.post(claimPath(noReferral) + "/submit", "");
        assertThat(alone.status()).isEqualTo(409);
        assertThat(refused.get(0).get("detail").asText()).isEqualTo(alone.json().get("detail").asText());
        Api.Response notFound = billing.post(claimPath(theirs) + "/submit", "");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(refused.get(2).get("detail").asText()).isEqualTo(notFound.json().get("detail").asText());

        // The refused claims are as they were.
        JsonNode noReferralNow = billing.get(claimPath(noReferral)).json();
        assertThat(noReferralNow.get("status").asText()).isEqualTo("DRAFT");
        assertThat(noReferralNow.get("version").asLong()).isEqualTo(noReferral.get("version").asLong());
        assertThat(noReferralNow.get("history")).hasSize(1);
        assertThat(outbox.findByAggregateTypeAndAggregateIdOrderByIdAsc("Claim", number(noReferral))).isEmpty();
        assertThat(outbox.findByAggregateTypeAndAggregateIdOrderByIdAsc("Claim", number(alreadySent))).hasSize(1);
        assertThat(as(other.billing()).get(claimPath(theirs)).json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(outbox.findByAggregateTypeAndAggregateIdOrderByIdAsc("Claim", number(theirs))).isEmpty();
    }

    @Test
    void an_empty_a_too_long_or_a_malformed_list_is_a_400_and_submits_nothing() {
        JsonNode draft = draft(billing, visit(billing, patient, "CONS-GP"));
        List<Long> tooMany = new ArrayList<>(LongStream.rangeClosed(1, ClaimService.SUBMIT_ALL_MAX).boxed().toList());
        tooMany.add(0, id(draft));

        Api.Response tooLong = billing.post("/api/claims/submissions", Map.of("claimIds", tooMany));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.json().get("code").asText()).isEqualTo("validation-failed");
        assertThat(tooLong.json().get("detail").asText()).contains("claimIds must list at most 500 claim ids");
        assertThat(billing.get(claimPath(draft)).json().get("status").asText()).isEqualTo("DRAFT");

        Api.Response empty = billing.post("/api/claims/submissions", Map.of("claimIds", List.of()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("claimIds must list at least one claim id");
        assertThat(billing.post("/api/claims/submissions", Map.of()).status()).isEqualTo(400);
        Api.Response words = billing.post("/api/claims/submissions", Map.of("claimIds", List.of("one", "two")));
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.json().get("code").asText()).isEqualTo("malformed-body");
        Api.Response broken = billing.post("/api/claims/submissions", "{\"claimIds\": [1, 2");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asText()).isEqualTo("malformed-body");

        assertThat(as(fixtures.hmoAdmin("acme-hmo")).post("/api/claims/submissions",
                Map.of("claimIds", List.of(id(draft)))).status()).isEqualTo(403);
        assertThat(billing.get(claimPath(draft)).json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(billing.get("/v3/api-docs").json().at("/paths").has("/api/claims/submissions")).isTrue();
    }

    @Test
    void forty_drafts_are_read_with_a_fixed_number_of_queries_and_updated_in_batches() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(id(draft(billing, visit(billing, patient, "CONS-GP"))));
        }
        HubUser user = (HubUser) users.loadUserByUsername(practice.billing());

        SqlCounter.Watched<Submissions> watched = SqlCounter.watch(() -> service.submitAll(user, ids));

        assertThat(watched.result().submitted()).hasSize(40);
        String sql = String.join("\n", watched.statements());
        // The practice, its contracts, the claims, their lines, attachments, diagnoses and history, payers, patients.
        assertThat(watched.count("select")).as(sql).isLessThanOrEqualTo(9);
        // One JDBC batch of claim updates. Each claim's history row and outbox row is an insert of its own:
        // their ids come from IDENTITY columns, which Hibernate cannot batch.
        assertThat(watched.count("update")).as(sql).isEqualTo(1);
        assertThat(watched.count("insert")).as(sql).isEqualTo(80);
    }

    private static long id(JsonNode claim) {
        return claim.get("id").asLong();
    }

    private static String number(JsonNode claim) {
        return claim.get("claimNumber").asText();
    }
}
