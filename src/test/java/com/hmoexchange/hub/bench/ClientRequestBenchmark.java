package com.hmoexchange.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestSftp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;

import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Bulk change requests on PostgreSQL: {@code bench.rows} CSV rows from one file uploaded by SFTP to
 * PENDING requests (timed from the upload until the client's report email is sent, which happens
 * after the last row), then every one of them approved through the REST API by {@code bench.threads}
 * client threads. Rows are a mix, a quarter each: add a child, edit a principal's details, remove a
 * spouse, register a new principal. Not part of the test suite: see docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=${HUB_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/hub_bench_portal}")
class ClientRequestBenchmark extends ApiTest {

    static final int ROWS = Integer.getInteger("bench.rows", 10_000);
    static final int THREADS = Integer.getInteger("bench.threads", 4);

    @Test
    void bulk_rows_to_pending_requests_and_approvals_through_the_api() throws Exception {
        ClientSetup setup = fixtures.client("acme-hmo");
        List<Enrollee> staff = fixtures.staff(setup, ROWS / 4);
        StringBuilder csv = new StringBuilder("kind,enrolleeNumber,relationship,firstName,lastName,dateOfBirth\n");
        String baby = LocalDate.now().minusMonths(3).toString();
        for (Enrollee p : staff) {
            String number = p.getEnrolleeNumber();
            csv.append("ADD_DEPENDENT,").append(number).append(",CHILD,Baby,Member,").append(baby).append('\n')
                    .append("EDIT_DETAILS,").append(number).append(",,").append(p.getFirstName()).append(",Member-Renamed,\n")
                    .append("REMOVE_DEPENDENT,").append(number.replace("/0", "/1")).append(",,,,\n")
                    .append("REGISTER_PRINCIPAL,,,New,").append(p.getFirstName()).append(",1995-05-05\n");
        }

        long started = System.nanoTime();
        TestSftp.upload(setup.client().getCode(), "bench.csv", csv.toString(), null);
        TestMail.Mail report = Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestMail.to(setup.client().getContactEmail()).stream()
                        .filter(m -> m.subject().contains("bench.csv")).findFirst().orElse(null), m -> m != null);
        double bulkSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(report.subject()).contains(ROWS + " taken, 0 refused");
        System.out.printf("%nbulk CSV by SFTP: %d rows -> %d pending requests in %.1f s (%.0f rows/s)%n", ROWS, ROWS,
                bulkSeconds, ROWS / bulkSeconds);

        Api hmo = as(setup.hmoAdmin());
        List<Long> ids = pendingIds(hmo, setup);
        assertThat(ids).hasSize(ROWS);
        long approvalsStarted = System.nanoTime();
        long[] latencies = approveAll(hmo, ids);
        double approvalSeconds = (System.nanoTime() - approvalsStarted) / 1e9;
        System.out.printf("approvals through the API: %d in %.1f s with %d client threads -> %.1f approvals/s%n", ROWS,
                approvalSeconds, THREADS, ROWS / approvalSeconds);
        Bench.printLatencies("approve", latencies);
        assertThat(hmo.get("/api/hmo/requests?status=PENDING&client=" + setup.client().getCode()).json()
                .get("totalItems").asLong()).isZero();
    }

    private List<Long> pendingIds(Api hmo, ClientSetup setup) {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = hmo.get("/api/hmo/requests?status=PENDING&size=200&page=" + page + "&client="
                    + setup.client().getCode()).json();
            found.get("items").forEach(r -> ids.add(r.get("id").asLong()));
            if (page + 1 >= found.get("totalPages").asInt()) {
                return ids;
            }
        }
    }
    private long[] approveAll(Api hmo, List<Long> ids) throws Exception {
        long[] latencies = new long[ids.size()];
        Bench.inParallel(THREADS, ids.size(), i -> {
            long t0 = System.nanoTime();
            Api.Response approved = hmo.post("/api/hmo/requests/" + ids.get(i) + "/approve", "");
            latencies[i] = (System.nanoTime() - t0) / 1000;
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        });
        return latencies;
    }

}
