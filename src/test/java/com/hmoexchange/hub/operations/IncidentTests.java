package com.hmoexchange.hub.operations;

import static com.hmoexchange.hub.support.PayerSandboxes.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.PracticeApiTest;
import com.hmoexchange.hub.support.TestMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Incidents against the real dispatch: a payer that fails many sends opens one incident, and operators hear
 * of it once, however many evaluations see it; its recovery closes it once. The evaluator is called with an
 * instant past the payer's threshold instead of waiting for the clock (hub.operations.incidents.scheduled is
 * off under test).
 */
class IncidentTests extends PracticeApiTest {

    @Autowired
    Incidents incidents;
    @Autowired
    IncidentRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void a_failing_payer_opens_one_incident_across_many_failures_and_closes_it_once_when_it_recovers() {
        Instant start = clock.instant();
        for (int i = 0; i < 3; i++) {
            JsonNode claim = draft(billing, visit(billing, patient, "CONS-GP"));
            HTTP.script(claim.get("claimNumber").asText(), 503, 503, 503, 503);
            assertThat(billing.post(claimPath(claim) + "/submit", "").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> billing.get(claimPath(claim)).json()
                    .at("/delivery/status").asText().equals("DEAD_LETTERED"));
        }

        Instant pastThreshold = clock.instant().plus(Duration.ofHours(1));
        incidents.evaluate(pastThreshold);
        incidents.evaluate(pastThreshold.plusSeconds(30));
        incidents.evaluate(pastThreshold.plusSeconds(60));

        List<Incident> failing = since(start);
        assertThat(failing).hasSize(1);
        assertThat(failing.get(0).isOpen()).isTrue();
        assertThat(failing.get(0).getSummary()).contains("failed since").doesNotContain("CLM-");
        assertThat(notices("INCIDENT_OPENED", start)).isEqualTo(1);
        TestMail.awaitMail(PayerSandboxes.OPERATIONS_MAILBOX, "incident opened");
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("Payer failing (acme-hmo)"), n -> n == 1);
        assertThat(incidents.open()).anyMatch(i -> i.getKind() == IncidentKind.DEAD_LETTERS);
        JsonNode listed = operator().get("/api/operations/incidents").json();
        assertThat(listed.findValuesAsText("label")).contains("Payer failing", "Dead letters");
        assertThat(billing.get("/api/operations/incidents").status()).isEqualTo(403);

        submitAndAwaitDelivery(billing, draft(billing, visit(billing, patient, "CONS-GP")));
        Instant recovered = clock.instant().plus(Duration.ofHours(1));
        incidents.evaluate(recovered);
        incidents.evaluate(recovered.plusSeconds(30));

        failing = since(start);
        assertThat(failing).hasSize(1);
        assertThat(failing.get(0).isOpen()).isFalse();
        assertThat(failing.get(0).getClosedAt()).isEqualTo(recovered);
        assertThat(notices("INCIDENT_CLOSED", start)).isEqualTo(1);
        assertThat(incidents.history(0, 50).getContent()).extracting(Incident::getId).contains(failing.get(0).getId());
        assertThat(operator().get("/api/operations/incidents?closed=true").json().findValuesAsText("id"))
                .contains(String.valueOf(failing.get(0).getId()));
    }

    private Api operator() {
        String name = Fixtures.unique("ops");
        users.save(AppUser.operator(name, encoder.encode(Fixtures.PASSWORD)));
        return as(name);
    }

    private List<Incident> since(Instant start) {
        return repository.findByKindAndSubjectOrderByIdAsc(IncidentKind.PAYER_FAILING, "acme-hmo").stream()
                .filter(i -> !i.getOpenedAt().isBefore(start)).toList();
    }

    private long notices(String kind, Instant since) {
        return jdbc.queryForObject("select count(*) from notification where audience = 'OPERATORS' and kind = ? "
                + "and message like '%Payer failing (acme-hmo)%' and created_at >= ?", Long.class, kind, Timestamp.from(since));
    }

    private long mails(String text) {
        return TestMail.to(PayerSandboxes.OPERATIONS_MAILBOX).stream()
                .filter(m -> m.subject().contains("incident opened") && m.body().contains(text)).count();
    }
}
