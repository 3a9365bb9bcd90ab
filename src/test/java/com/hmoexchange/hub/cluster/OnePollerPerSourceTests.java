package com.hmoexchange.hub.cluster;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.payers.PayerAddresses;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerSettings;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Two hub nodes on one PostgreSQL database, as the cluster lock sees them: each node here is its own lock
 * repository (its own node id and connections), cluster service and Camel context, running Harmony Care's answer
 * poller wrapped in {@code master:} as ResponseChannels wraps it, into the hub's real answer intake. A node "dies"
 * by losing its database for good (it can neither renew nor let go of its lock), then stops: what kill -9 leaves.
 */
class OnePollerPerSourceTests extends ApiTest {

    static final String STATUS_HEADER = "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n";
    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext spring;
    @Autowired
    PayerCatalog catalog;
    @Autowired
    PayerAddresses addresses;

    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Node::close);
    }

    @Test
    void a_payer_folder_is_polled_by_one_node_and_when_it_dies_another_takes_over_within_30_seconds_applying_each_file_once() {
        Api billing = as(fixtures.practice().billing());
        String first = delivered(billing);
        String second = delivered(billing);
        String folder = Fixtures.unique("cluster").toLowerCase();
        Path answers = SFTP.responses().resolveSibling(folder);
        String lock = "poll.payer.harmony-care.sftp." + folder;

        Node a = start("node-a", lock, folder);
        await().atMost(Duration.ofSeconds(10)).until(a.cluster.contest(lock)::held);
        Node b = start("node-b", lock, folder);
        assertThat(b.cluster.contest(lock).awaitFirstAnswer(Duration.ofSeconds(10))).isTrue();
        assertThat(b.cluster.contest(lock).held()).isFalse();

        // Both nodes run the poller; only the holder polls: every file is taken by node A.
        List<String> before = new ArrayList<>();
        for (String status : List.of("ACKNOWLEDGED", "UNDER_REVIEW", "APPROVED")) {
            String name = Fixtures.unique("before-" + status.toLowerCase()) + ".csv";
            SFTP.drop(answers, name, STATUS_HEADER + first + ",HCI-1," + status + ",,,,,\n");
            before.add(name);
        }
        awaitStatus(billing, first, "APPROVED");
        await().atMost(Duration.ofSeconds(20)).until(() -> a.taken.containsAll(before));
        assertThat(a.taken).containsExactlyInAnyOrderElementsOf(before);
        assertThat(b.taken).isEmpty();

        // Node A dies: it stops renewing and cannot let go, so its row stays until it expires.
        a.database.cut();
        a.close();
        assertThat(holderOf(lock)).isEqualTo("node-a");
        await().atMost(Duration.ofSeconds(30)).until(b.cluster.contest(lock)::held);

        // An answer dropped after the take-over is applied once, by node B.
        String after = Fixtures.unique("after") + ".csv";
        SFTP.drop(answers, after, STATUS_HEADER + second + ",HCI-2,DECLINED,,,,R07,No referral letter on file\n");
        JsonNode rejected = awaitStatus(billing, second, "REJECTED");
        assertThat(b.taken).containsExactly(after);
        assertThat(a.taken).doesNotContain(after);
        assertThat(jdbc.queryForObject("select count(*) from inbound_document where name = ?", Integer.class, after)).isEqualTo(1);
        assertThat(rejected.get("history").findValuesAsText("to").stream().filter("REJECTED"::equals)).hasSize(1);
        assertThat(holderOf(lock)).isEqualTo("node-b");
    }

    @Test
    void a_timer_duty_runs_on_one_node_only_and_moves_when_that_node_stops() throws Exception {
        String duty = Fixtures.unique("test-duty");
        Node c = start("node-c", null, null);
        Node d = start("node-d", null, null);
        AtomicInteger onC = new AtomicInteger();
        AtomicInteger onD = new AtomicInteger();

        // Both nodes' timers fire, ten times each, at the same moments.
        ExecutorService timers = Executors.newFixedThreadPool(2);
        try {
            for (int turn = 0; turn < 10; turn++) {
                Future<Boolean> onNodeC = timers.submit(() -> c.duties.runIfHeld(duty, onC::incrementAndGet));
                Future<Boolean> onNodeD = timers.submit(() -> d.duties.runIfHeld(duty, onD::incrementAndGet));
                assertThat(onNodeC.get() ^ onNodeD.get()).as("one node ran turn %d", turn).isTrue();
            }
        } finally {
            timers.shutdown();
        }
        assertThat(List.of(onC.get(), onD.get())).containsExactlyInAnyOrder(10, 0);

        // The holder stops (lets go): the other node runs the duty from its next turn that finds the lock free.
        Node holder = onC.get() == 10 ? c : d;
        Node other = holder == c ? d : c;
        AtomicInteger onOther = holder == c ? onD : onC;
        holder.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> other.duties.runIfHeld(duty, onOther::incrementAndGet));
        assertThat(onOther.get()).isEqualTo(1);
    }

    @Test
    void operators_see_which_node_holds_each_poller_and_duty() {
        Api operator = as(fixtures.operator());
        JsonNode cluster = await().atMost(Duration.ofSeconds(15)).until(() -> operator.get("/api/operations/cluster").json(),
                c -> holding(c, "poll.payer.harmony-care.sftp") != null && "hub-test".equals(holding(c, "poll.payer.harmony-care.sftp").path("holder").asText()));
        assertThat(cluster.get("node").asText()).isEqualTo("hub-test");
        assertThat(holding(cluster, "poll.payer.harmony-care.sftp").get("heldHere").asBoolean()).isTrue();
        assertThat(holding(cluster, "poll.payer.harmony-care.sftp").get("renewedAt").isNull()).isFalse();
        for (String name : List.of("poll.payer.crestline-health.mail", "poll.clients.sftp", "poll.clients.mail",
                "duty.dispatch-repair", "duty.claims-stale-check", "duty.outbox-cleanup")) {
            assertThat(holding(cluster, name)).as(name).isNotNull();
        }
        assertThat(as(fixtures.practice().billing()).get("/api/operations/cluster").status()).isEqualTo(403);
    }

    private static JsonNode holding(JsonNode cluster, String name) {
        for (JsonNode lock : cluster.get("locks")) {
            if (lock.get("name").asText().equals(name)) {
                return lock;
            }
        }
        return null;
    }

    private String holderOf(String lock) {
        List<String> holders = jdbc.queryForList("select client_id from cluster_lock where region = ? and lock_key = ?", String.class,
                ClusterConfiguration.REGION, UUIDConverter.getUUID(lock).toString());
        return holders.isEmpty() ? null : holders.get(0).strip();
    }

    /** A node: its own lock repository and cluster service, and (with a lock) Harmony's answer poller in a Camel context. */
    private Node start(String id, String lock, String folder) {
        Node node = new Node(id, dataSource);
        nodes.add(node);
        if (lock != null) {
            PayerSettings harmony = catalog.settings("harmony-care");
            String uri = addresses.sftpAnswers(harmony, 300, "payerResponseFileLocks");
            String own = uri.replace("/" + harmony.responses().sftpDirectory() + "?", "/" + folder + "?");
            assertThat(own).isNotEqualTo(uri);
            node.camel.getRegistry().bind("payerResponseFileLocks", spring.getBean("payerResponseFileLocks"));
            Object intake = spring.getBean("payerResponses");
            try {
                node.camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("master:" + lock + ":" + own).routeId("answers-" + id)
                                .setHeader("hubPayer", constant("harmony-care"))
                                .process(e -> node.taken.add(e.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class)))
                                .bean(intake, "fromFile");
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        node.camel.start();
        return node;
    }

    private String delivered(Api billing) {
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("harmony-care"), "CONS-GP"));
        Api.Response attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf", PDF,
                "type", "REFERRAL_LETTER");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        return submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();
    }

    private static JsonNode awaitStatus(Api billing, String claimNumber, String status) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            long id = billing.get("/api/claims?claimNumber=" + claimNumber).json().at("/items/0/id").asLong();
            return billing.get("/api/claims/" + id).json();
        }, c -> status.equals(c.get("status").asText()));
    }

    /** A hub node as far as the cluster lock goes: built as ClusterConfiguration builds the hub's own. */
    static final class Node implements AutoCloseable {
        final CuttableDatabase database;
        final DefaultLockRepository repository;
        final LockClusterService cluster;
        final LockedDuties duties;
        final DefaultCamelContext camel = new DefaultCamelContext();
        final List<String> taken = new CopyOnWriteArrayList<>();

        Node(String id, DataSource shared) {
            ClusterSettings settings = new ClusterSettings(id, null, null);
            database = new CuttableDatabase(shared);
            repository = ClusterConfiguration.repository(database, settings);
            repository.afterPropertiesSet();
            repository.afterSingletonsInstantiated();
            cluster = new LockClusterService(id, ClusterConfiguration.registry(repository, settings), settings.renewPeriod());
            duties = new LockedDuties(cluster, settings.renewPeriod());
            try {
                camel.addService(cluster);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            camel.stop();
        }
    }

    /** The node's way to its database; cut, it gets no connection any more (the node is gone). */
    static final class CuttableDatabase extends DelegatingDataSource {
        private volatile boolean cut;

        CuttableDatabase(DataSource target) {
            super(target);
        }

        void cut() {
            cut = true;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLException("This node is gone", "08001");
            }
            return super.getConnection();
        }
    }
}
