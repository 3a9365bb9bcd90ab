package com.hmoexchange.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A payer's status file of {@code bench.lines} lines (two per claim: 70 % approved, 20 % part-approved,
 * 10 % declined with a reason) applied end to end on PostgreSQL: from the file appearing in the payer's
 * SFTP folder, through the SFTP route, the CSV mapping and the set-based application, until the inbound
 * document is recorded as applied. The same rows are then COPYed into a plain table as the baseline of what
 * the database itself takes. Prints lines/s, total time, peak heap and CPU time (hub, applying thread, database). Not part of the test suite: see
 * docs/benchmarks.md. The database (hub_bench_responses, or HUB_BENCH_DB_URL) is created when missing.
 */
@Tag("benchmark")
class ResponseBenchmark extends ApiTest {

    static final int LINES = Integer.getInteger("bench.lines", 100_000);
    static final String DB_URL = System.getenv().getOrDefault("HUB_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hub_bench_responses");

    @DynamicPropertySource
    static void benchDatabase(DynamicPropertyRegistry registry) throws Exception {
        String name = DB_URL.substring(DB_URL.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(DB_URL.substring(0, DB_URL.lastIndexOf('/') + 1) + "postgres",
                System.getenv().getOrDefault("HUB_TEST_DB_USER", "postgres"), System.getenv().getOrDefault("HUB_TEST_DB_PASSWORD", ""))) {
            boolean exists = admin.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'").next();
            if (!exists) {
                admin.createStatement().execute("create database " + name);
            }
        }
        registry.add("spring.datasource.url", () -> DB_URL);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void a_status_file_of_100000_lines_applied_end_to_end() throws Exception {
        int claims = LINES / 2;
        String prefix = "B" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase() + "-";
        seed(prefix, claims);
        String csv = statusFile(prefix, claims);
        String name = Fixtures.unique("bench-status") + ".csv";

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long jvmCpuBefore = jvmCpuNanos();
        long applyingCpuBefore = applyingThreadCpuNanos();
        Map<Integer, Long> dbCpuBefore = databaseCpuTicks();
        long started = System.nanoTime();
        PayerSandboxes.SFTP.drop(name, csv);
        Map<String, Object> document = Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForList("select outcome, answers from inbound_document where name = ?", name).stream()
                        .findFirst().orElse(null), d -> d != null);
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double jvmCpuSeconds = (jvmCpuNanos() - jvmCpuBefore) / 1e9;
        double applyingCpuSeconds = (applyingThreadCpuNanos() - applyingCpuBefore) / 1e9;
        double dbCpuSeconds = cpuSecondsSince(dbCpuBefore);

        long copyStarted = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("create table if not exists bench_status_copy (claim_ref varchar(30), hci_ref varchar(40), "
                    + "status varchar(20), line_no integer, approved_qty integer, approved_amount numeric(14, 2), "
                    + "reason_code varchar(20), reason varchar(200))");
            c.createStatement().execute("truncate bench_status_copy");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_status_copy from stdin with (format csv, header true)",
                    new StringReader(csv));
        }
        double copySeconds = (System.nanoTime() - copyStarted) / 1e9;

        assertThat(document.get("outcome")).isEqualTo("APPLIED");
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        jdbc.query("select status, count(*) from claim where claim_number like ? group by status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }, prefix + "%");
        System.out.printf("%nstatus file: %,d lines (%,d claims, %.1f MB) applied end to end in %.2f s -> %,.0f lines/s%n",
                LINES, claims, csv.length() / 1e6, seconds, LINES / seconds);
        System.out.printf("  claims now: %s%n", byStatus);
        System.out.printf("  peak heap during the run: %d MiB (max heap %d MiB)%n", peakHeap >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("  CPU during the run: hub JVM %.2f s (of which the thread taking and applying the file %.2f s), "
                + "PostgreSQL backends of this database %.2f s%n", jvmCpuSeconds, applyingCpuSeconds, dbCpuSeconds);
        System.out.printf("  baseline: COPY of the same %,d rows into a plain table: %.2f s%n", LINES, copySeconds);
        assertThat(byStatus).containsEntry("APPROVED", (long) (claims - claims / 10 - claims / 5))
                .containsEntry("PARTIAL", (long) (claims / 5)).containsEntry("REJECTED", (long) (claims / 10));
    }

    /** CPU time of this JVM (hub, SFTP server and client together). */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the payer-responses SFTP consumer, the thread that reads the file and applies it. */
    private static long applyingThreadCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("sftp://"))
                .mapToLong(t -> Math.max(0, threads.getThreadCpuTime(t.getId()))).sum();
    }

    /**
     * CPU ticks (user + system) of the PostgreSQL backends serving this database, by process id, read from
     * /proc (the server runs on this machine); other engineers' databases on the same server are not counted.
     */
    private Map<Integer, Long> databaseCpuTicks() {
        Map<Integer, Long> ticks = new java.util.HashMap<>();
        for (Integer pid : jdbc.queryForList("select pid from pg_stat_activity where datname = current_database()", Integer.class)) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid.toString(), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            } catch (java.io.IOException | RuntimeException e) {
                // A backend that ended meanwhile, or a server on another machine: not counted.
            }
        }
        return ticks;
    }

    /** Seconds of CPU the database's backends used since {@code before} (100 ticks a second on Linux). */
    private double cpuSecondsSince(Map<Integer, Long> before) {
        long used = 0;
        for (Map.Entry<Integer, Long> now : databaseCpuTicks().entrySet()) {
            used += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return used / 100.0;
    }

    /** Submitted Harmony claims of two lines each (5,000 and 2,000), written straight into the tables: set-up, not timed. */
    private void seed(String prefix, int claims) {
        long started = System.nanoTime();
        Fixtures.Practice practice = fixtures.practice();
        Enrollee patient = fixtures.enrollee("harmony-care");
        long payer = fixtures.payer("harmony-care").getId();
        long provider = practice.provider().getId();
        Long visit = jdbc.queryForObject("insert into visit (provider_id, enrollee_id, encounter_date, created_at, created_by) "
                + "values (?, ?, ?, now(), 'bench') returning id", Long.class, provider, patient.getId(), LocalDate.now().minusDays(2));
        Long first = jdbc.queryForObject("insert into visit_service (visit_id, position, service_code, description, quantity, service_date) "
                + "values (?, 1, 'CONS-GP', 'GP consultation', 1, ?) returning id", Long.class, visit, LocalDate.now().minusDays(2));
        Long second = jdbc.queryForObject("insert into visit_service (visit_id, position, service_code, description, quantity, service_date) "
                + "values (?, 2, 'LAB-MP', 'Malaria test', 1, ?) returning id", Long.class, visit, LocalDate.now().minusDays(2));
        jdbc.update("insert into claim (claim_number, provider_id, payer_id, enrollee_id, visit_id, provider_reference, status, "
                + "payment_status, currency, created_by, created_at, submitted_at, last_activity_at, stale_after, delivery_status) "
                + "select ? || lpad(n::text, 6, '0'), ?, ?, ?, ?, ? || lpad(n::text, 6, '0'), 'SUBMITTED', 'UNPAID', 'NGN', 'bench', "
                + "now(), now(), now(), now() + interval '10 days', 'DELIVERED' from generate_series(1, ?) n",
                prefix, provider, payer, patient.getId(), visit, prefix, claims);
        jdbc.update("insert into claim_line (claim_id, position, visit_service_id, service_code, description, quantity, service_date, "
                + "tariff_price, unit_price) select c.id, l.position, case l.position when 1 then ? else ? end, "
                + "case l.position when 1 then 'CONS-GP' else 'LAB-MP' end, 'bench line', 1, current_date - 2, l.price, l.price "
                + "from claim c cross join (values (1, 5000.00), (2, 2000.00)) as l(position, price) where c.claim_number like ?",
                first, second, prefix + "%");
        jdbc.execute("analyze claim");
        jdbc.execute("analyze claim_line");
        System.out.printf("%nseeded %,d submitted claims of 2 lines in %.1f s (not timed)%n", claims, (System.nanoTime() - started) / 1e9);
    }

    /** Harmony's status CSV: two rows per claim. */
    private static String statusFile(String prefix, int claims) {
        StringBuilder csv = new StringBuilder(LINES * 60);
        csv.append("CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n");
        for (int n = 1; n <= claims; n++) {
            String claim = prefix + String.format("%06d", n);
            if (n % 10 == 0) {
                csv.append(claim).append(",HCI-").append(n).append(",DECLINED,1,,,R07,No referral letter on file\n");
                csv.append(claim).append(",HCI-").append(n).append(",DECLINED,2,,,R07,No referral letter on file\n");
            } else if (n % 5 == 1) {
                csv.append(claim).append(",HCI-").append(n).append(",PART_APPROVED,1,1,5000.00,,\n");
                csv.append(claim).append(",HCI-").append(n).append(",PART_APPROVED,2,1,1000.00,T12,Paid at half the tariff\n");
            } else {
                csv.append(claim).append(",HCI-").append(n).append(",APPROVED,1,1,5000.00,,\n");
                csv.append(claim).append(",HCI-").append(n).append(",APPROVED,2,1,2000.00,,\n");
            }
        }
        return csv.toString();
    }
}
