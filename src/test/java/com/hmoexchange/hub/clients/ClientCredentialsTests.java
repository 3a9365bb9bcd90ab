package com.hmoexchange.hub.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestMail.Mail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClientCredentialsTests extends ApiTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/set-password\\?token=([A-Za-z0-9_-]+)");

    @Test
    void the_client_gets_a_sign_in_link_and_the_hmo_a_copy_without_it() {
        ClientSetup setup = fixtures.client("acme-hmo");
        String email = Fixtures.unique("hr").toLowerCase() + "@client.example";

        Api.Response issued = as(setup.hmoAdmin()).post("/api/hmo/clients/" + setup.client().getId() + "/credentials",
                Map.of("email", email));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.json().at("/user/email").asText()).isEqualTo(email);
        Mail toClient = TestMail.awaitMail(email, "sign-in link");
        assertThat(toClient.body()).containsPattern(LINK).contains(email);
        Mail copy = TestMail.awaitMail(setup.client().getHmoEmail(), "Copy: sign-in link sent to " + email);
        assertThat(copy.body()).doesNotContain(token(toClient)).doesNotContain("token=").contains("withheld");
    }

    @Test
    void the_link_sets_the_password_once_and_then_fails() {
        ClientSetup setup = fixtures.client("acme-hmo");
        String email = Fixtures.unique("hr").toLowerCase() + "@client.example";
        String token = issue(setup, email);

        Api.Response set = anonymous().post("/api/credentials/password", Map.of("token", token, "password", "my-own-secret-1"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("username").asText()).isEqualTo(email);
        assertThat(new Api(port, email, "my-own-secret-1").get("/api/portal/principals").status()).isEqualTo(200);

        Api.Response again = anonymous().post("/api/credentials/password", Map.of("token", token, "password", "someone-elses-1"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("sign-in-link-used");
        assertThat(new Api(port, email, "someone-elses-1").get("/api/portal/principals").status()).isEqualTo(401);
    }

    @Test
    void sending_again_revokes_the_earlier_link() {
        ClientSetup setup = fixtures.client("acme-hmo");
        String email = Fixtures.unique("hr").toLowerCase() + "@client.example";
        String first = issue(setup, email);
        Api.Response second = as(setup.hmoAdmin()).post("/api/hmo/clients/" + setup.client().getId() + "/credentials",
                Map.of("email", email));
        assertThat(second.json().get("earlierLinksRevoked").asInt()).isEqualTo(1);

        Api.Response withFirst = anonymous().post("/api/credentials/password", Map.of("token", first, "password", "my-own-secret-1"));

        assertThat(withFirst.status()).isEqualTo(409);
        assertThat(withFirst.json().get("code").asText()).isEqualTo("sign-in-link-revoked");
    }

    @Test
    void an_unknown_token_or_a_short_password_is_refused() {
        assertThat(anonymous().post("/api/credentials/password", Map.of("token", "no-such-token", "password", "long-enough-1"))
                .status()).isEqualTo(404);
        assertThat(anonymous().post("/api/credentials/password", Map.of("token", "no-such-token", "password", "short"))
                .status()).isEqualTo(400);
    }

    @Test
    void hmo_admins_list_and_disable_client_users() {
        ClientSetup setup = fixtures.client("acme-hmo");
        Api hmo = as(setup.hmoAdmin());
        JsonNode users = hmo.get("/api/hmo/client-users?clientId=" + setup.client().getId()).json();
        assertThat(users.findValuesAsText("email")).containsExactly(setup.user());
        long id = users.get(0).get("id").asLong();

        Api.Response disabled = hmo.post("/api/hmo/client-users/" + id + "/disable", "");

        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(as(setup.user()).get("/api/portal/principals").status()).isEqualTo(401);
    }

    @Test
    void an_hmo_cannot_issue_credentials_for_another_hmos_client() {
        ClientSetup setup = fixtures.client("acme-hmo");
        String otherHmo = fixtures.hmoAdmin("harmony-care");

        Api.Response refused = as(otherHmo).post("/api/hmo/clients/" + setup.client().getId() + "/credentials",
                Map.of("email", "x@client.example"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(as(setup.user()).post("/api/hmo/clients/" + setup.client().getId() + "/credentials",
                Map.of("email", "y@client.example")).status()).isEqualTo(403);
    }

    /** Issues credentials and returns the token from the link in the email that arrives. */
    private String issue(ClientSetup setup, String email) {
        int before = TestMail.to(email).size();
        Api.Response issued = as(setup.hmoAdmin()).post("/api/hmo/clients/" + setup.client().getId() + "/credentials",
                Map.of("email", email));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        List<Mail> mails = await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(email), m -> m.size() > before);
        return token(mails.get(mails.size() - 1));
    }

    private static String token(Mail mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as(mail.body()).isTrue();
        return m.group(1);
    }
}
