package com.hmoexchange.hub.changerequests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Relationship;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.TestMail;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeRequestApiTests extends ApiTest {

    @Test
    void a_client_finds_its_staff_and_sees_a_principal_with_dependents() {
        ClientSetup s = fixtures.client("acme-hmo");
        Api client = as(s.user());

        JsonNode found = client.get("/api/portal/principals?q=" + s.principal().getEnrolleeNumber()).json();
        assertThat(found.findValuesAsText("enrolleeNumber")).containsExactly(s.principal().getEnrolleeNumber());
        assertThat(client.get("/api/portal/principals?q=bakare").json().findValuesAsText("enrolleeNumber"))
                .containsExactly(s.principal().getEnrolleeNumber());

        JsonNode family = client.get("/api/portal/enrollees/" + s.principal().getId()).json();
        assertThat(family.at("/principal/firstName").asText()).isEqualTo("Tunde");
        assertThat(family.get("dependents").findValuesAsText("relationship")).containsExactly("SPOUSE", "CHILD");
    }

    @Test
    void a_client_cannot_see_or_touch_another_clients_enrollees() {
        ClientSetup mine = fixtures.client("acme-hmo");
        ClientSetup theirs = fixtures.client("acme-hmo");
        Api client = as(mine.user());

        assertThat(client.get("/api/portal/enrollees/" + theirs.principal().getId()).status()).isEqualTo(404);
        assertThat(client.get("/api/portal/principals?q=" + theirs.principal().getEnrolleeNumber()).json()).isEmpty();
        Api.Response remove = client.post("/api/portal/requests", Map.of("kind", "REMOVE_DEPENDENT",
                "enrolleeNumber", theirs.spouse().getEnrolleeNumber()));
        assertThat(remove.status()).isEqualTo(404);
        long theirRequest = request(as(theirs.user()), editName(theirs.child().getEnrolleeNumber(), "Kemisola")).get("id").asLong();
        assertThat(client.get("/api/portal/requests/" + theirRequest).status()).isEqualTo(404);
        assertThat(client.post("/api/portal/requests/" + theirRequest + "/withdraw", "").status()).isEqualTo(404);
        assertThat(client.get("/api/enrollees/" + theirs.principal().getId()).status()).isEqualTo(403);
        assertThat(as(fixtures.hmoAdmin("harmony-care")).get("/api/hmo/requests/" + theirRequest).status()).isEqualTo(404);
    }

    @Test
    void an_approved_new_dependent_gets_an_enrollee_number_under_the_principal() {
        ClientSetup s = fixtures.client("acme-hmo");
        JsonNode made = request(as(s.user()), Map.of("kind", "ADD_DEPENDENT", "enrolleeNumber", s.principal().getEnrolleeNumber(),
                "relationship", "CHILD", "firstName", "Tobi", "lastName", "Bakare",
                "dateOfBirth", LocalDate.now().minusYears(1).toString()));
        assertThat(made.get("status").asText()).isEqualTo("PENDING");
        assertThat(made.at("/after/firstName").asText()).isEqualTo("Tobi");

        JsonNode approved = approve(s, made);

        String expected = s.principal().getEnrolleeNumber().replace("/0", "/3");
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("resultEnrolleeNumber").asText()).isEqualTo(expected);
        assertThat(as(s.user()).get("/api/portal/enrollees/" + s.principal().getId()).json().get("dependents")
                .findValuesAsText("enrolleeNumber")).contains(expected);
        assertThat(as(s.hmoAdmin()).get("/api/hmo/enrollee-history?enrolleeNumber=" + expected).json()
                .findValuesAsText("requestedBy")).containsExactly(s.user());
    }

    @Test
    void an_approved_removal_ends_the_dependents_cover() {
        ClientSetup s = fixtures.client("acme-hmo");
        JsonNode made = request(as(s.user()), Map.of("kind", "REMOVE_DEPENDENT", "enrolleeNumber", s.spouse().getEnrolleeNumber(),
                "note", "Divorced"));
        assertThat(made.at("/before/firstName").asText()).isEqualTo("Bisi");
        assertThat(made.at("/after/status").asText()).isEqualTo("TERMINATED");

        approve(s, made);

        JsonNode spouse = as(s.user()).get("/api/portal/enrollees/" + s.principal().getId()).json().at("/dependents/0");
        assertThat(spouse.get("enrolleeNumber").asText()).isEqualTo(s.spouse().getEnrolleeNumber());
        assertThat(spouse.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(spouse.get("coverEnd").asText()).isEqualTo(LocalDate.now().toString());
    }

    @Test
    void approved_edits_and_a_new_primary_provider_update_the_enrollees_profile() {
        ClientSetup s = fixtures.client("acme-hmo");
        String clinic = fixtures.practice().provider().getCode();
        approve(s, request(as(s.user()), Map.of("kind", "EDIT_DETAILS", "enrolleeNumber", s.child().getEnrolleeNumber(),
                "firstName", "Kemisola", "dateOfBirth", LocalDate.now().minusYears(7).toString())));
        approve(s, request(as(s.user()), Map.of("kind", "CHANGE_PRIMARY_PROVIDER", "enrolleeNumber",
                s.principal().getEnrolleeNumber(), "primaryProvider", clinic)));

        JsonNode family = as(s.user()).get("/api/portal/enrollees/" + s.principal().getId()).json();
        assertThat(family.at("/principal/primaryProvider").asText()).isEqualTo(clinic);
        assertThat(family.at("/dependents/1/firstName").asText()).isEqualTo("Kemisola");
        assertThat(family.at("/dependents/1/lastName").asText()).isEqualTo("Bakare");
    }

    @Test
    void a_date_of_birth_in_the_future_is_refused_in_words_and_nothing_is_requested() {
        ClientSetup s = fixtures.client("acme-hmo");
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Africa/Lagos")).plusDays(1);
        Api.Response refused = as(s.user()).post("/api/portal/requests", Map.of("kind", "EDIT_DETAILS",
                "enrolleeNumber", s.child().getEnrolleeNumber(), "dateOfBirth", tomorrow.toString()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text()).contains("dateOfBirth " + com.hmoexchange.hub.common.Days.of(tomorrow) + " is in the future")
                .doesNotContain(tomorrow.toString());
        assertThat(as(s.hmoAdmin()).get("/api/hmo/requests?client=" + s.client().getCode()).json().get("items")).isEmpty();
    }

    @Test
    void an_approved_registration_creates_a_principal_with_a_new_number_on_the_plan() {
        ClientSetup s = fixtures.client("acme-hmo");
        JsonNode approved = approve(s, request(as(s.user()), Map.of("kind", "REGISTER_PRINCIPAL", "firstName", "Musa",
                "lastName", "Danjuma", "dateOfBirth", "1992-08-14", "plan", s.plan().getCode())));

        String number = approved.get("resultEnrolleeNumber").asText();
        assertThat(number).startsWith(s.client().getNumberPrefix() + "/").endsWith("/0");
        assertThat(approved.get("enrolleeNumber").asText()).isEqualTo(number);
        JsonNode found = as(s.user()).get("/api/portal/principals?q=danjuma").json();
        assertThat(found.findValuesAsText("enrolleeNumber")).containsExactly(number);
        assertThat(found.get(0).get("plan").asText()).isEqualTo(s.plan().getCode());
    }

    @ParameterizedTest
    @EnumSource(ChangeKind.class)
    void a_declined_request_changes_nothing_and_keeps_the_reason(ChangeKind kind) {
        ClientSetup s = fixtures.client("acme-hmo");
        JsonNode before = as(s.user()).get("/api/portal/enrollees/" + s.principal().getId()).json();
        JsonNode made = request(as(s.user()), sample(kind, s));

        Api.Response declined = as(s.hmoAdmin()).post("/api/hmo/requests/" + made.get("id").asLong() + "/decline",
                Map.of("reason", "Send the marriage certificate first"));

        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("DECLINED");
        assertThat(as(s.user()).get("/api/portal/requests/" + made.get("id").asLong()).json().get("decisionReason").asText())
                .isEqualTo("Send the marriage certificate first");
        assertThat(as(s.user()).get("/api/portal/enrollees/" + s.principal().getId()).json()).isEqualTo(before);
        assertThat(as(s.user()).get("/api/portal/principals?q=danjuma").json()).isEmpty();
        assertThat(TestMail.awaitMail(s.user(), "Request " + made.get("id").asLong() + " declined").body())
                .contains("Send the marriage certificate first");
    }

    @Test
    void a_decline_needs_a_reason() {
        ClientSetup s = fixtures.client("acme-hmo");
        JsonNode made = request(as(s.user()), sample(ChangeKind.EDIT_DETAILS, s));
        assertThat(as(s.hmoAdmin()).post("/api/hmo/requests/" + made.get("id").asLong() + "/decline", Map.of("reason", " "))
                .status()).isEqualTo(400);
    }

    @Test
    void a_request_made_on_data_that_changed_since_is_refused_at_approval() {
        ClientSetup s = fixtures.client("acme-hmo");
        Api client = as(s.user());
        JsonNode rename = request(client, editName(s.spouse().getEnrolleeNumber(), "Bisola"));
        JsonNode otherRename = request(client, editName(s.spouse().getEnrolleeNumber(), "Olubisi"));
        JsonNode removal = request(client, Map.of("kind", "REMOVE_DEPENDENT", "enrolleeNumber", s.spouse().getEnrolleeNumber()));
        approve(s, rename);

        Api.Response stale = as(s.hmoAdmin()).post("/api/hmo/requests/" + otherRename.get("id").asLong() + "/approve", "");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("stale-request");
        assertThat(stale.json().get("detail").asText()).contains("changed after the request was made", "Bisola");

        JsonNode secondRemoval = request(client, Map.of("kind", "REMOVE_DEPENDENT", "enrolleeNumber", s.child().getEnrolleeNumber()));
        request(client, Map.of("kind", "REMOVE_DEPENDENT", "enrolleeNumber", s.child().getEnrolleeNumber()));
        approve(s, secondRemoval);
        JsonNode again = as(s.hmoAdmin()).get("/api/hmo/requests?status=PENDING&client=" + s.client().getCode()
                + "&kind=REMOVE_DEPENDENT").json();
        long duplicate = again.get("items").findValues("id").stream().mapToLong(JsonNode::asLong)
                .filter(id -> id != removal.get("id").asLong()).findFirst().orElseThrow();
        Api.Response alreadyRemoved = as(s.hmoAdmin()).post("/api/hmo/requests/" + duplicate + "/approve", "");
        assertThat(alreadyRemoved.status()).isEqualTo(409);
        assertThat(alreadyRemoved.json().get("detail").asText()).contains("is terminated since the request was made")
                .containsPattern("cover ended \\d{1,2} [A-Z][a-z]{2,3} \\d{4}\\)");
        assertThat(as(s.hmoAdmin()).get("/api/hmo/requests/" + otherRename.get("id").asLong()).json().get("status").asText())
                .isEqualTo("PENDING");
    }

    @Test
    void the_dependents_policy_is_checked_when_asked_and_again_at_approval() {
        ClientSetup s = fixtures.client("acme-hmo");
        Api client = as(s.user());
        String principal = s.principal().getEnrolleeNumber();

        Api.Response secondSpouse = client.post("/api/portal/requests", addDependent(principal, "SPOUSE", LocalDate.of(1990, 1, 1)));
        assertThat(secondSpouse.status()).isEqualTo(409);
        assertThat(secondSpouse.json().get("code").asText()).isEqualTo("dependents-policy");
        Api.Response adult = client.post("/api/portal/requests", addDependent(principal, "CHILD", LocalDate.now().minusYears(18)));
        assertThat(adult.status()).isEqualTo(409);
        assertThat(adult.json().get("detail").asText()).contains("under 18");

        JsonNode secondChild = request(client, addDependent(principal, "CHILD", LocalDate.now().minusYears(2)));
        Api.Response thirdChild = client.post("/api/portal/requests", addDependent(principal, "CHILD", LocalDate.now().minusYears(3)));
        assertThat(thirdChild.json().get("detail").asText()).contains("at most 2 children");

        fixtures.dependentKeyedByHmo(s.principal(), "9", Relationship.CHILD);
        Api.Response atApproval = as(s.hmoAdmin()).post("/api/hmo/requests/" + secondChild.get("id").asLong() + "/approve", "");
        assertThat(atApproval.status()).isEqualTo(409);
        assertThat(atApproval.json().get("code").asText()).isEqualTo("dependents-policy");
    }

    @Test
    void a_pending_request_can_be_withdrawn_and_is_then_not_approved() {
        ClientSetup s = fixtures.client("acme-hmo");
        JsonNode made = request(as(s.user()), sample(ChangeKind.EDIT_DETAILS, s));

        JsonNode withdrawn = as(s.user()).post("/api/portal/requests/" + made.get("id").asLong() + "/withdraw", "").json();

        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        Api.Response approve = as(s.hmoAdmin()).post("/api/hmo/requests/" + made.get("id").asLong() + "/approve", "");
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.json().get("code").asText()).isEqualTo("request-not-pending");
        assertThat(approve.json().get("detail").asText()).as("in words, without a raw timestamp")
                .contains("is already withdrawn (by " + s.user()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        assertThat(as(s.user()).get("/api/portal/requests?status=WITHDRAWN").json().at("/items/0/id").asLong())
                .isEqualTo(made.get("id").asLong());
    }

    @Test
    void every_new_request_notifies_the_hmo_in_app_and_by_email() {
        ClientSetup s = fixtures.client("acme-hmo");
        Api hmo = as(s.hmoAdmin());
        hmo.post("/api/hmo/notifications/read-all", "");

        JsonNode made = request(as(s.user()), sample(ChangeKind.ADD_DEPENDENT, s));

        assertThat(hmo.get("/api/hmo/notifications/unread-count").json().get("unread").asLong()).isEqualTo(1);
        JsonNode notice = hmo.get("/api/hmo/notifications?unread=true").json().get(0);
        assertThat(notice.get("requestId").asLong()).isEqualTo(made.get("id").asLong());
        assertThat(notice.get("message").asText()).contains(s.client().getName(), "add child");
        hmo.post("/api/hmo/notifications/" + notice.get("id").asLong() + "/read", "");
        assertThat(hmo.get("/api/hmo/notifications/unread-count").json().get("unread").asLong()).isZero();
        assertThat(TestMail.awaitMail(s.client().getHmoEmail(), "New change request " + made.get("id").asLong()).body())
                .contains("add child").contains("/hmo/requests/" + made.get("id").asLong()).doesNotContain("/api/");
    }

    @Test
    void the_hmo_and_the_client_read_their_notices_at_the_one_address_and_the_hmos_old_one_still_answers() {
        ClientSetup s = fixtures.client("acme-hmo");
        Api hmo = as(s.hmoAdmin());
        Api client = as(s.user());
        long id = request(client, sample(ChangeKind.REMOVE_DEPENDENT, s)).get("id").asLong();

        JsonNode notice = notice(hmo.get("/api/notifications?unread=true").json(), id);
        assertThat(notice.get("kind").asText()).isEqualTo("CHANGE_REQUESTED");
        assertThat(notice.get("message").asText()).contains(s.client().getName(), "remove dependent");
        // The path from before the one store answers the same, marked deprecated, and pointing at its successor.
        Api.Response old = hmo.get("/api/hmo/notifications?unread=true");
        assertThat(notice(old.json(), id).get("id").asLong()).isEqualTo(notice.get("id").asLong());
        assertThat(old.header("Deprecation")).isEqualTo("true");
        assertThat(old.header("Link")).contains("</api/notifications>");
        assertThat(anonymous().get("/v3/api-docs").json().at("/paths/~1api~1hmo~1notifications/get/deprecated").asBoolean()).isTrue();
        // A notice is its audience's: the client's user cannot mark the HMO's.
        assertThat(client.post("/api/notifications/" + notice.get("id").asLong() + "/read", "").status()).isEqualTo(404);

        hmo.post("/api/hmo/requests/" + id + "/decline", Map.of("reason", "Send the divorce decree"));

        JsonNode told = notice(client.get("/api/notifications?unread=true").json(), id);
        assertThat(told.get("kind").asText()).isEqualTo("CHANGE_REQUEST_DECIDED");
        assertThat(told.get("message").asText()).contains("declined: Send the divorce decree");
        assertThat(client.get("/api/notifications/unread-count").json().get("unread").asLong()).isEqualTo(1);
        assertThat(client.post("/api/notifications/read-all", "").json().get("marked").asInt()).isEqualTo(1);
        assertThat(as(fixtures.client("acme-hmo").user()).get("/api/notifications").json()).isEmpty();
    }

    private static JsonNode notice(JsonNode notices, long requestId) {
        for (JsonNode n : notices) {
            if (n.path("requestId").asLong() == requestId) {
                return n;
            }
        }
        throw new AssertionError("No notice about request " + requestId + " in " + notices);
    }

    @Test
    void the_hmo_filters_requests_and_every_change_is_traced_to_its_request_and_both_people() {
        ClientSetup s = fixtures.client("acme-hmo");
        JsonNode edit = request(as(s.user()), sample(ChangeKind.EDIT_DETAILS, s));
        request(as(s.user()), sample(ChangeKind.CHANGE_PRIMARY_PROVIDER, s));
        Api hmo = as(s.hmoAdmin());

        JsonNode edits = hmo.get("/api/hmo/requests?client=" + s.client().getCode() + "&kind=EDIT_DETAILS&from="
                + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1)).json();
        assertThat(edits.get("items").findValuesAsText("kind")).containsExactly("EDIT_DETAILS");
        approve(s, edit);
        assertThat(hmo.get("/api/hmo/requests?client=" + s.client().getCode() + "&status=PENDING").json()
                .get("items").findValuesAsText("kind")).containsExactly("CHANGE_PRIMARY_PROVIDER");

        JsonNode history = hmo.get("/api/hmo/enrollee-history?enrolleeNumber=" + s.child().getEnrolleeNumber()).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("requestId").asLong()).isEqualTo(edit.get("id").asLong());
        assertThat(history.get(0).get("requestedBy").asText()).isEqualTo(s.user());
        assertThat(history.get(0).get("approvedBy").asText()).isEqualTo(s.hmoAdmin());
        assertThat(TestMail.awaitMail(s.user(), "Request " + edit.get("id").asLong() + " approved").body()).contains("approved");
    }

    @Test
    void roles_keep_to_their_side() {
        ClientSetup s = fixtures.client("acme-hmo");
        assertThat(as(s.hmoAdmin()).get("/api/portal/principals").status()).isEqualTo(403);
        assertThat(as(s.user()).get("/api/hmo/requests").status()).isEqualTo(403);
        assertThat(as(fixtures.practice().billing()).get("/api/portal/principals").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/portal/principals").status()).isEqualTo(401);
    }

    private Map<String, Object> sample(ChangeKind kind, ClientSetup s) {
        return switch (kind) {
            case ADD_DEPENDENT -> addDependent(s.principal().getEnrolleeNumber(), "CHILD", LocalDate.now().minusYears(1));
            case REMOVE_DEPENDENT -> Map.of("kind", kind.name(), "enrolleeNumber", s.spouse().getEnrolleeNumber());
            case EDIT_DETAILS -> editName(s.child().getEnrolleeNumber(), "Kemisola");
            case CHANGE_PRIMARY_PROVIDER -> Map.of("kind", kind.name(), "enrolleeNumber", s.principal().getEnrolleeNumber(),
                    "primaryProvider", fixtures.practice().provider().getCode());
            case REGISTER_PRINCIPAL -> Map.of("kind", kind.name(), "firstName", "Musa", "lastName", "Danjuma",
                    "dateOfBirth", "1992-08-14");
        };
    }

    private static Map<String, Object> addDependent(String principal, String relationship, LocalDate born) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "ADD_DEPENDENT", "enrolleeNumber", principal,
                "relationship", relationship, "firstName", "New", "lastName", "Bakare"));
        body.put("dateOfBirth", born.toString());
        return body;
    }

    private static Map<String, Object> editName(String enrolleeNumber, String firstName) {
        return Map.of("kind", "EDIT_DETAILS", "enrolleeNumber", enrolleeNumber, "firstName", firstName);
    }

    private static JsonNode request(Api client, Map<String, Object> body) {
        Api.Response made = client.post("/api/portal/requests", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json();
    }

    private JsonNode approve(ClientSetup s, JsonNode request) {
        Api.Response approved = as(s.hmoAdmin()).post("/api/hmo/requests/" + request.get("id").asLong() + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return approved.json();
    }
}
