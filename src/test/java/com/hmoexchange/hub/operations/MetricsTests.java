package com.hmoexchange.hub.operations;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Prometheus, as an operator's scraper sees it: what a dispatch and a payer's answer leave in the metrics. */
class MetricsTests extends PracticeApiTest {

    @Autowired
    HubMetrics metrics;

    @Test
    void a_dispatch_and_an_answer_show_in_the_operators_metrics() throws IOException {
        Api operator = operator();
        String before = operator.get("/actuator/prometheus").text();
        double deliveredBefore = value(before, "hub_claims_sent_total", "channel=\"sftp\",outcome=\"DELIVERED\",payer=\"harmony-care\"");
        double submittedBefore = value(before, "hub_claims_submitted_total", "channel=\"sftp\",payer=\"harmony-care\"");
        double answersBefore = value(before, "hub_answers_received_total",
                "channel=\"sftp\",format=\"csv\",outcome=\"APPLIED\",payer=\"harmony-care\"");

        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("harmony-care"), "CONS-GP"));
        billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "type", "REFERRAL_LETTER");
        String number = submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();
        SFTP.drop(Fixtures.unique("status") + ".csv", "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n"
                + number + ",HCI-7,UNDER_REVIEW,,,,,\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> billing.get(claimPath(claim)).json().get("status").asText(),
                "IN_REVIEW"::equals);
        metrics.refresh();

        String scraped = operator.get("/actuator/prometheus").text();
        assertThat(value(scraped, "hub_claims_sent_total", "channel=\"sftp\",outcome=\"DELIVERED\",payer=\"harmony-care\""))
                .isEqualTo(deliveredBefore + 1);
        assertThat(value(scraped, "hub_claims_submitted_total", "channel=\"sftp\",payer=\"harmony-care\""))
                .isEqualTo(submittedBefore + 1);
        assertThat(value(scraped, "hub_answers_received_total",
                "channel=\"sftp\",format=\"csv\",outcome=\"APPLIED\",payer=\"harmony-care\"")).isEqualTo(answersBefore + 1);
        assertThat(value(scraped, "hub_claims_delivery_latency_seconds_count", "payer=\"harmony-care\"")).isGreaterThanOrEqualTo(1);
        assertThat(scraped).contains("hub_claims_delivery_latency_seconds_bucket{");
        assertThat(value(scraped, "hub_answers_last_day", "channel=\"sftp\",outcome=\"APPLIED\",payer=\"harmony-care\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(scraped).contains("hub_outbox_backlog{", "hub_outbox_oldest_age_seconds{", "hub_claims_stale{",
                "hub_mail_waiting{", "hub_mail_retrying{", "hub_mail_given_up{", "hub_changerequests_pending{",
                "hub_changerequests_oldest_pending_age_seconds{", "http_server_requests_seconds_bucket{");
        assertThat(value(scraped, "hub_queue_depth", "queue=\"claims.outbound.dlq\"")).isGreaterThanOrEqualTo(0);
        assertThat(scraped).contains("hub_incidents_open{", "kind=\"PAYER_FAILING\"");
        assertThat(dashboardMetrics()).as("every metric the compose stack's Grafana dashboard draws is served")
                .isNotEmpty().allSatisfy(metric -> assertThat(scraped).contains(metric + "{"));
    }

    @Test
    void only_operators_may_read_the_metrics() {
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(billing.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(operator().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void the_metrics_scrapers_account_reads_the_metrics_and_nothing_else() {
        Api scraper = new Api(port, "prometheus-test", "scraper-test-password");
        assertThat(scraper.get("/actuator/prometheus").text()).contains("hub_outbox_backlog{");
        assertThat(scraper.get("/api/messages").status()).isEqualTo(401);
        assertThat(scraper.get("/api/operations/incidents").status()).isEqualTo(401);
        assertThat(new Api(port, "prometheus-test", "a-wrong-password-1234").get("/actuator/prometheus").status()).isEqualTo(401);
    }

    /** The hub's metrics that the Grafana dashboard's queries name (ops/grafana/dashboards). */
    private static Set<String> dashboardMetrics() throws IOException {
        String dashboard = Files.readString(Path.of("ops/grafana/dashboards/hmo-exchange-hub.json"));
        Set<String> metrics = new TreeSet<>();
        Matcher m = Pattern.compile("\\bhub_[a-z_]+").matcher(dashboard);
        while (m.find()) {
            metrics.add(m.group());
        }
        return metrics;
    }

    private Api operator() {
        String name = fixtures.operator();
        return as(name);
    }

    /** The value of the series whose labels hold {@code labels} (in Prometheus's alphabetical order); 0 when absent. */
    static double value(String scraped, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\} (\\S+)$")
                .matcher(scraped);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
